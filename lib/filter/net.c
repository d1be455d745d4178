/*
 * net.c - the networks of a record filter: ADDR[/LEN] parsed once,
 * then addresses tested against them byte by byte.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter_impl.h"

/*
 * The prefix length: decimal digits only, at most *len (the address's
 * bits), which it replaces.  The messages are the ones pcat has always
 * printed for a bad length.
 */
static int
prefix_len(const char *s, unsigned *len, struct pk_error *err)
{
	unsigned long v;

	/* strtoul alone would take blanks, a sign, and "-1" as ULONG_MAX. */
	if (*s == '\0' || strspn(s, "0123456789") != strlen(s)) {
		return flt_fail(err, PK_ERR_FORMAT,
		    "invalid prefix length: '%s'", s);
	}
	errno = 0;
	v = strtoul(s, NULL, 10);
	if (errno == ERANGE || v > *len) {
		return flt_fail(err, PK_ERR_FORMAT, "prefix length out of "
		    "range: '%s' (must be 0..%u)", s, *len);
	}
	*len = (unsigned)v;
	return PK_OK;
}

/* Parse ADDR[/LEN] into *nt. */
static int
net_parse(const char *arg, struct flt_net *nt, struct pk_error *err)
{
	const char *slash = strchr(arg, '/');
	size_t n = slash != NULL ? (size_t)(slash - arg) : strlen(arg);
	char buf[64];

	/* Longer than any address: cut, it will not parse. */
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, arg, n);
	buf[n] = '\0';
	memset(nt, 0, sizeof(*nt));
	if (inet_pton(AF_INET, buf, nt->addr) == 1)
		nt->family = AF_INET;
	else if (inet_pton(AF_INET6, buf, nt->addr) == 1)
		nt->family = AF_INET6;
	else
		return flt_fail(err, PK_ERR_FORMAT, "bad address \"%s\"",
		    arg);
	nt->prefix = nt->family == AF_INET ? 32 : 128;
	return slash != NULL ? prefix_len(slash + 1, &nt->prefix, err) : PK_OK;
}

int
pk_filter_net(struct pk_filter *f, const char *net, struct pk_error *err)
{
	struct flt_net nt, *arr;
	int rc;

	if (f == NULL || net == NULL)
		return flt_fail(err, PK_ERR_USAGE, "no filter or no network");
	if ((rc = net_parse(net, &nt, err)) != PK_OK)
		return rc;
	if ((arr = realloc(f->nets, (f->nnets + 1) * sizeof(*arr))) == NULL)
		return flt_fail(err, PK_ERR_NOMEM, "out of memory");
	f->nets = arr;
	f->nets[f->nnets++] = nt;
	f->criteria |= PK_FILTER_NET;
	return PK_OK;
}

static int
net_contains(const struct flt_net *nt, enum pk_addrtype type,
    const char *addr)
{
	unsigned char buf[16];
	unsigned full, rest;

	if (type == PK_ADDR_MAC || (type == PK_ADDR_IPV4) !=
	    (nt->family == AF_INET))
		return 0;
	/* Host names (lsof without -n) and wildcards ("*") match nothing. */
	if (inet_pton(nt->family, addr, buf) != 1)
		return 0;
	full = nt->prefix / 8;
	rest = nt->prefix % 8;
	if (memcmp(buf, nt->addr, full) != 0)
		return 0;
	return rest == 0 || ((buf[full] ^ nt->addr[full]) &
	    (0xff00 >> rest)) == 0;
}

int
flt_net_has(const struct pk_filter *f, enum pk_addrtype type,
    const char *addr)
{
	size_t i;

	for (i = 0; i < f->nnets; i++)
		if (net_contains(&f->nets[i], type, addr))
			return 1;
	return 0;
}

void
flt_nets_free(struct pk_filter *f)
{
	free(f->nets);
	f->nets = NULL;
	f->nnets = 0;
}
