/*
 * gnmap_ports.c - the port fields of a grepable host line:
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

#include "gnmap_impl.h"

static const char *const port_states[] = {
	"open", "closed", "filtered", "unfiltered", "open|filtered",
	"closed|filtered", NULL
};

static const char *
gn_state(const char *s, size_t n)
{
	size_t i;

	for (i = 0; port_states[i] != NULL; i++)
		if (strlen(port_states[i]) == n &&
		    memcmp(port_states[i], s, n) == 0)
			return port_states[i];
	return NULL;
}

/*
 * The slash-terminated pieces of one port entry.  A '/' inside a field
 * was written as '|' by nmap, so a '/' always ends a field; the version
 * may hold ", " and even a TAB.  masscan leaves the last field open.
 */
struct gn_entry {
	const char	*f[7];
	size_t		 n[7];
};

static int
gn_entry_split(struct gn_line *ln, struct gn_entry *e, int nf, int open)
{
	const char *q;
	int i;

	for (i = 0; i < nf; i++) {
		e->f[i] = ln->p;
		if (open && i == nf - 1) {
			e->n[i] = gn_span(ln, '\t');
			ln->p += e->n[i];
			return 0;
		}
		q = memchr(ln->p, '/', (size_t)(ln->end - ln->p));
		if (q == NULL || (i < nf - 1 && memchr(ln->p, '\t',
		    (size_t)(q - ln->p)) != NULL))
			return -1;
		e->n[i] = (size_t)(q - ln->p);
		ln->p = q + 1;
	}
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

/*
 * Service "ssl|http" is nmap's "ssl/http": the http service in an SSL
 * tunnel.  A trailing '?' marks a guess (confidence <= 5) and is not
 * part of the name the XML gives; it is dropped.
 */
static void
gn_service(struct pk_hb *hb, struct pk_port *p, const char *s, size_t n,
    int *oom)
{
	if (n > 4 && memcmp(s, "ssl|", 4) == 0) {
		p->tunnel = "ssl";
		s += 4;
		n -= 4;
	}
	if (n > 1 && s[n - 1] == '?')
		n--;
	p->service = pk_gn_opt(hb, s, n, oom);
}

/* Port number and protocol of an entry; masscan's offsets undone. */
static int
gn_portnum(const struct gn_entry *e, int masscan, int *proto,
    unsigned *port)
{
	char name[8];

	if (e->n[2] == 0 || e->n[2] >= sizeof(name))
		return -2;
	memcpy(name, e->f[2], e->n[2]);
	name[e->n[2]] = '\0';
	*proto = pk_proto_parse(name);
	if (*proto < 0 || *proto == PK_PROTO_IP)
		return -2;
	if (masscan) {
		if (pk_masscan_port(e->f[0], e->n[0], *proto, port) == -1)
			return -1;
	} else if (pk_parse_port(e->f[0], e->n[0], 65535, port) == -1)
		return -1;
	return *port == 0 || *port > 65535 ? -1 : 0;
}

static int
gn_port_entry(struct pk_reader *r, struct pk_hb *hb, struct gn_line *ln,
    int masscan)
{
	struct gn_entry e;
	struct pk_port *p;
	const char *state;
	unsigned port;
	int proto, oom = 0, rc;

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
	p->owner = pk_gn_opt(hb, e.f[3], e.n[3], &oom);
	gn_service(hb, p, e.f[4], e.n[4], &oom);
	p->rpcinfo = pk_gn_opt(hb, e.f[5], e.n[5], &oom);
	p->version = pk_gn_opt(hb, e.f[6], e.n[6], &oom);
	return oom ? pk_gn_nomem(r, hb, ln->no) : PK_OK;
}

/* "Protocols: 1/open/icmp/, 6/open/tcp/" from an IP protocol scan. */
static int
gn_proto_entry(struct pk_reader *r, struct pk_hb *hb, struct gn_line *ln)
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
	p->service = pk_gn_opt(hb, e.f[2], e.n[2], &oom);
	return oom ? pk_gn_nomem(r, hb, ln->no) : PK_OK;
}

/* Entries separated by ", " up to the field's end; none is fine. */
int
pk_gn_entries(struct pk_reader *r, struct pk_hb *hb, struct gn_line *ln,
    int ipproto, int masscan)
{
	int rc;

	if (ln->p == ln->end || *ln->p == '\t')
		return PK_OK;
	for (;;) {
		rc = ipproto ? gn_proto_entry(r, hb, ln) :
		    gn_port_entry(r, hb, ln, masscan);
		if (rc != PK_OK)
			return rc;
		if (ln->p == ln->end || *ln->p == '\t')
			return PK_OK;
		if (!gn_eat(ln, ", "))
			return pk_gn_bad(r, ln, "expected \", \" or TAB after "
			    "port entry", ln->p, (size_t)(ln->end - ln->p));
	}
}

/* "Ignored State: closed (997)": one extraports, no reasons. */
int
pk_gn_ignored(struct pk_reader *r, struct pk_hb *hb,
    struct gn_line *ln)
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
