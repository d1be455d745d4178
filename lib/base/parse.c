/*
 * parse.c - strict parsers for what scans print: decimal numbers with
 * no sign and no spaces, addresses as the scanners write them.
 *
 * strtoul(3) would skip spaces, take a sign and read past the field, so
 * every number in lib/ goes through pk_parse_digits instead (or, when
 * it allows too few digits to overflow, the same loop without the
 * test); the callers differ only in how many digits they allow and what
 * may follow.
 */
#include <arpa/inet.h>
#include <limits.h>
#include <stddef.h>

#include "base/parse.h"

/*
 * The digits that begin s[0..n) for n < 20, as they cannot overflow:
 * one multiply and add a digit, no test for it.
 */
static inline size_t
digits_short(const char *s, size_t n, unsigned long long *out)
{
	unsigned long long v = 0;
	size_t i;

	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	*out = v;
	return i;
}

size_t
pk_parse_digits(const char *s, size_t n, unsigned long long *out)
{
	const unsigned long long cut = ULLONG_MAX / 10;
	unsigned long long v;
	unsigned d;
	size_t i;

	if ((i = digits_short(s, n < 19 ? n : 19, &v)) < 19) {
		*out = v;
		return i;
	}
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
		d = (unsigned)(s[i] - '0');
		if (v < cut || (v == cut && d <= ULLONG_MAX % 10))
			v = v * 10 + d;
		else
			v = ULLONG_MAX;
	}
	*out = v;
	return i;
}

int
pk_parse_port(const char *s, size_t n, unsigned max, unsigned *out)
{
	unsigned long long v;

	if (n == 0 || n > 5 || digits_short(s, n, &v) != n || v > max)
		return -1;
	*out = (unsigned)v;
	return 0;
}

int
pk_parse_long(const char *s, size_t n, long long *out)
{
	unsigned long long v;

	if (n == 0 || n > 18 || digits_short(s, n, &v) != n)
		return -1;
	*out = (long long)v;
	return 0;
}

int
pk_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
pk_parse_mac(const char *s, unsigned char out[6])
{
	int i, hi, lo;

	for (i = 0; i < 6; i++, s += 3) {
		if ((hi = pk_hexval(s[0])) < 0 || (lo = pk_hexval(s[1])) < 0 ||
		    s[2] != (i == 5 ? '\0' : ':'))
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

/*
 * What inet_pton(AF_INET) accepts: four dot-separated decimal numbers of
 * at most 255, without a leading zero.  inet_pton took 1% of reading
 * -oG, whose every host is checked, for its length and copy.
 */
static int
ipv4_valid(const char *s)
{
	unsigned v;
	int part, nd;

	for (part = 0; part < 4; part++, s += nd + 1) {
		v = 0;
		for (nd = 0; nd < 4 && s[nd] >= '0' && s[nd] <= '9'; nd++)
			v = v * 10 + (unsigned)(s[nd] - '0');
		if (nd == 0 || nd > 3 || v > 255 || (nd > 1 && s[0] == '0') ||
		    s[nd] != (part == 3 ? '\0' : '.'))
			return 0;
	}
	return 1;
}

int
pk_addr_valid(enum pk_addrtype type, const char *s)
{
	unsigned char buf[16];

	switch (type) {
	case PK_ADDR_IPV4:
		return ipv4_valid(s);
	case PK_ADDR_IPV6:
		return inet_pton(AF_INET6, s, buf) == 1;
	case PK_ADDR_MAC:
		return pk_parse_mac(s, buf) == 0;
	}
	return 0;
}
