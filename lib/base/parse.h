/*
 * parse.h - strict parsers shared by every reader (internal).
 */
#ifndef PK_BASE_PARSE_H
#define PK_BASE_PARSE_H

#include <stddef.h>

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

#endif /* PK_BASE_PARSE_H */
