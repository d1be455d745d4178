/*
 * seq.c - the line matching ndiff uses for OS lists and script
 * output (Python difflib.SequenceMatcher without junk heuristics): the
 * longest common run, earliest in A then in B, recursively on both
 * sides, adjacent runs joined, then opcodes.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/seq.h"

struct blocks {
	struct pk_seq_op *v;		/* equal runs as i1, j1, size (i2) */
	size_t		 n;
	size_t		 cap;
	int		 oom;
};

static int
eq(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

static void
longest(const char *const *a, const char *const *b, size_t alo, size_t ahi,
    size_t blo, size_t bhi, size_t *bi, size_t *bj, size_t *bk, size_t *row)
{
	size_t i, j, m = bhi - blo;
	size_t *prev = row, *cur = row + m + 1;

	*bi = alo;
	*bj = blo;
	*bk = 0;
	memset(prev, 0, (m + 1) * sizeof(*prev));
	for (i = alo; i < ahi; i++) {
		cur[0] = 0;
		for (j = blo; j < bhi; j++) {
			size_t k = eq(a[i], b[j]) ? prev[j - blo] + 1 : 0;

			cur[j - blo + 1] = k;
			if (k > *bk) {
				*bi = i + 1 - k;
				*bj = j + 1 - k;
				*bk = k;
			}
		}
		memcpy(prev, cur, (m + 1) * sizeof(*prev));
	}
}

static void
match(const char *const *a, const char *const *b, size_t alo, size_t ahi,
    size_t blo, size_t bhi, size_t *row, struct blocks *bl)
{
	size_t i, j, k;

	if (alo >= ahi || blo >= bhi || bl->oom)
		return;
	longest(a, b, alo, ahi, blo, bhi, &i, &j, &k, row);
	if (k == 0)
		return;
	match(a, b, alo, i, blo, j, row, bl);
	if (bl->n == bl->cap) {
		size_t nc = bl->cap == 0 ? 8 : bl->cap * 2;
		void *p = realloc(bl->v, nc * sizeof(*bl->v));

		if (p == NULL) {
			bl->oom = 1;
			return;
		}
		bl->v = p;
		bl->cap = nc;
	}
	bl->v[bl->n].i1 = i;
	bl->v[bl->n].j1 = j;
	bl->v[bl->n++].i2 = k;
	match(a, b, i + k, ahi, j + k, bhi, row, bl);
}

static int
emit(struct pk_seq_op **ops, size_t *n, size_t *cap, int tag, size_t i1,
    size_t i2, size_t j1, size_t j2)
{
	if (*n == *cap) {
		size_t nc = *cap == 0 ? 8 : *cap * 2;
		void *p = realloc(*ops, nc * sizeof(**ops));

		if (p == NULL)
			return -1;
		*ops = p;
		*cap = nc;
	}
	(*ops)[*n].tag = tag;
	(*ops)[*n].i1 = i1;
	(*ops)[*n].i2 = i2;
	(*ops)[*n].j1 = j1;
	(*ops)[(*n)++].j2 = j2;
	return 0;
}

/*
 * Blocks come out in order (left recursion first): join neighbours, add
 * the (na, nb, 0) sentinel, then turn the gaps into opcodes.
 */
static int
opcodes(struct blocks *bl, size_t na, size_t nb, struct pk_seq_op **ops,
    size_t *nops)
{
	struct pk_seq_op *v = bl->v;
	size_t i = 0, j = 0, x, n = 0, cap = 0;
	int tag;

	for (x = 0; x < bl->n; x++) {
		if (n > 0 && v[n - 1].i1 + v[n - 1].i2 == v[x].i1 &&
		    v[n - 1].j1 + v[n - 1].i2 == v[x].j1)
			v[n - 1].i2 += v[x].i2;
		else
			v[n++] = v[x];
	}
	*nops = 0;
	for (x = 0; x <= n; x++) {
		size_t ai = x < n ? v[x].i1 : na, bj = x < n ? v[x].j1 : nb;
		size_t k = x < n ? v[x].i2 : 0;

		tag = i < ai && j < bj ? PK_SEQ_REPLACE : i < ai ?
		    PK_SEQ_DELETE : j < bj ? PK_SEQ_INSERT : -1;
		if (tag >= 0 && emit(ops, nops, &cap, tag, i, ai, j, bj) != 0)
			return -1;
		i = ai + k;
		j = bj + k;
		if (k > 0 && emit(ops, nops, &cap, PK_SEQ_EQUAL, ai, i, bj,
		    j) != 0)
			return -1;
	}
	return 0;
}

int
pk_seq_opcodes(const char *const *a, size_t na, const char *const *b,
    size_t nb, struct pk_seq_op **ops, size_t *nops)
{
	struct blocks bl;
	size_t *row;
	int rc;

	*ops = NULL;
	*nops = 0;
	memset(&bl, 0, sizeof(bl));
	if ((row = calloc(2 * (nb + 1), sizeof(*row))) == NULL)
		return -1;
	match(a, b, 0, na, 0, nb, row, &bl);
	free(row);
	rc = bl.oom ? -1 : opcodes(&bl, na, nb, ops, nops);
	free(bl.v);
	if (rc != 0) {
		free(*ops);
		*ops = NULL;
	}
	return rc;
}
