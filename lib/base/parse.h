/*
 * parse.h - strict parsers shared by every reader (internal).
 */
#ifndef PK_BASE_PARSE_H
#define PK_BASE_PARSE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "portkit.h"

/*
 * The decimal digits that begin s[0..n): returns how many there are (0
 * when s does not begin with one) and stores their value in *out, or
 * ULLONG_MAX when it is larger, so that a run too long to fit reads as
 * too big and never wraps.  No sign, no spaces: the caller says what
 * may follow.
 */
size_t	pk_parse_digits(const char *s, size_t n, unsigned long long *out);
/* Decimal, no sign, no spaces, 1 to 5 digits; at most max.  0, or -1. */
int	pk_parse_port(const char *s, size_t n, unsigned max, unsigned *out);
/* Decimal, no sign, no spaces, 1 to 18 digits.  0, or -1. */
int	pk_parse_long(const char *s, size_t n, long long *out);
/* The value of the hex digit c (either case), or -1 when c is none. */
int	pk_hexval(char c);
/* "aa:bb:cc:dd:ee:ff" (hex of either case) into six bytes; 0, or -1. */
int	pk_parse_mac(const char *s, unsigned char out[6]);
/* inet_pton for the given type; MAC as six colon-separated hex pairs. */
int	pk_addr_valid(enum pk_addrtype type, const char *s);

/*
 * pk_parse_port where room bytes from s may be read (the rest of an
 * entry whose bounds are known).  With 8 or more, the n digits are read
 * as one little-endian word, checked and converted with no loop: a loop
 * ending at the digit count mispredicted its end on every other port of
 * a scan (ports have 1 to 5 digits).  Inline: a call cost as much as
 * the gain.
 */
static inline int
pk_parse_port_wide(const char *s, size_t n, size_t room, unsigned max,
    unsigned *out)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101ULL;
	uint64_t w, odd;

	if (room < 8 || n == 0 || n > 5)
		return pk_parse_port(s, n, max, out);
	memcpy(&w, s, 8);
	/*
	 * A digit is 0x30 to 0x39: high nibble 3, and still 3 with 6 added
	 * (a carry out of a byte only reaches the bytes after it, which
	 * are either wrong already or not ours).
	 */
	odd = ((w & 0xf0 * ones) ^ 0x30 * ones) |
	    (((w + 6 * ones) & 0xf0 * ones) ^ 0x30 * ones);
	if ((odd & (~0ULL >> (64 - 8 * n))) != 0)
		return -1;
	/* The digits to the top bytes, zeros before; pairs, fours, eight. */
	w = (w & 0x0f * ones) << (64 - 8 * n);
	w = (w * 2561) >> 8;			/* 10 << 8 | 1 */
	w = ((w & 0x00ff00ff00ff00ffULL) * 6553601) >> 16;
	w = ((w & 0x0000ffff0000ffffULL) * 42949672960001ULL) >> 32;
	if (w > max)
		return -1;
	*out = (unsigned)w;
	return 0;
#else
	(void)room;
	return pk_parse_port(s, n, max, out);
#endif
}

#endif /* PK_BASE_PARSE_H */
