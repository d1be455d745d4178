/*
 * fields.c - what the grepable readers share: messages that quote the
 * input, numbers, searching a line, and the host being built.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "gnmap/gnmap_impl.h"

/* Fail with a message naming a quoted excerpt of the input. */
int
pk_gn_bad(struct pk_reader *r, const struct pk_line *ln,
    const char *what, const char *s, size_t n)
{
	char buf[PK_EXCERPT_SIZE];

	return pk_rd_fail(r, PK_ERR_FORMAT, ln->no, "%s \"%s\"", what,
	    pk_excerpt(buf, s, n));
}

/* An append into the host failed: its byte limit or memory ran out. */
int
pk_gn_nomem(struct pk_reader *r, const struct pk_hb *hb,
    unsigned long line)
{
	if (hb != NULL && hb->a->over && hb->a->limit != 0)
		return pk_rd_fail(r, PK_ERR_LIMIT, line,
		    "host record exceeds %zu bytes", hb->a->limit);
	return pk_rd_fail(r, PK_ERR_NOMEM, line, "out of memory");
}

/* gn_eat and gn_span, which every field takes, are in gnmap_impl.h. */

/* The first lit in [p, end), or NULL. */
const char *
pk_gn_find(const char *p, const char *end, const char *lit)
{
	size_t n = strlen(lit);

	for (; (size_t)(end - p) >= n; p++)
		if (memcmp(p, lit, n) == 0)
			return p;
	return NULL;
}

/* Strict decimal into a long (no sign, at most 18 digits). */
int
pk_gn_num(const char *s, size_t n, long *out)
{
	long long v;

	if (pk_parse_long(s, n, &v) == -1 || v > INT32_MAX)
		return -1;
	*out = (long)v;
	return 0;
}

/* A field's copy in the host, NULL when empty; *oom set on failure. */
const char *
pk_gn_opt(struct pk_hb *hb, const char *s, size_t n, int *oom)
{
	const char *v;

	if (n == 0)
		return NULL;
	if ((v = pk_hb_str(hb, s, n)) == NULL)
		*oom = 1;
	return v;
}

/* Queue the host being built, if any. */
int
pk_gn_flush(struct pk_reader *r)
{
	if (r->building == NULL)
		return PK_OK;
	return pk_rd_host_commit(r);
}
