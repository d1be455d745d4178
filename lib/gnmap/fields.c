/*
 * fields.c - what the grepable readers share: messages that quote the
 * input, numbers, searching a line, and the host being built.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "gnmap/gnmap_impl.h"

#define GN_EXCERPT	32	/* input bytes quoted in a message */

/*
 * A short printable excerpt of s[0..n) for a one-line message: quotes,
 * backslashes and bytes outside printable ASCII are escaped, and more
 * than GN_EXCERPT bytes end in "...".
 */
static const char *
excerpt(char *dst, size_t dstlen, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, o = 0;

	for (i = 0; i < n && i < GN_EXCERPT && o + 8 < dstlen; i++) {
		if (u[i] == '"' || u[i] == '\\') {
			dst[o++] = '\\';
			dst[o++] = (char)u[i];
		} else if (u[i] < 0x20 || u[i] >= 0x7f) {
			o += (size_t)snprintf(dst + o, dstlen - o, "\\x%02x",
			    u[i]);
		} else
			dst[o++] = (char)u[i];
	}
	if (i < n && o + 4 < dstlen) {
		memcpy(dst + o, "...", 3);
		o += 3;
	}
	dst[o] = '\0';
	return dst;
}

/* Fail with a message naming a quoted excerpt of the input. */
int
pk_gn_bad(struct pk_reader *r, const struct gn_line *ln,
    const char *what, const char *s, size_t n)
{
	char buf[GN_EXCERPT * 4 + 8];

	return pk_rd_fail(r, PK_ERR_FORMAT, ln->no, "%s \"%s\"", what,
	    excerpt(buf, sizeof(buf), s, n));
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
