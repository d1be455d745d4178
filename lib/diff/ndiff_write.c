/*
 * ndiff_write.c - ndiff's two outputs: the differing hosts gathered and
 * ordered as ndiff orders them, then written as text or as XML.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff_impl.h"
#include "diff/ndiff.h"

static int
item_cmp(const void *x, const void *y)
{
	const struct pk_nd_item *a = x, *b = y;
	int c = strcmp(a->id, b->id);

	if (c != 0)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* One item for the pair a, b (either may be NULL); kept if it differs. */
static int
item(struct pk_nd_item *it, size_t *n, const struct pk_host *a,
    const struct pk_host *b, size_t order)
{
	struct pk_nd_item *x = &it[*n];
	int rc;

	if (pk_nd_diff(&x->hd, a, b) != 0) {
		pk_nd_diff_free(&x->hd);
		return PK_ERR_NOMEM;
	}
	x->id = pk_nd_id(x->hd.a.h->naddrs > 0 ? &x->hd.a : &x->hd.b);
	x->order = order;
	if (x->id == NULL || x->hd.cost == 0) {
		rc = x->id == NULL ? PK_ERR_NOMEM : PK_OK;
		pk_nd_diff_free(&x->hd);
		free(x->id);
		return rc;
	}
	(*n)++;
	return PK_OK;
}

/* ndiff's id of one side's host; NULL out of memory. */
static char *
side_id(const struct pk_host *h)
{
	struct pk_nd_host nh;
	char *id = NULL;

	if (pk_nd_host(&nh, h) == 0)
		id = pk_nd_id(&nh);
	pk_nd_host_free(&nh);
	return id;
}

/*
 * ndiff pairs hosts on their first address and first hostname: a pair
 * pdiff made whose ids differ (a host that went down lost its PTR name,
 * or the name changed) is two hosts for ndiff, one gone and one new.
 */
static int
split(const struct pk_diff_host *dh, int *two)
{
	char *ia, *ib;
	int oom;

	*two = 0;
	if (dh->a == NULL || dh->b == NULL)
		return PK_OK;
	ia = side_id(dh->a);
	ib = side_id(dh->b);
	oom = ia == NULL || ib == NULL;
	if (!oom)
		*two = strcmp(ia, ib) != 0;
	free(ia);
	free(ib);
	return oom ? PK_ERR_NOMEM : PK_OK;
}

static int
items(struct pk_diff *d, struct pk_nd_item **out, size_t *n)
{
	struct pk_nd_item *it;
	size_t i;
	int rc, two;

	*n = 0;
	if ((it = calloc(2 * d->nout + 1, sizeof(*it))) == NULL)
		return PK_ERR_NOMEM;
	*out = it;
	for (i = 0; i < d->nout; i++) {
		const struct pk_diff_host *dh = &d->out[i];

		if (dh->host == NULL)
			continue;
		if ((rc = split(dh, &two)) != PK_OK)
			return rc;
		if (two)
			rc = item(it, n, dh->a, NULL, i);
		if (rc == PK_OK)
			rc = item(it, n, two ? NULL : dh->a, dh->b, i);
		if (rc != PK_OK)
			return rc;
	}
	qsort(it, *n, sizeof(*it), item_cmp);
	return PK_OK;
}

int
pk_diff_write_ndiff(struct pk_diff *d, FILE *out, int xml)
{
	struct pk_nd_item *it = NULL;
	size_t n = 0, i;
	int rc;

	rc = items(d, &it, &n);
	if (rc == PK_OK)
		rc = xml ? pk_diff_ndiff_xml(d, out, it, n) :
		    pk_nd_write_text(d, out, it, n);
	for (i = 0; i < n; i++) {
		pk_nd_diff_free(&it[i].hd);
		free(it[i].id);
	}
	free(it);
	if (rc == PK_OK && (fflush(out) != 0 || ferror(out)))
		rc = PK_ERR_IO;
	return rc;
}
