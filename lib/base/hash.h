/*
 * hash.h - the one hash function, and the one hash table index the
 * engines and readers share (internal).
 */
#ifndef PK_BASE_HASH_H
#define PK_BASE_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * FNV-1a over the n bytes at p.  Inline, as the index's probe below: the
 * tables are looked up once a port or a host, often with a constant n.
 */
static inline uint32_t
pk_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint32_t h = 2166136261u;

	while (n-- > 0)
		h = (h ^ *s++) * 16777619u;
	return h;
}

/*
 * An index over an array the caller keeps: open addressing with linear
 * probing in a power-of-two table whose slots hold 1 + an entry's place
 * in the array, 0 when empty.  The caller hashes and compares entries
 * through the callbacks; arg is handed to them as it is (the owner of
 * the array).  A zeroed struct is an index with no slots yet.
 */
struct pk_index {
	uint32_t	*slot;
	size_t		 mask;		/* slots - 1, once there are slots */
};

/*
 * Make room for entry n, entries 0..n-1 being in the index: when they
 * fill half the slots, double them (min for the first table, a power of
 * two) and put the entries back, hashed by hash(arg, i).  0, or -1 when
 * out of memory (the index is then as it was).
 */
int	 pk_index_reserve(struct pk_index *ix, size_t n, size_t min,
	    uint32_t (*hash)(const void *arg, size_t i), const void *arg);
/*
 * The slot of the entry i that eq(arg, i, key) says is key, or the
 * empty slot where key goes: store 1 + its place there.  The index must
 * have slots (pk_index_reserve made them).
 */
static inline uint32_t *
pk_index_find(const struct pk_index *ix, uint32_t hash,
    int (*eq)(const void *arg, size_t i, const void *key), const void *arg,
    const void *key)
{
	size_t j;

	for (j = hash & ix->mask; ix->slot[j] != 0; j = (j + 1) & ix->mask)
		if (eq(arg, ix->slot[j] - 1, key))
			break;
	return &ix->slot[j];
}

/*
 * The same for the tables keyed by strings, which is most: key(arg, i)
 * is entry i's key, NUL-terminated; the key looked up is s[0..n).
 */
int	 pk_index_reserve_str(struct pk_index *ix, size_t n, size_t min,
	    const char *(*key)(const void *arg, size_t i), const void *arg);
static inline uint32_t *
pk_index_find_str(const struct pk_index *ix,
    const char *(*key)(const void *arg, size_t i), const void *arg,
    const char *s, size_t n)
{
	const char *k;
	size_t j;

	for (j = pk_hash(s, n) & ix->mask; ix->slot[j] != 0;
	    j = (j + 1) & ix->mask) {
		k = key(arg, ix->slot[j] - 1);
		if (strncmp(k, s, n) == 0 && k[n] == '\0')
			break;
	}
	return &ix->slot[j];
}

/* The bytes of its slots, for the memory the caller reports. */
size_t	 pk_index_bytes(const struct pk_index *ix);
void	 pk_index_free(struct pk_index *ix);

#endif /* PK_BASE_HASH_H */
