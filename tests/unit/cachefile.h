/*
 * cachefile.h - forging a cache file (input/cache.c) in memory, for the
 * tests that check a forged payload with sound sums is still refused
 * (test_cache, test_services_cache).  Include it after input/cache.h.
 */
#ifndef PK_TEST_CACHEFILE_H
#define PK_TEST_CACHEFILE_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Where the payload of the cache file b starts: after the block sums. */
static inline size_t
cf_payload(const char *b)
{
	uint64_t paylen;

	memcpy(&paylen, b + offsetof(struct pk_cache_hdr, paylen),
	    sizeof(paylen));
	return sizeof(struct pk_cache_hdr) +
	    PK_CACHE_NBLOCKS((size_t)paylen) * sizeof(uint64_t);
}

/*
 * The block sums and the header's sum of b[0..len) made to match its
 * payload again: 0, or -1 when its length is not the header's.
 */
static inline int
cf_seal(char *b, size_t len)
{
	size_t at = cf_payload(b), nb;
	uint64_t *sums, sum;

	nb = (at - sizeof(struct pk_cache_hdr)) / sizeof(uint64_t);
	if (at > len || PK_CACHE_NBLOCKS(len - at) != nb ||
	    (sums = malloc(nb * sizeof(*sums) + 1)) == NULL)
		return -1;
	pk_cache_sums(b + at, len - at, sums);
	memcpy(b + sizeof(struct pk_cache_hdr), sums, nb * sizeof(*sums));
	sum = pk_cache_sum(sums, nb * sizeof(*sums));
	memcpy(b + offsetof(struct pk_cache_hdr, sum), &sum, sizeof(sum));
	free(sums);
	return 0;
}

#endif /* PK_TEST_CACHEFILE_H */
