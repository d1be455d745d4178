/*
 * line.c - what the normal output and host:port readers share: messages
 * that quote the input, searching a line, addresses, and starting a host
 * (their lines come from pk_input_line).
 */
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "normal/normal_impl.h"

/* Fail with a message naming a quoted excerpt of the input. */
int
pk_nm_bad(struct pk_reader *r, const struct pk_line *ln, const char *what,
    const char *s, size_t n)
{
	char buf[PK_EXCERPT_SIZE];

	return pk_rd_fail(r, PK_ERR_FORMAT, ln->no, "%s \"%s\"", what,
	    pk_excerpt(buf, s, n));
}

/* An append into the host failed: its byte limit or memory ran out. */
int
pk_nm_nomem(struct pk_reader *r, const struct pk_hb *hb, unsigned long line)
{
	if (hb != NULL && hb->a->over && hb->a->limit != 0)
		return pk_rd_fail(r, PK_ERR_LIMIT, line,
		    "host record exceeds %zu bytes", hb->a->limit);
	return pk_rd_fail(r, PK_ERR_NOMEM, line, "out of memory");
}

/* The first lit in [p, end), or NULL. */
const char *
pk_nm_find(const char *p, const char *end, const char *lit)
{
	size_t n = strlen(lit);

	for (; (size_t)(end - p) >= n; p++)
		if (memcmp(p, lit, n) == 0)
			return p;
	return NULL;
}

/* The last lit in [p, end), or NULL. */
const char *
pk_nm_rfind(const char *p, const char *end, const char *lit)
{
	size_t n = strlen(lit);
	const char *q;

	if ((size_t)(end - p) < n)
		return NULL;
	for (q = end - n; q >= p; q--) {
		if (memcmp(q, lit, n) == 0)
			return q;
		if (q == p)
			break;
	}
	return NULL;
}

/*
 * s[0..n) as an IPv4 or IPv6 address (no brackets), NUL-terminated in
 * out; 0, or -1 when it is none.
 */
int
pk_nm_addr(const char *s, size_t n, enum pk_addrtype *type, char *out,
    size_t outsz)
{
	if (n == 0 || n >= outsz)
		return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	*type = memchr(s, ':', n) != NULL ? PK_ADDR_IPV6 : PK_ADDR_IPV4;
	return pk_addr_valid(*type, out) ? 0 : -1;
}

/* A new host at line ln with address addr; NULL when the reader failed. */
struct pk_hb *
pk_nm_host(struct pk_reader *r, const struct pk_line *ln, const char *addr,
    enum pk_addrtype type)
{
	struct pk_hb *hb;
	struct pk_addr *a;

	if (r->scan == NULL && pk_rd_scan_new(r) == NULL) {
		(void)pk_rd_fail(r, PK_ERR_NOMEM, ln->no, "out of memory");
		return NULL;
	}
	if ((hb = pk_rd_host_begin(r)) == NULL)
		return NULL;
	hb->h->line = ln->no;
	if ((a = pk_hb_addr(hb)) == NULL ||
	    (a->addr = pk_hb_cstr(hb, addr)) == NULL) {
		(void)pk_nm_nomem(r, hb, ln->no);
		return NULL;
	}
	a->type = type;
	return hb;
}
