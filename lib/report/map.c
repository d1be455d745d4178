/*
 * map.c - string keys to dense indexes, for the report's groups (nonstd
 * findings, networks): an open-addressing table of indexes into arrays
 * the caller keeps beside it, so one lookup gives the index of its row.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_impl.h"

void
rp_map_init(struct rp_map *m)
{
	memset(m, 0, sizeof(*m));
	pk_arena_init(&m->keys, 0);
}

void
rp_map_free(struct rp_map *m)
{
	pk_arena_destroy(&m->keys);
	free(m->key);
	free(m->hash);
	free(m->slot);
	memset(m, 0, sizeof(*m));
}

int
rp_grow(void *pp, size_t *cap, size_t n, size_t sz)
{
	void **p = pp, *np;
	size_t ncap = *cap != 0 ? *cap : 16;

	if (n <= *cap)
		return 0;
	while (ncap < n) {
		if (ncap > SIZE_MAX / 2 / sz)
			return -1;
		ncap *= 2;
	}
	if ((np = realloc(*p, ncap * sz)) == NULL)
		return -1;
	*p = np;
	*cap = ncap;
	return 0;
}

/* FNV-1a: keys are short and few; nothing cleverer is needed. */
static uint32_t
map_hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* Double the slots (at most half full) and place every key again. */
static int
map_rehash(struct rp_map *m)
{
	size_t nslots = m->mask != 0 ? (m->mask + 1) * 2 : 64, i, j;
	uint32_t *s;

	if ((s = calloc(nslots, sizeof(*s))) == NULL)
		return -1;
	for (i = 0; i < m->n; i++) {
		j = m->hash[i] & (nslots - 1);
		while (s[j] != 0)
			j = (j + 1) & (nslots - 1);
		s[j] = (uint32_t)i + 1;
	}
	free(m->slot);
	m->slot = s;
	m->mask = nslots - 1;
	return 0;
}

static int
map_insert(struct rp_map *m, const char *key, uint32_t h, size_t *idx)
{
	size_t cap = m->cap;
	char *k;

	if ((m->n + 1) * 2 > m->mask + 1 && map_rehash(m) != 0)
		return -1;
	if (rp_grow(&m->key, &cap, m->n + 1, sizeof(*m->key)) != 0)
		return -1;
	if (cap != m->cap && rp_grow(&m->hash, &m->cap, cap,
	    sizeof(*m->hash)) != 0)
		return -1;
	if ((k = pk_arena_strndup(&m->keys, key, strlen(key))) == NULL)
		return -1;
	m->key[m->n] = k;
	m->hash[m->n] = h;
	*idx = m->n++;
	return 0;
}

int
rp_map_get(struct rp_map *m, const char *key, int add, size_t *idx)
{
	uint32_t h = map_hash(key), v;
	size_t j;

	if (m->mask == 0 && map_rehash(m) != 0)
		return -1;
	for (j = h & m->mask; (v = m->slot[j]) != 0; j = (j + 1) & m->mask)
		if (m->hash[v - 1] == h && strcmp(m->key[v - 1], key) == 0) {
			*idx = v - 1;
			return 1;
		}
	if (!add || map_insert(m, key, h, idx) != 0)
		return -1;
	/* The insert may have rehashed: find the new key's slot again. */
	for (j = h & m->mask; m->slot[j] != 0; j = (j + 1) & m->mask)
		continue;
	m->slot[j] = (uint32_t)*idx + 1;
	return 0;
}

size_t
rp_map_memory(const struct rp_map *m)
{
	return m->keys.used + m->cap * (sizeof(*m->key) + sizeof(*m->hash)) +
	    (m->mask != 0 ? (m->mask + 1) * sizeof(*m->slot) : 0);
}
