/*
 * ports.c - the port fields of a grepable host line:
 *
 *	Ports: 22/open/tcp//ssh//OpenSSH 9.2p1/, 631/closed/tcp//ipp///
 *	Protocols: 1/open/icmp/, 6/open/tcp/
 *	Ignored State: closed (997)
 *
 * Each port entry is seven '/'-ended fields (port, state, protocol,
 * owner, service, RPC info, version) and a protocol entry three; entries
 * are separated by ", ".  Ports are the bulk of a large file, so this is
 * the parser's hot path.
 */
#include <stddef.h>
#include <string.h>

#include "base/proto.h"
#include "gnmap/gnmap_impl.h"

/* A state name as the one pointer of its state, or NULL. */
static const char *
gn_state(const char *s, size_t n)
{
	int st;

	/* Most entries are open ones: no call for them. */
	if (n == 4 && memcmp(s, "open", 4) == 0)
		return pk_state_names[PK_STATE_OPEN];
	st = pk_state_parse(s, n);

	return st < 0 ? NULL : pk_state_names[st];
}

/*
 * The slash-terminated pieces of one port entry.  A '/' inside a field
 * was written as '|' by nmap, so a '/' always ends a field; the version
 * may hold ", " and even a TAB.  masscan leaves the last field open.
 * f[nf] is where the entry's last '/' ends.
 */
struct gn_entry {
	const char	*f[8];
	size_t		 n[8];
};

#ifdef __SSE2__
#include <emmintrin.h>

/*
 * Split fields sixteen bytes at a time: the '/' and TAB positions of
 * sixteen bytes come out as two bit masks, so ending a field is no
 * branch mispredicted per byte.  The first last fields are ended, of
 * which only the last of all nf may hold a TAB.  Returns the fields ended
 * so far, or -1 for a TAB too early; *pp is where the byte loop goes on.
 */
static inline __attribute__((always_inline)) int
split_vec(const char **pp, const char *end, struct gn_entry *e, int nf,
    int last)
{
	const __m128i slash = _mm_set1_epi8('/'), tab = _mm_set1_epi8('\t');
	const char *p = *pp;
	unsigned sl, tb, k, lim;
	int i = 0;
	__m128i v;

	for (; end - p >= 16; p += 16) {
		v = _mm_loadu_si128((const void *)p);
		sl = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, slash));
		if (i < nf - 1) {
			tb = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, tab));
			lim = tb != 0 ? (unsigned)__builtin_ctz(tb) : 16;
			for (; sl != 0 && i < nf - 1; sl &= sl - 1) {
				if ((k = (unsigned)__builtin_ctz(sl)) > lim)
					return -1;
				e->n[i] = (size_t)(p + k - e->f[i]);
				e->f[++i] = p + k + 1;
			}
			if (i < nf - 1 && tb != 0)
				return -1;
		}
		if (i == last)
			return i;
		if (i == nf - 1 && sl != 0) {	/* the last field's '/' */
			k = (unsigned)__builtin_ctz(sl);
			e->n[i] = (size_t)(p + k - e->f[i]);
			e->f[++i] = p + k + 1;
			return i;
		}
	}
	*pp = p;
	return i;
}
#endif

/*
 * Cut the entry at ln->p into its nf fields and move past it: past its
 * last '/', or for an open one (masscan) to the end of the field.
 * Inline: called for every port, its call saved and restored six
 * registers.
 */
static inline __attribute__((always_inline)) int
gn_entry_split(struct pk_line *ln, struct gn_entry *e, int nf, int open)
{
	const char *p = ln->p, *q;
	int i = 0, last = open ? nf - 1 : nf;

	e->f[0] = p;
#ifdef __SSE2__
	if ((i = split_vec(&p, ln->end, e, nf, last)) == -1)
		return -1;
#endif
	/* The bytes left: short lines, and the end of a line. */
	for (q = p; i < last; q++) {
		if (q == ln->end || (*q == '\t' && i < nf - 1))
			return -1;
		if (*q == '/') {
			e->n[i] = (size_t)(q - e->f[i]);
			e->f[++i] = q + 1;
		}
	}
	ln->p = e->f[i];
	if (open) {
		e->n[i] = gn_span(ln, '\t');
		ln->p += e->n[i];
	}
	return 0;
}

/*
 * Service "ssl|http" is nmap's "ssl/http": the http service in an SSL
 * tunnel.  A trailing '?' marks a guess (confidence <= 5: the name of
 * the port number in nmap-services, method "table" in the XML) and is
 * not part of the name the XML gives; it is dropped.  Narrows
 * [*s, *s + *n) to the name.
 */
static void
gn_service(struct pk_port *p, const char **s, size_t *n)
{
	if (*n > 4 && memcmp(*s, "ssl|", 4) == 0) {
		p->tunnel = "ssl";
		*s += 4;
		*n -= 4;
	}
	if (*n > 1 && (*s)[*n - 1] == '?') {
		p->method = "table";
		(*n)--;
	}
}

/*
 * A field of an entry parsed in the host's own copy of the line, which
 * starts at base: NUL-terminated where it lies, NULL when empty.  One
 * copy per line instead of one per field, as ports are most of a large
 * file; the byte overwritten is the field's '/' or a dropped '?'.
 */
static const char *
gn_inplace(char *base, const char *f, size_t n)
{
	char *s;

	if (n == 0)
		return NULL;
	s = base + (f - base);		/* f, writable */
	s[n] = '\0';
	return s;
}

/* A protocol name; tcp, by far the most common, without a copy. */
static int
gn_proto(const char *s, size_t n)
{
	char name[8];

	if (n == 3 && memcmp(s, "tcp", 3) == 0)
		return PK_PROTO_TCP;
	if (n == 0 || n >= sizeof(name))
		return -1;
	memcpy(name, s, n);
	name[n] = '\0';
	return pk_proto_parse(name);
}

/* Port number and protocol of an entry; masscan's offsets undone. */
static int
gn_portnum(const struct gn_entry *e, int masscan, int *proto,
    unsigned *port)
{
	*proto = gn_proto(e->f[2], e->n[2]);
	if (*proto < 0 || *proto == PK_PROTO_IP)
		return -2;
	if (masscan) {
		if (pk_masscan_port(e->f[0], e->n[0], *proto, port) == -1)
			return -1;
	} else if (pk_parse_port_wide(e->f[0], e->n[0],
	    (size_t)(e->f[7] - e->f[0]), 65535, port) == -1)
		return -1;
	return *port == 0 || *port > 65535 ? -1 : 0;
}

/* Text field i of an entry: in place (base) or copied. */
static inline const char *
gn_text(struct pk_hb *hb, const struct gn_entry *e, int i, char *base,
    int *oom)
{
	return base != NULL ? gn_inplace(base, e->f[i], e->n[i]) :
	    pk_gn_opt(hb, e->f[i], e->n[i], oom);
}

/* The text fields of a port entry. */
static int
gn_port_text(struct pk_hb *hb, struct pk_port *p, struct gn_entry *e,
    char *base)
{
	int oom = 0;

	gn_service(p, &e->f[4], &e->n[4]);
	p->owner = gn_text(hb, e, 3, base, &oom);
	p->service = gn_text(hb, e, 4, base, &oom);
	p->rpcinfo = gn_text(hb, e, 5, base, &oom);
	p->version = gn_text(hb, e, 6, base, &oom);
	return oom ? -1 : 0;
}

static int
gn_port_entry(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln,
    int masscan, char *base)
{
	struct gnmap *g = r->impl;
	struct gn_entry e;
	struct pk_port *p;
	const char *state;
	unsigned port;
	int proto, rc;

	if (gn_entry_split(ln, &e, 7, masscan) == -1)
		return pk_gn_bad(r, ln, "incomplete port entry", e.f[0],
		    (size_t)(ln->end - e.f[0]));
	rc = gn_portnum(&e, masscan, &proto, &port);
	if (rc == -1)
		return pk_gn_bad(r, ln, "bad port number", e.f[0], e.n[0]);
	if (rc == -2)
		return pk_gn_bad(r, ln, "bad protocol", e.f[2], e.n[2]);
	if ((state = gn_state(e.f[1], e.n[1])) == NULL)
		return pk_gn_bad(r, ln, "bad port state", e.f[1], e.n[1]);
	if ((p = pk_hb_port(hb)) == NULL)
		return pk_gn_nomem(r, hb, ln->no);
	p->proto = proto;
	p->port = port;
	p->state = state;
	p->line = ln->no;
	if (gn_port_text(hb, p, &e, base) == -1)
		return pk_gn_nomem(r, hb, ln->no);
	if (p->version != NULL && !masscan)
		return pk_vsplit_port(r, &g->vsplit, p, e.n[6]);
	return PK_OK;
}

/* "Protocols: 1/open/icmp/, 6/open/tcp/" from an IP protocol scan. */
static int
gn_proto_entry(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln)
{
	struct gn_entry e;
	struct pk_port *p;
	const char *state;
	unsigned num;
	int oom = 0;

	if (gn_entry_split(ln, &e, 3, 0) == -1)
		return pk_gn_bad(r, ln, "incomplete protocol entry", e.f[0],
		    (size_t)(ln->end - e.f[0]));
	if (pk_parse_port(e.f[0], e.n[0], 255, &num) == -1)
		return pk_gn_bad(r, ln, "bad protocol number", e.f[0], e.n[0]);
	if ((state = gn_state(e.f[1], e.n[1])) == NULL)
		return pk_gn_bad(r, ln, "bad port state", e.f[1], e.n[1]);
	if ((p = pk_hb_port(hb)) == NULL)
		return pk_gn_nomem(r, hb, ln->no);
	p->proto = PK_PROTO_IP;
	p->port = num;
	p->state = state;
	p->line = ln->no;
	p->service = pk_gn_opt(hb, e.f[2], e.n[2], &oom);
	return oom ? pk_gn_nomem(r, hb, ln->no) : PK_OK;
}

/* Entries separated by ", " up to the field's end; none is fine. */
static int
gn_entry_list(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln,
    int ipproto, int masscan, char *base)
{
	int rc;

	if (ln->p == ln->end || *ln->p == '\t')
		return PK_OK;
	for (;;) {
		rc = ipproto ? gn_proto_entry(r, hb, ln) :
		    gn_port_entry(r, hb, ln, masscan, base);
		if (rc != PK_OK)
			return rc;
		if (ln->p == ln->end || *ln->p == '\t')
			return PK_OK;
		if (!gn_eat(ln, ", "))
			return pk_gn_bad(r, ln, "expected \", \" or TAB after "
			    "port entry", ln->p, (size_t)(ln->end - ln->p));
	}
}

/*
 * nmap's Ports field is parsed in one copy of the rest of the line that
 * the host keeps, its fields cut in place; masscan's last field ends at
 * a TAB that must stay, and protocol entries are few, so those copy
 * field by field.  Flattened: each call of gn_entry_list becomes its
 * own copy, and the one for nmap's Ports field, most of a large file,
 * tests nothing per entry for masscan, protocols or copies.
 */
__attribute__((flatten)) int
pk_gn_entries(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln,
    int ipproto, int masscan)
{
	struct pk_line cl;
	char *base;
	size_t n = (size_t)(ln->end - ln->p);
	int rc;

	if (ipproto || masscan || n == 0 || *ln->p == '\t')
		return gn_entry_list(r, hb, ln, ipproto, masscan, NULL);
	if ((base = pk_hb_str(hb, ln->p, n)) == NULL)
		return pk_gn_nomem(r, hb, ln->no);
	cl = *ln;
	cl.p = cl.start = base;
	cl.end = base + n;
	rc = gn_entry_list(r, hb, &cl, 0, 0, base);
	ln->p += cl.p - base;
	return rc;
}

/* "Ignored State: closed (997)": one extraports, no reasons. */
int
pk_gn_ignored(struct pk_reader *r, struct pk_hb *hb,
    struct pk_line *ln)
{
	const char *v = ln->p, *state;
	struct pk_extraports *e;
	size_t n = gn_span(ln, '\t'), sn;
	long count;

	sn = gn_span(ln, ' ');
	if (sn >= n || (state = gn_state(v, sn)) == NULL ||
	    n < sn + 4 || v[sn + 1] != '(' || v[n - 1] != ')' ||
	    pk_gn_num(v + sn + 2, n - sn - 3, &count) == -1)
		return pk_gn_bad(r, ln, "bad ignored state", v, n);
	if ((e = pk_hb_extraports(hb)) == NULL)
		return pk_gn_nomem(r, hb, ln->no);
	e->state = state;
	e->count = count;
	ln->p += n;
	return PK_OK;
}
