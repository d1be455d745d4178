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

static int
items(struct pk_diff *d, struct pk_nd_item **out, size_t *n)
{
	struct pk_nd_item *it;
	size_t i;

	*n = 0;
	if ((it = calloc(d->nout + 1, sizeof(*it))) == NULL)
		return PK_ERR_NOMEM;
	*out = it;
	for (i = 0; i < d->nout; i++) {
		struct pk_nd_item *x = &it[*n];

		if (d->out[i].host == NULL)
			continue;
		if (pk_nd_diff(&x->hd, d->out[i].a, d->out[i].b) != 0) {
			pk_nd_diff_free(&x->hd);
			return PK_ERR_NOMEM;
		}
		x->id = pk_nd_id(x->hd.a.h->naddrs > 0 ? &x->hd.a : &x->hd.b);
		x->order = i;
		if (x->id == NULL || x->hd.cost == 0) {
			pk_nd_diff_free(&x->hd);
			free(x->id);
			if (x->id == NULL)
				return PK_ERR_NOMEM;
			continue;
		}
		(*n)++;
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
