/*
 * masscan.c - what masscan's -oG output adds to nmap's grammar.
 *
 * masscan imitates grepable output with two differences a reader must
 * undo: it numbers UDP and SCTP ports after the 65536 TCP ones, and it
 * writes banners on lines of their own ("Port: N", "Service: S",
 * "Banner: TEXT") that belong to a port seen before.  The rest of its
 * output (Timestamp:, the run header, the shorter trailer) goes through
 * the nmap paths with a flag.  Its list output (-oL) comes here too,
 * a port a line.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "gnmap/gnmap_impl.h"

/* masscan numbers UDP and SCTP ports after the 65536 TCP ones. */
#define MASSCAN_UDP	65536u
#define MASSCAN_SCTP	131072u

/*
 * A masscan port number of protocol proto, its offset undone; -1 when it
 * is no number or beyond the SCTP range.  The caller checks 1..65535.
 */
int
pk_masscan_port(const char *s, size_t n, int proto, unsigned *port)
{
	long long v;

	if (pk_parse_long(s, n, &v) == -1 || v >= 3 * (long long)MASSCAN_UDP)
		return -1;
	*port = (unsigned)v;
	if (proto == PK_PROTO_UDP && *port >= MASSCAN_UDP &&
	    *port < MASSCAN_SCTP)
		*port -= MASSCAN_UDP;
	else if (proto == PK_PROTO_SCTP && *port >= MASSCAN_SCTP)
		*port -= MASSCAN_SCTP;
	return 0;
}

/*
 * The port of a masscan -oL line: "open" or "closed", the protocol by
 * name, the port number as it is (no offset, unlike -oG).
 */
int
pk_masscan_list_port(struct pk_reader *r, struct pk_hb *hb,
    const struct pk_line *ln, const char *state, size_t nstate,
    const char *proto, size_t nproto, const char *port, size_t nport)
{
	char name[8];
	struct pk_port *p;
	unsigned num;
	int pr = -1;

	if (nproto < sizeof(name)) {
		memcpy(name, proto, nproto);
		name[nproto] = '\0';
		pr = pk_proto_parse(name);
	}
	if (pr < 0 || pr == PK_PROTO_IP)
		return pk_gn_bad(r, ln, "bad protocol", proto, nproto);
	if (pk_parse_port(port, nport, 65535, &num) == -1 || num == 0)
		return pk_gn_bad(r, ln, "bad port number", port, nport);
	if ((p = pk_hb_port(hb)) == NULL)
		return pk_gn_nomem(r, hb, ln->no);
	p->proto = pr;
	p->port = num;
	p->line = ln->no;
	if (nstate == 4 && memcmp(state, "open", 4) == 0)
		p->state = "open";
	else if (nstate == 6 && memcmp(state, "closed", 6) == 0)
		p->state = "closed";
	else
		return pk_gn_bad(r, ln, "bad port state", state, nstate);
	return PK_OK;
}

/*
 * masscan's "# Ports scanned" lists number ports the same way
 * ("UDP(1;65589-65589)") and end with a comma: the list in nmap's form,
 * in the run's arena.  A list that is not masscan's ranges is returned
 * as it was, for the port set parser to judge.  NULL out of memory.
 */
const char *
pk_masscan_spec(struct pk_reader *r, const char *s, size_t n, int proto)
{
	char *out = pk_arena_alloc(&r->scan_arena, n + 1), *o = out;
	const char *p, *c, *dash;
	unsigned lo, hi;

	if (out == NULL)
		return NULL;
	for (p = s; p < s + n; p = c + 1) {
		if ((c = memchr(p, ',', (size_t)(s + n - p))) == NULL)
			c = s + n;
		if (c == p)
			continue;
		dash = memchr(p, '-', (size_t)(c - p));
		if (pk_masscan_port(p, (size_t)((dash != NULL ? dash : c) - p),
		    proto, &lo) == -1 || (dash != NULL && pk_masscan_port(
		    dash + 1, (size_t)(c - dash - 1), proto, &hi) == -1)) {
			memcpy(out, s, n);
			out[n] = '\0';
			return out;
		}
		/* Never longer than the item: an offset only shortens it. */
		o += dash == NULL || hi == lo ?
		    snprintf(o, (size_t)(out + n + 1 - o), "%s%u",
		    o > out ? "," : "", lo) :
		    snprintf(o, (size_t)(out + n + 1 - o), "%s%u-%u",
		    o > out ? "," : "", lo, hi);
	}
	*o = '\0';
	return out;
}

/*
 * A banner belongs to an open port of the host; masscan does not say
 * the protocol, so a port of that number already seen is used, else a
 * new open TCP port (masscan grabs banners over connections).  The
 * banner's type (ssh, http.server, title ...) is what masscan grabbed,
 * not a service name: both go into a "banner" script.
 */
int
pk_masscan_banner(struct pk_reader *r, struct pk_hb *hb,
    const struct pk_line *ln, const struct gn_banner *b)
{
	struct pk_port *p = NULL;
	struct pk_script *sc;
	unsigned port;
	size_t i;

	if (pk_parse_port(b->port, b->nport, 65535, &port) == -1 || port == 0)
		return pk_gn_bad(r, ln, "bad port number", b->port, b->nport);
	for (i = 0; i < hb->h->nports; i++)
		if (hb->h->ports[i].port == port &&
		    hb->h->ports[i].proto != PK_PROTO_IP)
			p = &hb->h->ports[i];
	if (p == NULL) {
		if ((p = pk_hb_port(hb)) == NULL)
			return pk_gn_nomem(r, hb, ln->no);
		p->proto = PK_PROTO_TCP;
		p->port = port;
		p->state = "open";
		p->line = ln->no;
	}
	/*
	 * pk_hb_port_script appends to the last port only; p may be an
	 * earlier one, so its script array is regrown here (banners are
	 * few, a copy each time is cheap).
	 */
	sc = pk_arena_alloc(hb->a, (p->nscripts + 1) * sizeof(*sc));
	if (sc == NULL)
		return pk_gn_nomem(r, hb, ln->no);
	if (p->nscripts > 0)
		memcpy(sc, p->scripts, p->nscripts * sizeof(*sc));
	p->scripts = sc;
	if (p == &hb->h->ports[hb->h->nports - 1])
		hb->cap_scripts = p->nscripts + 1;
	sc += p->nscripts++;
	if (pk_hb_banner(hb, sc, b->svc, b->nsvc, b->text, b->ntext) == -1)
		return pk_gn_nomem(r, hb, ln->no);
	return PK_OK;
}
