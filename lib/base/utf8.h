/*
 * utf8.h - recognising valid UTF-8 (internal), for the escapers of out/
 * and the JSON of script elements (json.c).
 */
#ifndef PK_BASE_UTF8_H
#define PK_BASE_UTF8_H

#include <stddef.h>

/*
 * The length of the valid UTF-8 sequence starting at p (2 to 4), or 0:
 * no overlong forms, no surrogates, nothing above U+10FFFF.  Bytes are
 * checked in order, so the NUL ending the string stops it.
 */
static inline size_t
pk_utf8_seq(const unsigned char *p)
{
	unsigned char lo = 0x80, hi = 0xbf;

	if (p[0] < 0xc2 || p[0] > 0xf4)
		return 0;
	if (p[0] < 0xe0)
		return (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (p[0] == 0xe0)
		lo = 0xa0;
	else if (p[0] == 0xed)
		hi = 0x9f;
	else if (p[0] == 0xf0)
		lo = 0x90;
	else if (p[0] == 0xf4)
		hi = 0x8f;
	if (p[1] < lo || p[1] > hi || (p[2] & 0xc0) != 0x80)
		return 0;
	if (p[0] < 0xf0)
		return 3;
	return (p[3] & 0xc0) == 0x80 ? 4 : 0;
}

#endif /* PK_BASE_UTF8_H */
