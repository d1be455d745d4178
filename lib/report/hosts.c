/*
 * hosts.c - the hosts section: the most exposed hosts in full, the rest
 * per network.
 *
 * A min-heap of at most detail hosts, ranked by open ports (then first
 * come), keeps the least exposed at its root: a host with more open
 * ports replaces it, any other is only counted.  Each kept host lives in
 * its own arena, so an evicted host gives its memory back, capped so
 * that a hostile record (thousands of ports, megabytes of script output)
 * costs a bounded amount: the listed hosts share RP_DETAIL_BYTES, which
 * keeps the page to a few MiB (four times that at most once escaped)
 * whatever the scan.  Every up host is also counted
 * in its /24 (IPv4) or /64 (IPv6) network; the section subtracts the
 * listed hosts from those counts, so the networks table says where the
 * rest are.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_impl.h"

void
rp_hosts_init(struct rp_hosts *hs, size_t detail)
{
	memset(hs, 0, sizeof(*hs));
	hs->detail = detail;
	hs->hostbytes = detail > 0 ? RP_DETAIL_BYTES / detail : 0;
	if (hs->hostbytes > RP_HOST_BYTES)
		hs->hostbytes = RP_HOST_BYTES;
	if (hs->hostbytes < RP_HOST_MIN)
		hs->hostbytes = RP_HOST_MIN;
	rp_map_init(&hs->netkeys);
}

static void
host_free(struct rp_host *e)
{
	if (e == NULL)
		return;
	pk_arena_destroy(&e->a);
	free(e);
}

void
rp_hosts_free(struct rp_hosts *hs)
{
	size_t i;

	for (i = 0; i < hs->n; i++)
		host_free(hs->heap[i]);
	free(hs->heap);
	free(hs->nets);
	rp_map_free(&hs->netkeys);
	memset(hs, 0, sizeof(*hs));
}

/* --- Keeping one host ------------------------------------------------- */

static unsigned long
open_ports(const struct pk_host *h)
{
	unsigned long n = 0;
	size_t i;

	for (i = 0; i < h->nports; i++)
		n += h->ports[i].state != NULL &&
		    strcmp(h->ports[i].state, "open") == 0;
	return n;
}

/* A copy in the host's arena; NULL for NULL, and when the cap is hit. */
static const char *
keep(struct rp_host *e, const char *s, size_t max)
{
	size_t n;
	char *d;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	if (n > max) {
		/* Cut at a character boundary, not inside a UTF-8 sequence. */
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	if ((d = pk_arena_strndup(&e->a, s, n)) == NULL)
		e->cut = 1;
	return d;
}

/* "1020 closed (reset)", several states joined by "; ". */
static void
keep_folded(struct rp_host *e, const struct pk_host *h)
{
	char buf[1024];
	size_t i, j, o = 0;
	int n;

	buf[0] = '\0';
	for (i = 0; i < h->nextraports && o < sizeof(buf); i++) {
		const struct pk_extraports *x = &h->extraports[i];

		n = snprintf(buf + o, sizeof(buf) - o, "%s%ld %s", i ? "; " : "",
		    x->count, x->state != NULL ? x->state : "?");
		o += n > 0 ? (size_t)n : 0;
		for (j = 0; j < x->nreasons && o < sizeof(buf); j++) {
			n = snprintf(buf + o, sizeof(buf) - o, "%s%s %ld%s",
			    j ? ", " : " (", x->reasons[j].reason != NULL ?
			    x->reasons[j].reason : "?", x->reasons[j].count,
			    j + 1 == x->nreasons ? ")" : "");
			o += n > 0 ? (size_t)n : 0;
		}
	}
	e->folded = buf[0] != '\0' ? keep(e, buf, sizeof(buf)) : NULL;
}

static void
keep_names(struct rp_host *e, const struct pk_host *h)
{
	char buf[512];
	size_t i;

	e->addrs = pk_arena_zalloc(&e->a, (h->naddrs + 1) * sizeof(char *));
	e->names = pk_arena_zalloc(&e->a, (h->nhostnames + 1) *
	    sizeof(char *));
	if (e->addrs == NULL || e->names == NULL) {
		e->cut = 1;
		return;
	}
	for (i = 0; i < h->naddrs && !e->cut; i++) {
		(void)snprintf(buf, sizeof(buf), "%s%s%s%s", h->addrs[i].addr,
		    h->addrs[i].vendor != NULL ? " (" : "",
		    h->addrs[i].vendor != NULL ? h->addrs[i].vendor : "",
		    h->addrs[i].vendor != NULL ? ")" : "");
		if ((e->addrs[e->naddrs] = keep(e, buf, sizeof(buf))) != NULL)
			e->naddrs++;
	}
	for (i = 0; i < h->nhostnames && !e->cut; i++)
		if (h->hostnames[i].name != NULL && (e->names[e->nnames] =
		    keep(e, h->hostnames[i].name, 256)) != NULL)
			e->nnames++;
}

static int
has_port(const struct rp_host *e, int proto, unsigned port)
{
	size_t i;

	for (i = 0; i < e->nports; i++)
		if (e->ports[i].proto == proto && e->ports[i].port == port)
			return 1;
	return 0;
}

static void
keep_script(struct rp_host *e, const struct pk_port *p,
    const struct pk_script *s)
{
	struct rp_script *sc;
	size_t cap = e->capscripts;

	if (e->nscripts == RP_HOST_SCRIPTS || e->cut)
		return;
	if (e->nscripts == cap) {
		cap = cap != 0 ? cap * 2 : 4;
		sc = pk_arena_grow(&e->a, e->scripts, e->capscripts *
		    sizeof(*sc), cap * sizeof(*sc));
		if (sc == NULL) {
			e->cut = 1;
			return;
		}
		e->scripts = sc;
		e->capscripts = cap;
	}
	sc = &e->scripts[e->nscripts];
	sc->proto = p != NULL ? p->proto : -1;
	sc->port = p != NULL ? p->port : 0;
	sc->id = keep(e, s->id != NULL ? s->id : "?", 128);
	sc->output = keep(e, s->output != NULL ? s->output : "",
	    RP_SCRIPT_BYTES);
	sc->cut = s->output != NULL && strlen(s->output) > RP_SCRIPT_BYTES;
	if (!e->cut)
		e->nscripts++;
}

static const char *
keep_service(struct rp_host *e, const struct pk_port *p)
{
	char buf[300];

	if (p->service == NULL)
		return NULL;
	return keep(e, pk_port_service(p, buf, sizeof(buf)), sizeof(buf));
}

static void
keep_port(struct rp_host *e, const struct pk_port *p)
{
	struct rp_port *rp;
	size_t cap = e->capports, i;

	if (e->nports == RP_HOST_PORTS || e->cut) {
		e->more++;
		return;
	}
	if (e->nports == cap) {
		cap = cap != 0 ? cap * 2 : 8;
		rp = pk_arena_grow(&e->a, e->ports, e->capports * sizeof(*rp),
		    cap * sizeof(*rp));
		if (rp == NULL) {
			e->cut = 1;
			e->more++;
			return;
		}
		e->ports = rp;
		e->capports = cap;
	}
	rp = &e->ports[e->nports];
	rp->proto = p->proto;
	rp->port = p->port;
	rp->state = keep(e, p->state, 64);
	rp->reason = keep(e, p->reason, 64);
	rp->service = keep_service(e, p);
	rp->product = keep(e, p->product, 256);
	rp->version = keep(e, p->version, 256);
	rp->extrainfo = keep(e, p->extrainfo, 256);
	if (e->cut) {
		e->more++;
		return;
	}
	e->nports++;
	for (i = 0; i < p->nscripts; i++)
		keep_script(e, p, &p->scripts[i]);
}

/* Add the ports (and scripts) of h that e does not have yet. */
static void
keep_ports(struct rp_host *e, const struct pk_host *h)
{
	const struct pk_port *p;
	size_t i;

	for (i = 0; i < h->nports; i++) {
		p = &h->ports[i];
		if (has_port(e, p->proto, p->port))
			continue;
		e->open += p->state != NULL && strcmp(p->state, "open") == 0;
		keep_port(e, p);
	}
	for (i = 0; i < h->nhostscripts; i++)
		keep_script(e, NULL, &h->hostscripts[i]);
}

static struct rp_host *
host_new(const struct pk_host *h, const char *input, unsigned long seq,
    size_t cap)
{
	struct rp_host *e;

	if ((e = calloc(1, sizeof(*e))) == NULL)
		return NULL;
	pk_arena_init(&e->a, cap);
	e->seq = seq;
	e->input = input;
	e->key = keep(e, h->host != NULL ? h->host : h->mac != NULL ? h->mac :
	    "(no address)", 256);
	e->reason = keep(e, h->status_reason, 64);
	if (h->nosmatches > 0) {
		e->os = keep(e, h->osmatches[0].name, 256);
		e->osacc = h->osmatches[0].accuracy;
	}
	keep_names(e, h);
	keep_folded(e, h);
	keep_ports(e, h);
	if (e->key == NULL) {
		host_free(e);
		return NULL;
	}
	return e;
}

/* --- The heap ----------------------------------------------------------- */

/* Is a less exposed than b (fewer open ports, or as many but later)? */
static int
less(const struct rp_host *a, const struct rp_host *b)
{
	if (a->open != b->open)
		return a->open < b->open;
	return a->seq > b->seq;
}

static void
sift_up(struct rp_host **heap, size_t i)
{
	struct rp_host *t;

	while (i > 0 && less(heap[i], heap[(i - 1) / 2])) {
		t = heap[i];
		heap[i] = heap[(i - 1) / 2];
		heap[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

static void
sift_down(struct rp_host **heap, size_t n, size_t i)
{
	struct rp_host *t;
	size_t c;

	while ((c = 2 * i + 1) < n) {
		if (c + 1 < n && less(heap[c + 1], heap[c]))
			c++;
		if (!less(heap[c], heap[i]))
			break;
		t = heap[i];
		heap[i] = heap[c];
		heap[c] = t;
		i = c;
	}
}

static struct rp_host *
heap_find(struct rp_hosts *hs, const struct pk_host *h, size_t *at)
{
	const char *key = h->host != NULL ? h->host : h->mac;
	size_t i;

	for (i = 0; key != NULL && i < hs->n; i++)
		if (strcmp(hs->heap[i]->key, key) == 0) {
			*at = i;
			return hs->heap[i];
		}
	return NULL;
}

/* A host seen before: merge it into its entry, or say it is partial. */
static int
heap_again(struct rp_hosts *hs, const struct pk_host *h, int *partial)
{
	struct rp_host *e;
	size_t at;

	*partial = 1;
	if ((e = heap_find(hs, h, &at)) == NULL)
		return 0;
	*partial = 0;
	keep_ports(e, h);
	/* More open ports: further from the root. */
	sift_down(hs->heap, hs->n, at);
	return 1;
}

static int
heap_offer(struct rp_hosts *hs, const struct pk_host *h, const char *input,
    int partial)
{
	struct rp_host *e, probe;

	hs->seq++;
	if (hs->n == hs->detail) {
		memset(&probe, 0, sizeof(probe));
		probe.open = open_ports(h);
		probe.seq = hs->seq;
		if (hs->n == 0 || !less(hs->heap[0], &probe))
			return PK_OK;
	}
	if ((e = host_new(h, input, hs->seq, hs->hostbytes)) == NULL)
		return PK_ERR_NOMEM;
	e->partial = partial;
	if (hs->n == hs->detail) {
		host_free(hs->heap[0]);
		hs->heap[0] = e;
		sift_down(hs->heap, hs->n, 0);
		return PK_OK;
	}
	if (hs->heap == NULL &&
	    (hs->heap = calloc(hs->detail, sizeof(*hs->heap))) == NULL) {
		host_free(e);
		return PK_ERR_NOMEM;
	}
	hs->heap[hs->n++] = e;
	sift_up(hs->heap, hs->n - 1);
	return PK_OK;
}

/* --- Networks ----------------------------------------------------------- */

/* "10.1.2.0/24", "2001:db8::/64", or "no IP address". */
static void
net_key(const char *addr, char *buf, size_t len)
{
	unsigned char a[16];
	char txt[INET6_ADDRSTRLEN];

	if (addr != NULL && inet_pton(AF_INET, addr, a) == 1) {
		(void)snprintf(buf, len, "%u.%u.%u.0/24", a[0], a[1], a[2]);
		return;
	}
	if (addr != NULL && inet_pton(AF_INET6, addr, a) == 1) {
		memset(a + 8, 0, 8);
		if (inet_ntop(AF_INET6, a, txt, sizeof(txt)) != NULL) {
			(void)snprintf(buf, len, "%s/64", txt);
			return;
		}
	}
	(void)snprintf(buf, len, "no IP address");
}

static struct rp_net *
net_of(struct rp_hosts *hs, const char *addr, int add)
{
	char key[64];
	size_t i;
	int rc;

	net_key(addr, key, sizeof(key));
	if (hs->netkeys.n == RP_NETS)
		add = 0;
	rc = rp_map_get(&hs->netkeys, key, add, &i);
	if (rc < 0)
		return add ? NULL : &hs->other;
	if (rc == 0 && rp_grow(&hs->nets, &hs->capnets, i + 1,
	    sizeof(*hs->nets)) != 0)
		return NULL;
	if (rc == 0)
		memset(&hs->nets[i], 0, sizeof(hs->nets[i]));
	return &hs->nets[i];
}

int
rp_hosts_add(struct rp_hosts *hs, const struct pk_host *h, const char *input,
    int again)
{
	struct rp_net *net;
	unsigned long open = open_ports(h);
	int partial = 0;

	if ((net = net_of(hs, h->host, 1)) == NULL)
		return PK_ERR_NOMEM;
	/*
	 * A host met again (several inputs) counts once; its open ports in
	 * this record add up, but whether it had any before is not known.
	 */
	net->hosts += !again;
	net->with_open += !again && open > 0;
	net->open += open;
	if (hs->detail == 0)
		return PK_OK;
	if (again && heap_again(hs, h, &partial))
		return PK_OK;
	return heap_offer(hs, h, input, partial);
}

unsigned long
rp_hosts_listed(const struct rp_hosts *hs)
{
	return hs->n;
}

size_t
rp_hosts_memory(const struct rp_hosts *hs)
{
	size_t n = hs->detail * sizeof(*hs->heap), i;

	for (i = 0; i < hs->n; i++)
		n += sizeof(*hs->heap[i]) + hs->heap[i]->a.used;
	return n + rp_map_memory(&hs->netkeys) + hs->capnets *
	    sizeof(*hs->nets);
}

/* --- Writing ------------------------------------------------------------ */

static int
cmp_listed(const void *a, const void *b)
{
	const struct rp_host *x = *(const struct rp_host *const *)a;
	const struct rp_host *y = *(const struct rp_host *const *)b;

	return less(y, x) ? -1 : less(x, y) ? 1 : 0;
}

/* The summary line: address, first name, open ports and their services. */
static void
host_summary(struct rp_out *o, const struct rp_host *e)
{
	size_t i, shown = 0;

	rp_details(o);
	rp_raw(o, o->md ? "" : "<strong>");
	rp_text(o, e->key);
	rp_raw(o, o->md ? "" : "</strong>");
	if (e->nnames > 0) {
		rp_raw(o, " ");
		rp_text(o, e->names[0]);
	}
	rp_fmt(o, " \xe2\x80\x94 %lu open", e->open);
	for (i = 0; i < e->nports && shown < 6; i++) {
		if (e->ports[i].state == NULL ||
		    strcmp(e->ports[i].state, "open") != 0)
			continue;
		rp_raw(o, shown++ == 0 ? ": " : ", ");
		rp_portnum(o, e->ports[i].proto, e->ports[i].port);
		if (e->ports[i].service != NULL) {
			rp_raw(o, " ");
			rp_text(o, e->ports[i].service);
		}
	}
	if (e->open > shown && shown > 0)
		rp_raw(o, ", \xe2\x80\xa6");
	rp_summary_end(o);
}

/* One "Label: value, value" line of facts; values are scan strings. */
static void
fact(struct rp_out *o, const char *label, const char *const *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	rp_fmt(o, o->md ? "**%s:** " : "<b>%s:</b> ", label);
	for (i = 0; i < n; i++) {
		if (i > 0)
			rp_raw(o, ", ");
		rp_text(o, v[i]);
	}
	rp_raw(o, o->md ? "  \n" : "<br>\n");
}

static void
host_facts(struct rp_out *o, const struct rp_host *e)
{
	char acc[32];
	const char *os[2];

	rp_p(o);
	fact(o, "Addresses", e->addrs, e->naddrs);
	fact(o, "Names", e->names, e->nnames);
	if (e->os != NULL) {
		(void)snprintf(acc, sizeof(acc), "%d%% accuracy", e->osacc);
		os[0] = e->os;
		os[1] = acc;
		fact(o, "OS guess", os, 2);
	}
	fact(o, "Up because", &e->reason, e->reason != NULL);
	fact(o, "Not listed by the scan", &e->folded, e->folded != NULL);
	fact(o, "Input", &e->input, 1);
	if (e->partial)
		rp_raw(o, "An earlier record of this host was read before it "
		    "was kept: only the ports of its later records are shown.");
	rp_p_end(o);
}

static void
host_ports(struct rp_out *o, const struct rp_host *e)
{
	static const char *const heads[] = {
		"Port", "State", "Reason", "Service", "Product, version", NULL
	};
	const struct rp_port *p;
	size_t i;

	if (e->nports == 0)
		return;
	rp_table(o, heads, "lllll");
	for (i = 0; i < e->nports; i++) {
		p = &e->ports[i];
		rp_tr(o);
		rp_td(o);
		rp_portnum(o, p->proto, p->port);
		rp_td_text(o, p->state);
		rp_td_text(o, p->reason);
		rp_td_text(o, p->service);
		rp_td_text(o, p->product);
		if (p->version != NULL) {
			rp_raw(o, " ");
			rp_text(o, p->version);
		}
		if (p->extrainfo != NULL) {
			rp_raw(o, " (");
			rp_text(o, p->extrainfo);
			rp_raw(o, ")");
		}
		rp_tr_end(o);
	}
	rp_table_end(o);
	if (e->more > 0)
		rp_fmt(o, o->md ? "%lu more ports not kept.\n\n" :
		    "<p class=\"note\">%lu more ports not kept.</p>\n", e->more);
}

static void
host_scripts(struct rp_out *o, const struct rp_host *e)
{
	const struct rp_script *s;
	size_t i;

	for (i = 0; i < e->nscripts; i++) {
		s = &e->scripts[i];
		rp_p(o);
		if (s->proto >= 0)
			rp_portnum(o, s->proto, s->port);
		else
			rp_raw(o, "host");
		rp_raw(o, " script ");
		rp_text(o, s->id);
		if (s->cut)
			rp_fmt(o, " (first %u bytes)", (unsigned)RP_SCRIPT_BYTES);
		rp_p_end(o);
		rp_pre(o, s->output);
	}
	if (e->cut)
		rp_para(o, "This host's record was larger than the report "
		    "keeps: the rest is left out.");
}

static void
host_write(struct rp_out *o, const struct rp_host *e)
{
	host_summary(o, e);
	host_facts(o, e);
	host_ports(o, e);
	host_scripts(o, e);
	rp_details_end(o);
}

/* Take the listed hosts out of their networks' counts. */
static void
nets_unlist(struct rp_hosts *hs, struct rp_host *const *v, size_t n)
{
	struct rp_net *net;
	size_t i;

	if (hs->unlisted)
		return;		/* the report is being written again */
	hs->unlisted = 1;
	for (i = 0; i < n; i++) {
		if ((net = net_of(hs, v[i]->key, 0)) == NULL)
			continue;
		net->hosts -= net->hosts > 0;
		net->with_open -= v[i]->open > 0 && net->with_open > 0;
		net->open -= v[i]->open < net->open ? v[i]->open : net->open;
	}
}

struct netrow {
	const char	*key;
	const struct rp_net *net;
};

/* Most unlisted hosts first, then by name. */
static int
cmp_net(const void *a, const void *b)
{
	const struct netrow *x = a, *y = b;

	if (x->net->hosts != y->net->hosts)
		return x->net->hosts > y->net->hosts ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void
net_row(struct rp_out *o, const char *key, const struct rp_net *net)
{
	rp_tr(o);
	rp_td_text(o, key);
	rp_td_num(o, net->hosts);
	rp_td_num(o, net->with_open);
	rp_td_num(o, net->open);
	rp_tr_end(o);
}

static void
nets_write(struct rp_out *o, struct pk_report *rp, unsigned long rest)
{
	static const char *const heads[] = {
		"Network", "Hosts not listed", "With open ports", "Open ports",
		NULL
	};
	struct rp_hosts *hs = &rp->hosts;
	struct netrow *v;
	size_t i, n = 0;

	if ((v = calloc(hs->netkeys.n + 1, sizeof(*v))) == NULL) {
		o->status = PK_ERR_NOMEM;
		return;
	}
	for (i = 0; i < hs->netkeys.n; i++)
		if (hs->nets[i].hosts > 0 || hs->nets[i].open > 0)
			v[n++] = (struct netrow){ hs->netkeys.key[i],
			    &hs->nets[i] };
	qsort(v, n, sizeof(*v), cmp_net);
	rp_p(o);
	rp_fmt(o, "%lu more up hosts, by network:", rest);
	rp_p_end(o);
	rp_table(o, heads, "lrrr");
	for (i = 0; i < n && i < RP_NET_ROWS; i++)
		net_row(o, v[i].key, v[i].net);
	if (hs->other.hosts > 0)
		net_row(o, "other networks", &hs->other);
	rp_table_end(o);
	if (n > RP_NET_ROWS)
		rp_fmt(o, o->md ? "%zu more networks.\n\n" :
		    "<p class=\"note\">%zu more networks.</p>\n",
		    n - RP_NET_ROWS);
	free(v);
}

static void
hosts_hint(struct rp_out *o, struct pk_report *rp)
{
	char *cmd;

	rp_para(o, "Every open port of every host, one per line:");
	if ((cmd = rp_command(rp, "pcat --up --state open", RP_CMD_SCANS)) ==
	    NULL) {
		o->status = PK_ERR_NOMEM;
		return;
	}
	rp_pre(o, cmd);
	free(cmd);
}

void
rp_hosts_write(struct rp_out *o, struct pk_report *rp)
{
	struct rp_hosts *hs = &rp->hosts;
	unsigned long up = pk_rank_hosts(rp->ports), rest;
	struct rp_host **v;
	size_t i;

	rp_section(o, RP_SEC_HOSTS);
	if (up == 0) {
		rp_para(o, "No host is up in the scans: give a scan that "
		    "found hosts.");
		rp_section_end(o);
		return;
	}
	if ((v = calloc(hs->n + 1, sizeof(*v))) == NULL) {
		o->status = PK_ERR_NOMEM;
		return;
	}
	memcpy(v, hs->heap, hs->n * sizeof(*v));
	qsort(v, hs->n, sizeof(*v), cmp_listed);
	rest = up > hs->n ? up - hs->n : 0;
	rp_p(o);
	if (rest == 0)
		rp_fmt(o, "Every up host (%zu), most open ports first.", hs->n);
	else
		rp_fmt(o, "The %zu hosts with the most open ports of %lu up "
		    "hosts (--detail sets how many).", hs->n, up);
	rp_p_end(o);
	for (i = 0; i < hs->n; i++)
		host_write(o, v[i]);
	if (rest > 0) {
		nets_unlist(hs, v, hs->n);
		nets_write(o, rp, rest);
		hosts_hint(o, rp);
	}
	free(v);
	rp_section_end(o);
}
