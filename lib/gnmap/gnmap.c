/*
 * gnmap.c - Nmap grepable output (-oG), masscan's imitation of it, and
 * masscan's list output (-oL), a line per open port.
 *
 * Nmap writes one line per host and kind of fact, fields separated by a
 * TAB:
 *
 *	Host: 127.0.0.1 (localhost)	Status: Up
 *	Host: 127.0.0.1 (localhost)	Ports: 22/open/tcp//ssh///	Ignored ...
 *
 * Lines that follow each other and name the same address are one host;
 * a different address starts the next.  The run is framed by a "# Nmap
 * ... scan initiated" header and a "# Nmap done at" trailer; a file
 * without the trailer was cut short.  The format is lossy (see
 * pk_reader(3), "Grepable input"): what it cannot say stays NULL or -1.
 *
 * This file reads lines and the host lines' head and simple fields;
 * scan.c takes the "# " lines, ports.c the Ports, Protocols and Ignored
 * State fields, masscan.c what only masscan writes, and fields.c the
 * helpers all of them share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gnmap/gnmap.h"
#include "gnmap/gnmap_impl.h"

#define GN_BATCH	256	/* lines per pump call at most */

static int	gn_pump(struct pk_reader *);
static void	gn_free(struct pk_reader *);

static const struct pk_reader_ops gnmap_ops = { gn_pump, gn_free };

int
pk_gnmap_init(struct pk_reader *r)
{
	struct gnmap *g;

	g = calloc(1, sizeof(*g));
	if (g == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
	r->impl = g;
	r->ops = &gnmap_ops;
	return PK_OK;
}

static void
gn_free(struct pk_reader *r)
{
	struct gnmap *g = r->impl;

	if (g != NULL) {
		pk_vsplit_free(&g->vsplit);
		free(g->head);
	}
	free(r->impl);
	r->impl = NULL;
}

/* --- Host lines ---------------------------------------------------------- */

/* Copy of at most 45 bytes (INET6_ADDRSTRLEN - 1), NUL-padded, or -1. */
static int
gn_addr_copy(char dst[GN_ADDRBUF], const char *s, size_t n)
{
	if (n == 0 || n > 45)
		return -1;
	memset(dst, 0, GN_ADDRBUF);
	memcpy(dst, s, n);
	return 0;
}

static int
gn_addr_check(const char *a, enum pk_addrtype *type)
{
	*type = strchr(a, ':') != NULL ? PK_ADDR_IPV6 : PK_ADDR_IPV4;
	return pk_addr_valid(*type, a) ? 0 : -1;
}

/*
 * The host being built when it has the address addr (from
 * gn_addr_copy), else NULL.  Its address was checked when it was
 * begun, so addr need not be again: a host has two lines or more.  The
 * padded copies compare as a few words, with no call and no loop: a
 * strcmp per line took 1% of the CPU time of reading -oG.
 */
static struct pk_hb *
gn_building(struct pk_reader *r, const char addr[GN_ADDRBUF])
{
	const struct gnmap *g = r->impl;

	if (r->building == NULL || memcmp(g->addr, addr, GN_ADDRBUF) != 0)
		return NULL;
	return &r->building->hb;
}

/*
 * A new host of address addr, which is not the one being built: that
 * one is complete and queued first.
 */
static struct pk_hb *
gn_host_new(struct pk_reader *r, const struct pk_line *ln,
    const char addr[GN_ADDRBUF], enum pk_addrtype type)
{
	struct gnmap *g = r->impl;
	struct pk_hb *hb;
	struct pk_addr *a;

	if (r->building != NULL && pk_rd_host_commit(r) != PK_OK)
		return NULL;
	if (pk_gn_scan(r) == NULL || (hb = pk_rd_host_begin(r)) == NULL)
		return NULL;
	hb->h->line = ln->no;
	if ((a = pk_hb_addr(hb)) == NULL ||
	    (a->addr = pk_hb_cstr(hb, addr)) == NULL) {
		(void)pk_gn_nomem(r, hb, ln->no);
		return NULL;
	}
	a->type = type;
	memcpy(g->addr, addr, GN_ADDRBUF);
	g->nhead = 0;
	return hb;
}

/*
 * The builder for addr: the host being built when it has that address,
 * else a new one.
 */
static struct pk_hb *
gn_host_for(struct pk_reader *r, const struct pk_line *ln,
    const char addr[GN_ADDRBUF], enum pk_addrtype type)
{
	struct pk_hb *hb;

	if ((hb = gn_building(r, addr)) != NULL)
		return hb;
	return gn_host_new(r, ln, addr, type);
}

/* Add name unless the host has it already (every line repeats it). */
static int
gn_hostname(struct pk_hb *hb, const char *s, size_t n)
{
	struct pk_hostname *hn;
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < hb->h->nhostnames; i++)
		if (strlen(hb->h->hostnames[i].name) == n &&
		    memcmp(hb->h->hostnames[i].name, s, n) == 0)
			return 0;
	if ((hn = pk_hb_hostname(hb)) == NULL ||
	    (hn->name = pk_hb_str(hb, s, n)) == NULL)
		return -1;
	return 0;
}

/*
 * The host being built when the line goes on with the head its last
 * line had, then a TAB or the end: the same address and name, which
 * that line checked and added.  Most Host lines are a host's second.
 */
static struct pk_hb *
gn_head_again(struct pk_reader *r, struct pk_line *ln)
{
	const struct gnmap *g = r->impl;
	const char *end = ln->p + g->nhead;

	if (r->building == NULL || g->nhead == 0 ||
	    (size_t)(ln->end - ln->p) < g->nhead ||
	    (end < ln->end && *end != '\t') ||
	    memcmp(ln->p, g->head, g->nhead) != 0)
		return NULL;
	ln->p = end;
	return &r->building->hb;
}

/*
 * Keep the head [s, ln->p) of a Host line for gn_head_again; with no
 * memory for it, the next line takes the long way.
 */
static void
gn_head_keep(struct gnmap *g, const char *s, const struct pk_line *ln)
{
	size_t n = (size_t)(ln->p - s);
	char *h;

	g->nhead = 0;
	if (n > g->headcap) {
		if ((h = realloc(g->head, n)) == NULL)
			return;
		g->head = h;
		g->headcap = n;
	}
	memcpy(g->head, s, n);
	g->nhead = n;
}

/* "Host: ADDR (NAME)": find or start the host, add the name. */
static struct pk_hb *
gn_host_head(struct pk_reader *r, struct pk_line *ln)
{
	char addr[GN_ADDRBUF];
	enum pk_addrtype type = PK_ADDR_IPV4;
	const char *name, *close, *head = ln->p;
	struct pk_hb *hb;
	size_t n;

	if ((hb = gn_head_again(r, ln)) != NULL)
		return hb;
	n = gn_span(ln, ' ');
	if (gn_addr_copy(addr, ln->p, n) == -1 ||
	    ((hb = gn_building(r, addr)) == NULL &&
	    gn_addr_check(addr, &type) == -1)) {
		(void)pk_gn_bad(r, ln, "bad address", ln->p, n);
		return NULL;
	}
	ln->p += n;
	if (!gn_eat(ln, " (")) {
		(void)pk_gn_bad(r, ln, "expected \" (NAME)\" after address",
		    ln->p, (size_t)(ln->end - ln->p));
		return NULL;
	}
	name = ln->p;
	for (close = name; close < ln->end && *close != ')'; close++)
		continue;
	if (close == ln->end || (close + 1 < ln->end && close[1] != '\t')) {
		(void)pk_gn_bad(r, ln, "bad host name", name,
		    (size_t)(ln->end - name));
		return NULL;
	}
	ln->p = close + 1;
	if (hb == NULL && (hb = gn_host_new(r, ln, addr, type)) == NULL)
		return NULL;
	if (gn_hostname(hb, name, (size_t)(close - name)) == -1) {
		(void)pk_gn_nomem(r, hb, ln->no);
		return NULL;
	}
	gn_head_keep(r->impl, head, ln);
	return hb;
}

/* "Status: Up|Down|Unknown", stored in lower case as in the XML. */
static int
gn_status(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln)
{
	static const char *const st[][2] = {
		{ "Up", "up" }, { "Down", "down" }, { "Unknown", "unknown" }
	};
	size_t i, n = gn_span(ln, '\t');

	for (i = 0; i < 3; i++)
		if (strlen(st[i][0]) == n && memcmp(st[i][0], ln->p, n) == 0)
			break;
	if (i == 3)
		return pk_gn_bad(r, ln, "bad host status", ln->p, n);
	if (hb->h->status != NULL && strcmp(hb->h->status, st[i][1]) != 0)
		return pk_gn_bad(r, ln, "conflicting host status", ln->p, n);
	hb->h->status = st[i][1];
	ln->p += n;
	return PK_OK;
}

/*
 * "OS: A|B": nmap writes this field only for perfect matches, several
 * joined by '|' (no name in nmap-os-db contains one), so each is an
 * osmatch of accuracy 100 as the XML would have it.
 */
static int
gn_os(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln)
{
	struct pk_osmatch *o;
	size_t n = gn_span(ln, '\t'), k;
	const char *end = ln->p + n;

	while (ln->p < end) {
		for (k = 0; ln->p + k < end && ln->p[k] != '|'; k++)
			continue;
		if (k == 0)
			return pk_gn_bad(r, ln, "empty OS name", ln->p,
			    (size_t)(end - ln->p));
		if ((o = pk_hb_osmatch(hb)) == NULL ||
		    (o->name = pk_hb_str(hb, ln->p, k)) == NULL)
			return pk_gn_nomem(r, hb, ln->no);
		o->accuracy = 100;
		ln->p += k;
		if (ln->p < end && ++ln->p == end)
			return pk_gn_bad(r, ln, "empty OS name", ln->p, 0);
	}
	return PK_OK;
}

/* --- Fields -------------------------------------------------------------- */

enum gn_key {
	K_STATUS, K_PORTS, K_PROTOCOLS, K_IGNORED, K_OS, K_SEQ, K_IPID,
	K_PORT, K_SERVICE, K_BANNER, K_COUNT
};

static const char *const gn_keys[K_COUNT] = {
	"Status: ", "Ports: ", "Protocols: ", "Ignored State: ", "OS: ",
	"Seq Index: ", "IP ID Seq: ", "Port: ", "Service: ", "Banner: "
};

/*
 * The key at the cursor, consumed.  Its first letter picks the
 * candidates, each compared at a constant length: every host line has
 * two to five keys, tried in turn with strlen and memcmp they showed in
 * profiles.
 */
static int
gn_key(struct pk_line *ln)
{
#define GN_KEY(k, lit)	if (gn_eat(ln, lit)) return k
	switch (ln->p < ln->end ? *ln->p : 0) {
	case 'S':
		GN_KEY(K_STATUS, "Status: ");
		GN_KEY(K_SEQ, "Seq Index: ");
		GN_KEY(K_SERVICE, "Service: ");
		break;
	case 'P':
		GN_KEY(K_PORTS, "Ports: ");
		GN_KEY(K_PROTOCOLS, "Protocols: ");
		GN_KEY(K_PORT, "Port: ");
		break;
	case 'I':
		GN_KEY(K_IGNORED, "Ignored State: ");
		GN_KEY(K_IPID, "IP ID Seq: ");
		break;
	case 'O':
		GN_KEY(K_OS, "OS: ");
		break;
	case 'B':
		GN_KEY(K_BANNER, "Banner: ");
		break;
	default:
		break;
	}
	return -1;
#undef GN_KEY
}

/* A plain field's value, up to the next TAB. */
static void
gn_value(struct pk_line *ln, const char **v, size_t *n)
{
	*v = ln->p;
	*n = gn_span(ln, '\t');
	ln->p += *n;
}

static int
gn_field(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln, int k,
    struct gn_banner *b, int masscan)
{
	const char *v;
	size_t n;

	switch (k) {
	case K_STATUS:
		return gn_status(r, hb, ln);
	case K_PORTS:
	case K_PROTOCOLS:
		return pk_gn_entries(r, hb, ln, k == K_PROTOCOLS, masscan);
	case K_IGNORED:
		return pk_gn_ignored(r, hb, ln);
	case K_OS:
		return gn_os(r, hb, ln);
	case K_SEQ:		/* TCP sequence and IP ID classes: */
	case K_IPID:		/* not in the host model */
		gn_value(ln, &v, &n);
		return PK_OK;
	case K_PORT:
		gn_value(ln, &b->port, &b->nport);
		return PK_OK;
	case K_SERVICE:
		gn_value(ln, &b->svc, &b->nsvc);
		return PK_OK;
	default:
		/* The banner is the rest of the line, TABs and all. */
		b->text = ln->p;
		b->ntext = (size_t)(ln->end - ln->p);
		ln->p = ln->end;
		return PK_OK;
	}
}

/* The TAB-separated fields after "Host: ADDR (NAME)". */
static int
gn_fields(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln,
    int masscan)
{
	struct gn_banner b;
	unsigned seen = 0;
	int k, rc;

	memset(&b, 0, sizeof(b));
	while (ln->p < ln->end) {
		if (!gn_eat(ln, "\t"))
			return pk_gn_bad(r, ln, "expected TAB before", ln->p,
			    (size_t)(ln->end - ln->p));
		if ((k = gn_key(ln)) < 0)
			return pk_gn_bad(r, ln, "unknown field", ln->p,
			    gn_span(ln, ':'));
		if (seen & (1u << k))
			return pk_gn_bad(r, ln, "repeated field", gn_keys[k],
			    strlen(gn_keys[k]) - 2);
		seen |= 1u << k;
		if ((rc = gn_field(r, hb, ln, k, &b, masscan)) != PK_OK)
			return rc;
	}
	if (seen & (1u << K_BANNER | 1u << K_PORT)) {
		if (b.port == NULL || b.text == NULL)
			return pk_rd_fail(r, PK_ERR_FORMAT, ln->no,
			    "banner line without Port or Banner field");
		return pk_masscan_banner(r, hb, ln, &b);
	}
	if ((seen & (1u << K_STATUS | 1u << K_PORTS | 1u << K_PROTOCOLS)) == 0)
		return pk_rd_fail(r, PK_ERR_FORMAT, ln->no,
		    "host line without Status, Ports or Protocols field");
	return PK_OK;
}

/* "[Timestamp: T<TAB>]Host: ADDR (NAME)<TAB>FIELD: ...". */
static int
gn_host_line(struct pk_reader *r, struct gnmap *g, struct pk_line *ln)
{
	long long ts = -1;
	struct pk_hb *hb;
	size_t n;

	if (gn_eat(ln, "Timestamp: ")) {
		n = gn_span(ln, '\t');
		if (pk_parse_long(ln->p, n, &ts) == -1)
			return pk_gn_bad(r, ln, "bad timestamp", ln->p, n);
		ln->p += n;
		if (!gn_eat(ln, "\tHost: "))
			return pk_gn_bad(r, ln, "expected \"Host:\" after "
			    "timestamp", ln->p, (size_t)(ln->end - ln->p));
	} else if (!gn_eat(ln, "Host: "))
		return pk_gn_bad(r, ln, "unrecognized line", ln->p,
		    (size_t)(ln->end - ln->p));
	if ((hb = gn_host_head(r, ln)) == NULL)
		return r->final;
	if (ts > hb->h->endtime)
		hb->h->endtime = ts;
	return gn_fields(r, hb, ln, g->masscan || ts != -1);
}

/*
 * masscan -oL: "open PROTO PORT ADDR TIME", and with --banners "banner
 * PROTO PORT ADDR TIME TYPE TEXT".  Lines of one address in a row are
 * one host, as in masscan's -oG.
 */
static int
gn_list_line(struct pk_reader *r, struct pk_line *ln)
{
	char addr[GN_ADDRBUF];
	enum pk_addrtype type;
	struct gn_banner b;
	struct pk_hb *hb;
	const char *f[5];
	size_t n[5];
	long long ts;
	int i;

	for (i = 0; i < 5; i++) {
		f[i] = ln->p;
		n[i] = gn_span(ln, ' ');
		ln->p += n[i];
		if (n[i] == 0 || (i < 4 && !gn_eat(ln, " ")))
			return pk_gn_bad(r, ln, "incomplete masscan list line",
			    ln->start, (size_t)(ln->end - ln->start));
	}
	if (gn_addr_copy(addr, f[3], n[3]) == -1 ||
	    gn_addr_check(addr, &type) == -1)
		return pk_gn_bad(r, ln, "bad address", f[3], n[3]);
	if (pk_parse_long(f[4], n[4], &ts) == -1)
		return pk_gn_bad(r, ln, "bad timestamp", f[4], n[4]);
	if ((hb = gn_host_for(r, ln, addr, type)) == NULL)
		return r->final;
	if (ts > hb->h->endtime)
		hb->h->endtime = ts;
	if (n[0] != 6 || memcmp(f[0], "banner", 6) != 0)
		return pk_masscan_list_port(r, hb, ln, f[0], n[0], f[1], n[1],
		    f[2], n[2]);
	memset(&b, 0, sizeof(b));
	b.port = f[2];
	b.nport = n[2];
	(void)gn_eat(ln, " ");
	b.svc = ln->p;
	b.nsvc = gn_span(ln, ' ');
	ln->p += b.nsvc;
	(void)gn_eat(ln, " ");
	b.text = ln->p;
	b.ntext = (size_t)(ln->end - ln->p);
	return pk_masscan_banner(r, hb, ln, &b);
}

/* --- Lines and the end of input ------------------------------------------ */

/*
 * The input ended inside this line.  Hosts before it are whole; the host
 * being built is dropped when the cut line may have been part of it (a
 * Host line with its address, or one too short to tell).
 */
static int
gn_cut(struct pk_reader *r, struct pk_line *ln)
{
	const char *a, *sp;
	const struct pk_host *h;

	if (r->building != NULL) {
		h = r->building->hb.h;
		a = pk_gn_find(ln->p, ln->end, "Host: ");
		sp = a != NULL ? memchr(a + 6, ' ', (size_t)(ln->end - a - 6)) :
		    NULL;
		if (a != NULL && (sp == NULL ||
		    ((size_t)(sp - a - 6) == strlen(h->addrs[0].addr) &&
		    memcmp(a + 6, h->addrs[0].addr, (size_t)(sp - a - 6)) == 0)))
			pk_rd_host_abort(r);
		else if (pk_rd_host_commit(r) != PK_OK)
			return r->final;
	}
	return pk_rd_fail(r, PK_ERR_TRUNCATED, ln->no,
	    "truncated scan: last line cut short");
}

static int
gn_eof(struct pk_reader *r, const struct gnmap *g)
{
	int rc;

	if ((rc = pk_gn_flush(r)) != PK_OK)
		return rc;
	if (!g->done)
		return pk_rd_fail(r, PK_ERR_TRUNCATED, pk_input_lines(r->in),
		    g->list ? "truncated scan: no '# end' line" :
		    g->masscan ? "truncated scan: no '# Masscan done' line" :
		    "truncated scan: no '# Nmap done' line");
	return PK_EOF;
}

static int
gn_line(struct pk_reader *r, struct gnmap *g, struct pk_line *ln)
{
	if (ln->cut)
		return gn_cut(r, ln);
	if (ln->nul)
		return pk_rd_fail(r, PK_ERR_FORMAT, ln->no, "NUL byte in line");
	if (ln->p == ln->end)
		return PK_OK;		/* blank: no data to lose */
	if (*ln->p == '#')
		return pk_gn_comment(r, g, ln);
	if (g->list)
		return gn_list_line(r, ln);
	if (*ln->p == 'H' || *ln->p == 'T')
		return gn_host_line(r, g, ln);
	return pk_gn_bad(r, ln, "unrecognized line", ln->p,
	    (size_t)(ln->end - ln->p));
}

static int
gn_pump(struct pk_reader *r)
{
	struct gnmap *g = r->impl;
	struct pk_line ln;
	unsigned long before = r->ncommit;
	int i, rc;

	/* Until a host is queued: the queue may hold earlier ones. */
	for (i = 0; i < GN_BATCH && r->ncommit == before; i++) {
		rc = pk_input_line(r->in, &ln);
		if (rc == PK_EOF)
			return gn_eof(r, g);
		if (rc != PK_OK) {
			pk_rd_host_abort(r);
			return pk_rd_fail_input(r);
		}
		if ((rc = gn_line(r, g, &ln)) != PK_OK) {
			pk_rd_host_abort(r);
			return rc;
		}
	}
	return PK_OK;
}
