/*
 * parse.c - strict parsers for what scans print: decimal numbers with
 * no sign and no spaces, addresses as the scanners write them.
 */
#include <arpa/inet.h>
#include <stddef.h>

#include "base/parse.h"

int
pk_parse_port(const char *s, size_t n, unsigned max, unsigned *out)
{
	unsigned long v = 0;
	size_t i;

	if (n == 0 || n > 5)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	if (v > max)
		return -1;
	*out = (unsigned)v;
	return 0;
}

int
pk_parse_long(const char *s, size_t n, long long *out)
{
	long long v = 0;
	size_t i;

	if (n == 0 || n > 18)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
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

int
pk_addr_valid(enum pk_addrtype type, const char *s)
{
	unsigned char buf[16];

	switch (type) {
	case PK_ADDR_IPV4:
		return inet_pton(AF_INET, s, buf) == 1;
	case PK_ADDR_IPV6:
		return inet_pton(AF_INET6, s, buf) == 1;
	case PK_ADDR_MAC:
		return pk_parse_mac(s, buf) == 0;
	}
	return 0;
}
