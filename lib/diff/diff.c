/*
 * diff.c - compare two scans: the table of side A, streaming of side B,
 * the ordered result.
 *
 * Memory: one entry (about 100 bytes with its hash slot) plus one compact
 * host per A address; a B host is compacted, compared and freed unless it
 * differs, so what stays of B is the differing hosts and their changes.
 * With PK_DIFF_MERGE every B host is held until pk_diff_finish instead.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/diff_impl.h"

struct pk_diff *
pk_diff_new(const struct pk_diff_opts *opts)
{
	struct pk_diff *d;
	int i;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return NULL;
	if (opts != NULL)
		d->opts = *opts;
	pk_arena_init(&d->pool, 0);
	for (i = 0; i < 2; i++)
		if (pk_dside_init(&d->side[i]) != PK_OK) {
			pk_diff_free(d);
			return NULL;
		}
	return d;
}

int
pk_dside_init(struct dside *s)
{
	memset(s, 0, sizeof(*s));
	if ((s->scanned = pk_portset_new()) == NULL)
		return PK_ERR_NOMEM;
	return PK_OK;
}

void
pk_dside_free(struct dside *s)
{
	int p;

	pk_portset_free(s->scanned);
	for (p = 0; p < PK_PROTO_COUNT; p++)
		free(s->types[p]);
	free(s->scanner);
	free(s->version);
	free(s->args);
}

void
pk_diff_free(struct pk_diff *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nents; i++) {
		free(d->ents[i].a);
		free(d->ents[i].b);
		free(d->ents[i].va);
		free(d->ents[i].vb);
	}
	free(d->ents);
	pk_index_free(&d->ix);
	free(d->out);
	pk_dside_free(&d->side[0]);
	pk_dside_free(&d->side[1]);
	pk_arena_destroy(&d->pool);
	free(d);
}

static char *
dupstr(const char *s)
{
	return s == NULL ? NULL : strdup(s);
}

/* Append type to the comma list *list unless it is there. */
static int
add_type(char **list, const char *type)
{
	size_t n, m;
	const char *p;
	char *s;

	if (*list != NULL) {
		m = strlen(type);
		for (p = *list; (p = strstr(p, type)) != NULL; p += m)
			if ((p == *list || p[-1] == ',') &&
			    (p[m] == ',' || p[m] == '\0'))
				return PK_OK;
	}
	n = *list != NULL ? strlen(*list) + 1 : 0;
	if ((s = realloc(*list, n + strlen(type) + 1)) == NULL)
		return PK_ERR_NOMEM;
	if (n > 0)
		s[n - 1] = ',';
	strcpy(s + n, type);
	*list = s;
	return PK_OK;
}

static int
scan_info(struct dside *s, const struct pk_scaninfo *si)
{
	int proto = si->protocol != NULL ? pk_proto_parse(si->protocol) : -1;

	if (proto < 0)
		return PK_OK;
	if (si->type != NULL && add_type(&s->types[proto], si->type) != PK_OK)
		return PK_ERR_NOMEM;
	if (si->services != NULL && pk_portspec_parse(s->scanned,
	    si->services, 1u << proto, NULL) == PK_OK)
		s->known |= 1u << proto;
	return PK_OK;
}

/*
 * Register a run; from pk_diff_add only when it looks new.  A freed
 * reader's run may come back at the same address, so the start time is
 * part of the identity; a false match is the same run, a no-op anyway.
 */
int
pk_dside_run(struct dside *s, const struct pk_scan *scan, int force)
{
	size_t i;

	if (scan == NULL)
		return PK_OK;
	if (scan->end > 0)
		s->end = scan->end;
	if (scan->format == PK_FMT_GNMAP || scan->format == PK_FMT_NMAP_NORMAL)
		s->notypes = 1;
	if (!force && s->last == scan && s->lastdoc == scan->docno &&
	    s->laststart == scan->start)
		return PK_OK;
	s->last = scan;
	s->lastdoc = scan->docno;
	s->laststart = scan->start;
	if (s->nruns++ == 0) {
		s->scanner = dupstr(scan->scanner);
		s->version = dupstr(scan->version);
		s->args = dupstr(scan->args);
		s->start = scan->start;
		if ((scan->scanner != NULL && s->scanner == NULL) ||
		    (scan->version != NULL && s->version == NULL) ||
		    (scan->args != NULL && s->args == NULL))
			return PK_ERR_NOMEM;
	}
	for (i = 0; i < scan->nscaninfo; i++)
		if (scan_info(s, &scan->scaninfo[i]) != PK_OK)
			return PK_ERR_NOMEM;
	return PK_OK;
}

static int
side_scan(struct pk_diff *d, int side, const struct pk_scan *scan, int force)
{
	if (d == NULL || (side != PK_DIFF_A && side != PK_DIFF_B))
		return PK_ERR_USAGE;
	return pk_dside_run(&d->side[side], scan, force);
}

int
pk_diff_scan(struct pk_diff *d, int side, const struct pk_scan *scan)
{
	return side_scan(d, side, scan, 1);
}

int
pk_diff_cut(struct pk_diff *d, int side)
{
	if (d == NULL || d->finished || (side != PK_DIFF_A &&
	    side != PK_DIFF_B) || (side == PK_DIFF_A && d->bstarted))
		return PK_ERR_USAGE;
	d->side[side].cut = 1;
	return PK_OK;
}

static uint32_t
ent_hash(const void *arg, size_t i)
{
	const struct pk_diff *d = arg;

	return pk_hash(d->ents[i].key, sizeof(d->ents[i].key));
}

static int
ent_eq(const void *arg, size_t i, const void *key)
{
	const struct pk_diff *d = arg;

	return memcmp(d->ents[i].key, key, sizeof(d->ents[i].key)) == 0;
}

/* The entry of key, created when new; NULL out of memory. */
static struct dentry *
lookup(struct pk_diff *d, const unsigned char key[17])
{
	struct dentry *e;
	uint32_t *slot;

	if (pk_index_reserve(&d->ix, d->nents, 1024, ent_hash, d) == -1)
		return NULL;
	slot = pk_index_find(&d->ix, pk_hash(key, 17), ent_eq, d, key);
	if (*slot != 0)
		return &d->ents[*slot - 1];
	if (d->nents == d->capents) {
		size_t n = d->capents == 0 ? 256 : d->capents * 2;

		if ((e = realloc(d->ents, n * sizeof(*e))) == NULL)
			return NULL;
		d->ents = e;
		d->capents = n;
	}
	e = &d->ents[d->nents];
	memset(e, 0, sizeof(*e));
	memcpy(e->key, key, 17);
	*slot = (uint32_t)++d->nents;
	return e;
}

static int
scripts_kept(const struct pk_diff *d)
{
	return (d->opts.flags & (PK_DIFF_SCRIPTS | PK_DIFF_NDIFF)) != 0;
}

/* Merge h into *slot, replacing the old block. */
static int
absorb(struct pk_diff *d, struct chost **slot, const struct pk_host *h)
{
	struct chost *c;

	if ((c = pk_chost_build(h, *slot, scripts_kept(d))) == NULL)
		return PK_ERR_NOMEM;
	if (*slot != NULL)
		d->held -= (*slot)->size;
	free(*slot);
	*slot = c;
	d->held += c->size;
	return PK_OK;
}

/*
 * A repeated B address is merged with what was compared before: the B
 * block when the host differed, else A's block, which equals B's first
 * record in every compared field.  The host is then compared again.
 */
static int
add_b_stream(struct pk_diff *d, struct dentry *e, const struct pk_host *h)
{
	struct chost *base = e->b != NULL ? e->b : e->a, *c;
	int rc;

	if (e->seen) {
		if ((c = pk_chost_build(h, base, scripts_kept(d))) == NULL)
			return PK_ERR_NOMEM;
		if (e->b != NULL)
			d->held -= e->b->size;
		free(e->b);
		e->b = c;
		d->held += c->size;
		d->nchanges -= e->nch;
		e->nch = 0;
		e->ndiff = 0;
	} else {
		e->seen = 1;
		if ((rc = absorb(d, &e->b, h)) != PK_OK)
			return rc;
	}
	if ((rc = pk_diff_compare(d, e)) != PK_OK)
		return rc;
	if (e->nch == 0 && !e->ndiff) {
		d->held -= e->b->size;
		free(e->b);
		e->b = NULL;
	}
	return PK_OK;
}

int
pk_diff_add(struct pk_diff *d, int side, const struct pk_host *h)
{
	unsigned char key[17];
	struct dentry *e;
	int rc;

	if (d == NULL || h == NULL || d->finished ||
	    (side != PK_DIFF_A && side != PK_DIFF_B) ||
	    (side == PK_DIFF_A && d->bstarted) || pk_diff_key(h, key) != 0)
		return PK_ERR_USAGE;
	if ((rc = side_scan(d, side, h->scan, 0)) != PK_OK)
		return rc;
	if (side == PK_DIFF_B && !d->bstarted) {
		d->bstarted = 1;
		/* Streaming compares now: B's one run is known already. */
		if (!(d->opts.flags & PK_DIFF_MERGE) &&
		    (rc = pk_diff_scaninfo(d)) != PK_OK)
			return rc;
	}
	if ((e = lookup(d, key)) == NULL)
		return PK_ERR_NOMEM;
	if (side == PK_DIFF_A)
		return absorb(d, &e->a, h);
	if (d->opts.flags & PK_DIFF_MERGE) {
		e->seen = 1;
		return absorb(d, &e->b, h);
	}
	return add_b_stream(d, e, h);
}

static int
key_cmp(const void *x, const void *y)
{
	const struct pk_diff_host *a = x, *b = y;
	const struct dentry *ea, *eb;

	if (a->host == NULL || b->host == NULL)
		return a->host == NULL ? -1 : 1;
	/* The entry pointer rides in changes' owner; see finish(). */
	ea = (const void *)a->a;
	eb = (const void *)b->a;
	return memcmp(ea->key, eb->key, 17);
}

/* Views for the writers, then the sorted array of differing hosts. */
static int
collect_result(struct pk_diff *d)
{
	size_t i, n = 0;

	d->out = calloc(d->nents + 1, sizeof(*d->out));
	if (d->out == NULL)
		return PK_ERR_NOMEM;
	if (d->nrunch > 0) {
		d->out[n].changes = d->runch;
		d->out[n++].nchanges = d->nrunch;
	}
	for (i = 0; i < d->nents; i++) {
		struct dentry *e = &d->ents[i];

		if (e->nch == 0 && !e->ndiff)
			continue;
		d->out[n].host = e->a != NULL ? e->a->host : e->b->host;
		d->out[n].a = (const void *)e;	/* sort key until below */
		d->out[n].changes = e->ch;
		d->out[n++].nchanges = e->nch;
	}
	qsort(d->out, n, sizeof(*d->out), key_cmp);
	for (i = 0; i < n; i++) {
		struct dentry *e = (struct dentry *)(void *)d->out[i].a;

		if (d->out[i].host == NULL)
			continue;
		if ((e->a != NULL && (e->va = pk_chost_view(e->a)) == NULL) ||
		    (e->b != NULL && (e->vb = pk_chost_view(e->b)) == NULL))
			return PK_ERR_NOMEM;
		d->out[i].a = e->va;
		d->out[i].b = e->vb;
	}
	d->nout = n;
	return PK_OK;
}

/*
 * Free what the result does not show before its views are made: the
 * compact hosts of entries without changes (B's are gone already) and
 * the address index, which only pk_diff_add uses.
 */
static void
drop_same(struct pk_diff *d)
{
	size_t i;

	for (i = 0; i < d->nents; i++) {
		struct dentry *e = &d->ents[i];

		if (e->nch > 0 || e->ndiff)
			continue;
		if (e->a != NULL)
			d->held -= e->a->size;
		free(e->a);
		e->a = NULL;
	}
	pk_index_free(&d->ix);
}

int
pk_diff_finish(struct pk_diff *d)
{
	size_t i;
	int rc;

	if (d == NULL || d->finished)
		return PK_ERR_USAGE;
	d->finished = 1;
	if ((!d->bstarted || (d->opts.flags & PK_DIFF_MERGE)) &&
	    (rc = pk_diff_scaninfo(d)) != PK_OK)
		return rc;
	for (i = 0; i < d->nents; i++) {
		struct dentry *e = &d->ents[i];

		if (e->seen && !(d->opts.flags & PK_DIFF_MERGE))
			continue;
		if ((rc = pk_diff_compare(d, e)) != PK_OK)
			return rc;
		if (e->nch == 0 && !e->ndiff && e->b != NULL) {
			d->held -= e->b->size;
			free(e->b);
			e->b = NULL;
		}
	}
	for (i = 0; i < d->nents; i++)
		d->nunreached += d->ents[i].unreached;
	drop_same(d);
	return collect_result(d);
}

const struct pk_diff_host *
pk_diff_hosts(const struct pk_diff *d, size_t *n)
{
	*n = d != NULL ? d->nout : 0;
	return d != NULL ? d->out : NULL;
}

unsigned long
pk_diff_changes(const struct pk_diff *d)
{
	return d != NULL ? d->nchanges : 0;
}

unsigned long
pk_diff_unreached(const struct pk_diff *d)
{
	return d != NULL ? d->nunreached : 0;
}

size_t
pk_diff_memory(const struct pk_diff *d)
{
	if (d == NULL)
		return 0;
	return sizeof(*d) + d->capents * sizeof(*d->ents) +
	    pk_index_bytes(&d->ix) + d->held + d->pool.used;
}

int
pk_diff_write(struct pk_diff *d, FILE *out, int fmt)
{
	if (d == NULL || !d->finished)
		return PK_ERR_USAGE;
	switch (fmt) {
	case PK_DIFF_OUT_TEXT:
		return pk_diff_write_text(d, out);
	case PK_DIFF_OUT_NDIFF:
		return pk_diff_write_ndiff(d, out, 0);
	case PK_DIFF_OUT_NDIFF_XML:
		return pk_diff_write_ndiff(d, out, 1);
	default:
		return PK_ERR_USAGE;
	}
}
