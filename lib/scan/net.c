/*
 * net.c - address networks: "10.0.0.0/8", "fd00::/8", or one address,
 * and whether an address lies in one.  Host filters and phist's policy
 * targets both speak this form.
 */
#include <arpa/inet.h>
#include <string.h>

#include "base/parse.h"
#include "portkit.h"

int
pk_net_parse(struct pk_net *net, const char *s)
{
	const char *slash = strchr(s, '/');
	size_t n = slash != NULL ? (size_t)(slash - s) : strlen(s);
	unsigned max, len;
	char buf[64];

	memset(net, 0, sizeof(*net));
	if (n == 0 || n >= sizeof(buf))
		return PK_ERR_FORMAT;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (inet_pton(AF_INET, buf, net->addr) == 1)
		net->family = 4;
	else if (inet_pton(AF_INET6, buf, net->addr) == 1)
		net->family = 6;
	else
		return PK_ERR_FORMAT;
	max = net->family == 4 ? 32 : 128;
	net->prefix = max;
	if (slash != NULL) {
		if (pk_parse_port(slash + 1, strlen(slash + 1), max, &len) != 0)
			return PK_ERR_FORMAT;
		net->prefix = len;
	}
	return PK_OK;
}

int
pk_net_contains(const struct pk_net *net, const char *addr)
{
	unsigned char buf[16];
	unsigned full, rest;

	if (addr == NULL || (net->family != 4 && net->family != 6) ||
	    inet_pton(net->family == 4 ? AF_INET : AF_INET6, addr, buf) != 1)
		return 0;
	full = net->prefix / 8;
	rest = net->prefix % 8;
	if (memcmp(buf, net->addr, full) != 0)
		return 0;
	return rest == 0 || ((buf[full] ^ net->addr[full]) &
	    (0xff00u >> rest)) == 0;
}
