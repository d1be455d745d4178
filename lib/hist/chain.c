/*
 * chain.c - phist --changes: pdiff's comparison from each scan to the
 * next.
 *
 * Each host of a scan goes to two comparisons at once: as side B of the
 * one against the scan before, and as side A of the one against the scan
 * after.  Every file is read once (standard input included), and what is
 * held is what pdiff holds for one pair plus the compact copy of the
 * current scan.
 */
#include <stdlib.h>
#include <string.h>

#include "hist/hist_impl.h"

void
pk_hchain_free(struct hchain *c)
{
	pk_diff_free(c->cur);
	pk_diff_free(c->next);
	c->cur = c->next = NULL;
}

int
pk_hchain_begin(struct hchain *c)
{
	pk_diff_free(c->cur);
	c->cur = c->next;
	c->done = 0;
	if ((c->next = pk_diff_new(&c->opts)) == NULL)
		return PK_ERR_NOMEM;
	return PK_OK;
}

int
pk_hchain_add(struct hchain *c, const struct pk_host *h)
{
	int rc;

	if (c->cur != NULL && (rc = pk_diff_add(c->cur, PK_DIFF_B, h)) !=
	    PK_OK)
		return rc;
	return pk_diff_add(c->next, PK_DIFF_A, h);
}

int
pk_hchain_end(struct hchain *c, const struct pk_scan *scan)
{
	int rc;

	if (scan != NULL && (rc = pk_diff_scan(c->next, PK_DIFF_A, scan)) !=
	    PK_OK)
		return rc;
	if (c->cur == NULL)
		return PK_OK;
	if (scan != NULL && (rc = pk_diff_scan(c->cur, PK_DIFF_B, scan)) !=
	    PK_OK)
		return rc;
	if ((rc = pk_diff_finish(c->cur)) != PK_OK)
		return rc;
	c->done = 1;
	return PK_OK;
}

const struct pk_diff_host *
pk_hchain_changes(const struct hchain *c, size_t *n)
{
	*n = 0;
	if (c->cur == NULL || !c->done)
		return NULL;
	return pk_diff_hosts(c->cur, n);
}

size_t
pk_hchain_memory(const struct hchain *c)
{
	return pk_diff_memory(c->cur) + pk_diff_memory(c->next);
}
