/*
 * hash.c - FNV-1a, and an open-addressing index of uint32_t slots.
 *
 * Every table in lib/ maps a key to an entry of an array its owner
 * keeps for other reasons (file order, ids, counts), so the index holds
 * only slot numbers: 4 bytes a slot, the probing in one place, and the
 * entries never move when it grows.  Half full at most, linear probing
 * stays short.
 */
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"

int
pk_index_reserve(struct pk_index *ix, size_t n, size_t min,
    uint32_t (*hash)(const void *arg, size_t i), const void *arg)
{
	size_t size, i, j;
	uint32_t *t;

	if (ix->slot != NULL && n * 2 < ix->mask + 1)
		return 0;
	size = ix->slot != NULL ? (ix->mask + 1) * 2 : min;
	if ((t = calloc(size, sizeof(*t))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		for (j = hash(arg, i) & (size - 1); t[j] != 0;
		    j = (j + 1) & (size - 1))
			;
		t[j] = (uint32_t)i + 1;
	}
	free(ix->slot);
	ix->slot = t;
	ix->mask = size - 1;
	return 0;
}

/* What pk_index_reserve_str hands its hash callback. */
struct str_keys {
	const char	*(*key)(const void *arg, size_t i);
	const void	*arg;
};

static uint32_t
str_hash(const void *arg, size_t i)
{
	const struct str_keys *k = arg;
	const char *s = k->key(k->arg, i);

	return pk_hash(s, strlen(s));
}

int
pk_index_reserve_str(struct pk_index *ix, size_t n, size_t min,
    const char *(*key)(const void *arg, size_t i), const void *arg)
{
	struct str_keys k = { key, arg };

	return pk_index_reserve(ix, n, min, str_hash, &k);
}

size_t
pk_index_bytes(const struct pk_index *ix)
{
	return ix->slot != NULL ? (ix->mask + 1) * sizeof(*ix->slot) : 0;
}

void
pk_index_free(struct pk_index *ix)
{
	free(ix->slot);
	ix->slot = NULL;
	ix->mask = 0;
}
