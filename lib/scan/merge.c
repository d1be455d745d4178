/*
 * merge.c - fold masscan's one-record-per-port hosts into one host per
 * address (pk_read_opts.merge).
 *
 * masscan writes a <host> for every open port it finds, in the random
 * order it probed them, so records of one address can be anywhere in the
 * file.  Folding them needs every record of the file: this holds one
 * copy per address (its ports appended as they come) and delivers them
 * in order of first appearance at the end.  Memory grows with the
 * masscan file, which is why merging is asked for, never implied.
 */
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "scan/queue.h"

struct merged {
	struct pk_arena	 arena;
	struct pk_hb	 hb;
	const char	*key;		/* address, in the arena */
};

struct pk_merge {
	struct merged	**order;	/* first appearance */
	size_t		 n;
	size_t		 cap;
	struct pk_index	 ix;		/* address -> its place in order */
	size_t		 next;		/* next to deliver */
	size_t		 limit;
};

static const char *
merged_key(const void *arg, size_t i)
{
	const struct pk_merge *m = arg;

	return m->order[i]->key;
}

static int
merge_grow(struct pk_merge *m)
{
	struct merged **no;
	size_t ncap = m->cap == 0 ? 64 : m->cap * 2;

	if ((no = realloc(m->order, ncap * sizeof(*no))) == NULL)
		return -1;
	m->order = no;
	m->cap = ncap;
	return 0;
}

/*
 * A record of a port the address has already (a masscan banner, which
 * masscan writes as a record of its own) adds its scripts to that port:
 * banners never count as more ports.
 */
static int
merge_port(struct pk_hb *b, const struct pk_port *p)
{
	struct pk_port *q;
	size_t i;

	for (i = 0; p->nscripts > 0 && i < b->h->nports; i++) {
		q = &b->h->ports[i];
		if (q->port == p->port && q->proto == p->proto)
			return pk_hb_add_scripts_copy(b, q, p->scripts,
			    p->nscripts);
	}
	return pk_hb_add_port_copy(b, p);
}

static int
merge_add(struct pk_merge *m, const struct pk_host *h)
{
	const char *key = h->host != NULL ? h->host : h->mac;
	struct merged *e;
	uint32_t *slot;
	size_t i;

	if (pk_index_reserve_str(&m->ix, m->n, 128, merged_key, m) == -1)
		return -1;
	slot = pk_index_find_str(&m->ix, merged_key, m, key, strlen(key));
	if (*slot != 0) {
		e = m->order[*slot - 1];
		for (i = 0; i < h->nports; i++)
			if (merge_port(&e->hb, &h->ports[i]) == -1)
				return -1;
		return e->arena.over ? -1 : 0;
	}
	if (m->n == m->cap && merge_grow(m) == -1)
		return -1;
	if ((e = calloc(1, sizeof(*e))) == NULL)
		return -1;
	pk_arena_init(&e->arena, m->limit);
	m->order[m->n++] = e;
	if (pk_hb_begin(&e->hb, &e->arena) == -1 ||
	    pk_hb_copy(&e->hb, h) == -1)
		return -1;
	e->key = e->hb.h->host != NULL ? e->hb.h->host : e->hb.h->mac;
	e->hb.h->scan = h->scan;
	*slot = (uint32_t)m->n;
	return 0;
}

void
pk_merge_free(struct pk_merge *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++) {
		pk_arena_destroy(&m->order[i]->arena);
		free(m->order[i]);
	}
	free(m->order);
	pk_index_free(&m->ix);
	free(m);
}

/*
 * Read the whole input through next_raw and fold it.  Returns the status
 * that ended the input (PK_EOF, or an error after which the complete
 * records before it are still delivered).
 */
int
pk_merge_fill(struct pk_reader *r, struct pk_merge **out,
    int (*next_raw)(struct pk_reader *, const struct pk_host **))
{
	const struct pk_host *h;
	struct pk_merge *m;
	int rc;

	*out = m = calloc(1, sizeof(*m));
	if (m == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
	m->limit = r->opts.limits.max_host_bytes;
	while ((rc = next_raw(r, &h)) == PK_OK)
		if (merge_add(m, h) == -1)
			return pk_rd_fail(r, PK_ERR_NOMEM, h->line,
			    "out of memory merging masscan records");
	return rc;
}

const struct pk_host *
pk_merge_next(struct pk_merge *m)
{
	if (m->next == m->n)
		return NULL;
	return m->order[m->next++]->hb.h;
}
