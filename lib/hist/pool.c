/*
 * pool.c - strings with reference counts, named by number.
 *
 * A history names its state and service by a 32-bit number into this
 * pool instead of holding a pointer: four bytes a name, one copy of
 * "open" or "http" for every port that has it, and a name no history
 * uses any more is freed at once.
 */
#include <stdlib.h>
#include <string.h>

#include "hist/hist_impl.h"

void
pk_spool_init(struct spool *sp)
{
	memset(sp, 0, sizeof(*sp));
}

void
pk_spool_destroy(struct spool *sp)
{
	uint32_t i;

	for (i = 0; i < sp->n; i++)
		free(sp->ents[i].s);
	free(sp->ents);
	free(sp->buckets);
	memset(sp, 0, sizeof(*sp));
}

static uint32_t
str_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Twice the buckets once the live entries outnumber them. */
static int
rehash(struct spool *sp)
{
	uint32_t nb = sp->nbuckets == 0 ? 64 : sp->nbuckets * 2, i, *b;

	if ((b = calloc(nb, sizeof(*b))) == NULL)
		return -1;
	for (i = 0; i < sp->n; i++) {
		struct spool_ent *e = &sp->ents[i];

		if (e->s == NULL)
			continue;
		e->next = b[e->hash & (nb - 1)];
		b[e->hash & (nb - 1)] = i + 1;
	}
	free(sp->buckets);
	sp->buckets = b;
	sp->nbuckets = nb;
	return 0;
}

/* A free entry number, reused or new; 0 when out of memory. */
static uint32_t
new_entry(struct spool *sp)
{
	struct spool_ent *v;
	uint32_t id;

	if (sp->freelist != 0) {
		id = sp->freelist;
		sp->freelist = sp->ents[id - 1].next;
		return id;
	}
	if (sp->n == sp->cap) {
		uint32_t nc = sp->cap == 0 ? 64 : sp->cap * 2;

		if (nc < sp->cap || (v = realloc(sp->ents,
		    (size_t)nc * sizeof(*v))) == NULL)
			return 0;
		sp->ents = v;
		sp->cap = nc;
	}
	return ++sp->n;
}

uint32_t
pk_spool_get(struct spool *sp, const char *s, size_t n)
{
	uint32_t h = str_hash(s, n), id;
	struct spool_ent *e;

	if (sp->nbuckets != 0)
		for (id = sp->buckets[h & (sp->nbuckets - 1)]; id != 0;
		    id = e->next) {
			e = &sp->ents[id - 1];
			if (e->hash == h && strncmp(e->s, s, n) == 0 &&
			    e->s[n] == '\0') {
				e->refs++;
				return id;
			}
		}
	if (sp->live >= sp->nbuckets && rehash(sp) != 0)
		return 0;
	if ((id = new_entry(sp)) == 0)
		return 0;
	e = &sp->ents[id - 1];
	if ((e->s = malloc(n + 1)) == NULL) {
		e->next = sp->freelist;
		sp->freelist = id;
		return 0;
	}
	memcpy(e->s, s, n);
	e->s[n] = '\0';
	e->refs = 1;
	e->hash = h;
	e->next = sp->buckets[h & (sp->nbuckets - 1)];
	sp->buckets[h & (sp->nbuckets - 1)] = id;
	sp->live++;
	sp->bytes += n + 1;
	return id;
}

void
pk_spool_ref(struct spool *sp, uint32_t id)
{
	sp->ents[id - 1].refs++;
}

/* Unlink entry id from its bucket's chain. */
static void
unlink_ent(struct spool *sp, uint32_t id)
{
	uint32_t *p = &sp->buckets[sp->ents[id - 1].hash &
	    (sp->nbuckets - 1)];

	while (*p != id)
		p = &sp->ents[*p - 1].next;
	*p = sp->ents[id - 1].next;
}

void
pk_spool_put(struct spool *sp, uint32_t id)
{
	struct spool_ent *e;

	if (id == 0)
		return;
	e = &sp->ents[id - 1];
	if (--e->refs > 0)
		return;
	unlink_ent(sp, id);
	sp->bytes -= strlen(e->s) + 1;
	free(e->s);
	e->s = NULL;
	e->next = sp->freelist;
	sp->freelist = id;
	sp->live--;
}

const char *
pk_spool_str(const struct spool *sp, uint32_t id)
{
	return id == 0 ? NULL : sp->ents[id - 1].s;
}

size_t
pk_spool_memory(const struct spool *sp)
{
	return (size_t)sp->cap * sizeof(*sp->ents) +
	    (size_t)sp->nbuckets * sizeof(*sp->buckets) + sp->bytes;
}
