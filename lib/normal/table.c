/*
 * table.c - the port table of a host in Nmap's normal output, the ports
 * it folds, and script output:
 *
 *	Not shown: 1891 closed tcp ports (reset), 1 filtered tcp ports (...)
 *	PORT    STATE SERVICE  REASON         VERSION
 *	443/tcp open  ssl/http syn-ack ttl 64 nginx 1.22.1
 *	| ssl-cert: Subject: commonName=localhost
 *	|_Not valid after:  2036-11-20T20:21:49
 *
 * The heading line says which columns there are and where each starts;
 * a row's reason and version may hold spaces, so they are cut at those
 * positions.  Script output is "| " lines ended by a "|_" line, the
 * first of them prefixed "ID: ": the lines joined by newlines are the
 * output the XML holds.  The VERSION column is -oG's version field,
 * "nginx 1.22.1 (Ubuntu)", split into the XML's product, version and
 * extrainfo the same way (scan/vsplit.c).
 */
#include <stdlib.h>
#include <string.h>

#include "base/proto.h"
#include "normal/normal_impl.h"

static const char *const nm_heads[C_COUNT] = {
	"PORT", "STATE", "SERVICE", "REASON", "VERSION"
};

/* The word at p (up to a space or the end) and its length. */
static size_t
nm_word(const char *p, const char *end)
{
	const char *q;

	for (q = p; q < end && *q != ' '; q++)
		continue;
	return (size_t)(q - p);
}

static const char *
nm_skip_spaces(const char *p, const char *end)
{
	while (p < end && *p == ' ')
		p++;
	return p;
}

/* "PORT STATE SERVICE [REASON] [VERSION]", or -sO's "PROTOCOL ...". */
int
pk_nm_heading(struct pk_reader *r, struct normal *nm, struct pk_line *ln)
{
	const char *p = ln->p, *end = ln->end;
	size_t n;
	int c = C_STATE;

	memset(nm->col, 0, sizeof(nm->col));
	n = nm_word(p, end);
	nm->ipproto = n == 8 && memcmp(p, "PROTOCOL", 8) == 0;
	for (p = nm_skip_spaces(p + n, end); p < end;
	    p = nm_skip_spaces(p + n, end)) {
		n = nm_word(p, end);
		while (c < C_COUNT && (strlen(nm_heads[c]) != n ||
		    memcmp(p, nm_heads[c], n) != 0))
			if (c++ < C_REASON)
				c = C_COUNT;	/* STATE, SERVICE required */
		if (c == C_COUNT)
			return pk_nm_bad(r, ln, "bad port table heading",
			    ln->start, (size_t)(ln->end - ln->start));
		nm->col[c++] = (size_t)(p - ln->start);
	}
	if (nm->col[C_SERVICE] == 0)
		return pk_nm_bad(r, ln, "bad port table heading", ln->start,
		    (size_t)(ln->end - ln->start));
	nm->where = NM_TABLE;
	nm->ports_seen = 1;
	return PK_OK;
}

/* The cell from column a up to column b (0: the end), trimmed. */
static void
nm_cell(const struct pk_line *ln, size_t a, size_t b, const char **s,
    size_t *n)
{
	size_t len = (size_t)(ln->end - ln->start);

	*s = ln->start + (a < len ? a : len);
	*n = (b != 0 && b < len ? b : len) - (size_t)(*s - ln->start);
	while (*n > 0 && (*s)[*n - 1] == ' ')
		(*n)--;
}

/* The column after c that the table has, or 0 (the end of the line). */
static size_t
nm_next_col(const struct normal *nm, int c)
{
	while (++c < C_COUNT)
		if (nm->col[c] != 0)
			return nm->col[c];
	return 0;
}

/*
 * "ssl/http" is the http service in an SSL tunnel, and a trailing '?'
 * marks a guess (a low confidence) that the XML's name does not carry:
 * the port number's name, method "table" there, as grepable's '?' is.
 */
static int
nm_service(struct pk_hb *hb, struct pk_port *p, const char *s, size_t n)
{
	if (n > 4 && memcmp(s, "ssl/", 4) == 0) {
		p->tunnel = "ssl";
		s += 4;
		n -= 4;
	}
	if (n > 1 && s[n - 1] == '?') {
		p->method = "table";
		n--;
	}
	if (n == 0)
		return 0;
	return (p->service = pk_hb_str(hb, s, n)) == NULL ? -1 : 0;
}

/* "syn-ack ttl 64" or "no-response": the XML says ttl 0 when none. */
static int
nm_reason(struct pk_hb *hb, const char *s, size_t n, const char **reason,
    int *ttl)
{
	const char *t = pk_nm_find(s, s + n, " ttl ");
	long long v;

	*ttl = 0;
	if (n == 0)
		return 0;
	if (t != NULL) {
		if (pk_parse_long(t + 5, n - (size_t)(t + 5 - s), &v) == -1 ||
		    v > 255)
			return -2;
		*ttl = (int)v;
		n = (size_t)(t - s);
	}
	if (memchr(s, ' ', n) != NULL)
		return -2;
	return (*reason = pk_hb_str(hb, s, n)) == NULL ? -1 : 0;
}

/* "22/tcp" (or a protocol number in -sO's table). */
static int
nm_portnum(const struct normal *nm, const char *s, size_t n, int *proto,
    unsigned *port)
{
	const char *slash = nm->ipproto ? NULL : memchr(s, '/', n);
	char name[8];
	size_t pn;

	if (nm->ipproto) {
		*proto = PK_PROTO_IP;
		return pk_parse_port(s, n, 255, port);
	}
	if (slash == NULL || (pn = n - (size_t)(slash + 1 - s)) == 0 ||
	    pn >= sizeof(name))
		return -1;
	memcpy(name, slash + 1, pn);
	name[pn] = '\0';
	if ((*proto = pk_proto_parse(name)) < 0 || *proto == PK_PROTO_IP)
		return -1;
	if (pk_parse_port(s, (size_t)(slash - s), 65535, port) == -1 ||
	    *port == 0)
		return -1;
	return 0;
}

/*
 * Whether the line is a row of the table: "22/tcp ..." (a number alone
 * in -sO's), not "1 service unrecognized despite ..." after it.
 */
int
pk_nm_is_row(const struct normal *nm, const struct pk_line *ln)
{
	const char *q;

	for (q = ln->p; q < ln->end && *q >= '0' && *q <= '9'; q++)
		continue;
	if (q == ln->p || q == ln->end)
		return 0;
	if (nm->ipproto)
		return *q == ' ';
	return *q == '/';
}

/* One row of the port table. */
int
pk_nm_row(struct pk_reader *r, struct normal *nm, struct pk_hb *hb,
    struct pk_line *ln)
{
	const char *s[C_COUNT];
	size_t n[C_COUNT];
	struct pk_port *p;
	unsigned port;
	int c, proto, st, rc;

	for (c = 0; c < C_COUNT; c++) {
		nm_cell(ln, nm->col[c], nm_next_col(nm, c), &s[c], &n[c]);
		if (c != C_PORT && nm->col[c] == 0)
			n[c] = 0;
		/* A cell runs into the next: not nmap's aligned table. */
		if (c != C_PORT && nm->col[c] != 0 && n[c] > 0 &&
		    ln->start[nm->col[c] - 1] != ' ')
			return pk_nm_bad(r, ln, "misaligned port table row",
			    ln->start, (size_t)(ln->end - ln->start));
	}
	if (nm_portnum(nm, s[C_PORT], n[C_PORT], &proto, &port) == -1)
		return pk_nm_bad(r, ln, "bad port", s[C_PORT], n[C_PORT]);
	if ((st = pk_state_parse(s[C_STATE], n[C_STATE])) < 0)
		return pk_nm_bad(r, ln, "bad port state", s[C_STATE],
		    n[C_STATE]);
	if (memchr(s[C_SERVICE], ' ', n[C_SERVICE]) != NULL)
		return pk_nm_bad(r, ln, "bad service name", s[C_SERVICE],
		    n[C_SERVICE]);
	if ((p = pk_hb_port(hb)) == NULL)
		return pk_nm_nomem(r, hb, ln->no);
	p->proto = proto;
	p->port = port;
	p->state = pk_state_names[st];
	p->line = ln->no;
	if (nm_service(hb, p, s[C_SERVICE], n[C_SERVICE]) == -1)
		return pk_nm_nomem(r, hb, ln->no);
	if (nm->col[C_REASON] != 0 && (rc = nm_reason(hb, s[C_REASON],
	    n[C_REASON], &p->reason, &p->reason_ttl)) != 0)
		return rc == -1 ? pk_nm_nomem(r, hb, ln->no) :
		    pk_nm_bad(r, ln, "bad reason", s[C_REASON], n[C_REASON]);
	if (n[C_VERSION] == 0)
		return PK_OK;
	if ((p->version = pk_hb_str(hb, s[C_VERSION], n[C_VERSION])) == NULL)
		return pk_nm_nomem(r, hb, ln->no);
	/* -oG's version field: split the same way, by the same names. */
	return pk_vsplit_port(r, &nm->vsplit, p, n[C_VERSION]);
}

/*
 * One "N STATE [PROTO] ports [(REASON)]" of a "Not shown:" line.  Items
 * of one state in a row are one extraports with a reason each, as the
 * XML's <extraports> with its <extrareasons>.  0, -1 when the item is
 * malformed, -2 out of memory.
 */
static int
nm_folded(struct pk_hb *hb, const char *s, const char *end)
{
	static const char *const protos[] = { "tcp", "udp", "sctp" };
	const char *w, *proto = NULL;
	struct pk_extraports *e = NULL;
	struct pk_extrareason *x;
	long long count;
	size_t n, i;
	int st;

	n = nm_word(s, end);
	if (pk_parse_long(s, n, &count) == -1 || count > INT32_MAX ||
	    (w = s + n) == end || ++w == end)
		return -1;
	n = nm_word(w, end);
	if ((st = pk_state_parse(w, n)) < 0 || (w += n) == end || ++w == end)
		return -1;
	n = nm_word(w, end);
	for (i = 0; i < 3 && proto == NULL; i++)
		if (strlen(protos[i]) == n && memcmp(w, protos[i], n) == 0)
			proto = protos[i];
	if (proto != NULL && ((w += n) == end || ++w == end))
		return -1;
	n = nm_word(w, end);
	if ((n != 5 || memcmp(w, "ports", 5) != 0) &&
	    (n != 4 || memcmp(w, "port", 4) != 0))
		return -1;
	w += n;
	if (hb->h->nextraports > 0 && hb->h->extraports[hb->h->nextraports -
	    1].state == pk_state_names[st])
		e = &hb->h->extraports[hb->h->nextraports - 1];
	else if ((e = pk_hb_extraports(hb)) == NULL)
		return -2;
	else
		e->count = 0;
	e->state = pk_state_names[st];
	e->count += (long)count;
	if (w == end)
		return 0;
	if (end - w < 4 || w[0] != ' ' || w[1] != '(' || end[-1] != ')' ||
	    memchr(w + 2, ' ', (size_t)(end - w - 3)) != NULL)
		return -1;
	if ((x = pk_hb_extrareason(hb)) == NULL ||
	    (x->reason = pk_hb_str(hb, w + 2, (size_t)(end - w - 3))) == NULL)
		return -2;
	x->count = (long)count;
	x->proto = proto;
	return 0;
}

/* "Not shown: ITEM, ITEM": the ports the table leaves out. */
int
pk_nm_not_shown(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln)
{
	const char *s = ln->p, *c;
	int rc;

	while (s < ln->end) {
		if ((c = pk_nm_find(s, ln->end, ", ")) == NULL)
			c = ln->end;
		rc = nm_folded(hb, s, c);
		if (rc == -2)
			return pk_nm_nomem(r, hb, ln->no);
		if (rc == -1)
			return pk_nm_bad(r, ln, "bad \"Not shown\" item", s,
			    (size_t)(c - s));
		s = c == ln->end ? c : c + 2;
	}
	if (s == ln->p)
		return pk_nm_bad(r, ln, "empty \"Not shown\" line", s, 0);
	return PK_OK;
}

/*
 * "All 1000 scanned ports on X are in ignored states." is followed by a
 * "Not shown:" line (nmap 7.9x); before that, "... are closed" (with
 * --reason "... are closed because of 1000 resets") was the only count.
 */
int
pk_nm_all_ports(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln)
{
	const char *are = pk_nm_rfind(ln->p, ln->end, " are "), *w;
	struct pk_extraports *e;
	long long count;
	size_t n = nm_word(ln->p, ln->end);
	int st;

	if (are == NULL || pk_parse_long(ln->p, n, &count) == -1 ||
	    count > INT32_MAX)
		return pk_nm_bad(r, ln, "bad \"All ports\" line", ln->start,
		    (size_t)(ln->end - ln->start));
	w = are + 5;
	if (pk_nm_find(w, ln->end, "in ignored states") == w)
		return PK_OK;
	n = nm_word(w, ln->end);
	if ((st = pk_state_parse(w, n)) < 0)
		return pk_nm_bad(r, ln, "bad port state", w, n);
	if ((e = pk_hb_extraports(hb)) == NULL)
		return pk_nm_nomem(r, hb, ln->no);
	e->state = pk_state_names[st];
	e->count = (long)count;
	return PK_OK;
}

/* --- Script output ------------------------------------------------------- */

static int
nm_buf_add(struct pk_reader *r, struct normal *nm, const char *s, size_t n,
    unsigned long line)
{
	size_t limit = r->opts.limits.max_host_bytes, cap;
	char *nb;

	if (nm->len + n + 1 > nm->cap) {
		if (limit != 0 && nm->len + n + 1 > limit)
			return pk_rd_fail(r, PK_ERR_LIMIT, line,
			    "host record exceeds %zu bytes", limit);
		cap = nm->cap != 0 ? nm->cap : 256;
		while (cap < nm->len + n + 1)
			cap *= 2;
		if ((nb = realloc(nm->buf, cap)) == NULL)
			return pk_rd_fail(r, PK_ERR_NOMEM, line,
			    "out of memory");
		nm->buf = nb;
		nm->cap = cap;
	}
	memcpy(nm->buf + nm->len, s, n);
	nm->len += n;
	nm->buf[nm->len] = '\0';
	return PK_OK;
}

/* The script read is complete: into the port, the host, or nowhere. */
static int
nm_script_done(struct pk_reader *r, struct normal *nm, unsigned long line)
{
	struct pk_hb *hb = r->building != NULL ? &r->building->hb : NULL;
	struct pk_script *sc;

	nm->inscript = 0;
	if (nm->target == NM_RUNSCRIPTS || hb == NULL)
		return PK_OK;
	sc = nm->target == NM_TABLE ? pk_hb_port_script(hb) :
	    pk_hb_host_script(hb);
	if (sc == NULL || (sc->id = pk_hb_str(hb, nm->buf, nm->idlen)) ==
	    NULL || (sc->output = pk_hb_str(hb, nm->buf + nm->idlen + 1,
	    nm->len - nm->idlen - 1)) == NULL)
		return pk_nm_nomem(r, hb, line);
	return PK_OK;
}

/* The first line of a script: "ID: TEXT" (or "ID:" when TEXT is empty). */
static int
nm_script_head(struct pk_reader *r, struct normal *nm, struct pk_line *ln,
    const char *s)
{
	const char *c = s;
	int rc;

	while (c < ln->end && *c != ':' && *c != ' ')
		c++;
	if (c == s || c == ln->end || *c != ':' ||
	    (c + 1 < ln->end && c[1] != ' '))
		return pk_nm_bad(r, ln, "bad script output line", ln->start,
		    (size_t)(ln->end - ln->start));
	if (nm->where == NM_NONE)
		return pk_nm_bad(r, ln, "script output outside a port table",
		    ln->start, (size_t)(ln->end - ln->start));
	if (nm->where == NM_TABLE && (r->building == NULL ||
	    r->building->hb.h->nports == 0))
		return pk_nm_bad(r, ln, "script output before any port",
		    ln->start, (size_t)(ln->end - ln->start));
	nm->target = nm->where;
	nm->inscript = 1;
	nm->len = 0;
	nm->idlen = (size_t)(c - s);
	if ((rc = nm_buf_add(r, nm, s, nm->idlen + 1, ln->no)) != PK_OK)
		return rc;
	nm->buf[nm->idlen] = '\0';
	c += c + 1 < ln->end ? 2 : 1;
	return nm_buf_add(r, nm, c, (size_t)(ln->end - c), ln->no);
}

/* A '|' line: "| " continues a script, "|_" is its last line. */
int
pk_nm_script(struct pk_reader *r, struct normal *nm, struct pk_line *ln)
{
	int last = ln->end - ln->p >= 2 && ln->p[1] == '_';
	const char *s = ln->p + 1;
	int rc;

	if (s < ln->end && (*s == '_' || *s == ' '))
		s++;
	if (!nm->inscript)
		rc = nm_script_head(r, nm, ln, s);
	else if ((rc = nm_buf_add(r, nm, "\n", 1, ln->no)) == PK_OK)
		rc = nm_buf_add(r, nm, s, (size_t)(ln->end - s), ln->no);
	if (rc != PK_OK || !last)
		return rc;
	return nm_script_done(r, nm, ln->no);
}
