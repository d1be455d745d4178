/*
 * bits.h - counting the bits of a 64-bit word (internal): one
 * instruction where the target has one, a few shifts elsewhere (gcc's
 * builtin without -mpopcnt is a call into libgcc that costs twice as
 * many instructions as the shifts).
 */
#ifndef PK_BITS_H
#define PK_BITS_H

#include <stddef.h>
#include <stdint.h>

/* The index of x's lowest set bit; x must not be 0. */
static inline unsigned
pk_ctz64(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
	return (unsigned)__builtin_ctzll(x);
#else
	unsigned n = 0;

	while ((x & 1) == 0) {
		x >>= 1;
		n++;
	}
	return n;
#endif
}

/* The number of bits set in x. */
static inline size_t
pk_popcount64(uint64_t x)
{
#if defined(__POPCNT__)
	return (size_t)__builtin_popcountll(x);
#else
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (size_t)((x * 0x0101010101010101ULL) >> 56);
#endif
}

#endif /* PK_BITS_H */
