/*
 * hist.c - each port's history over a series of scans.
 *
 * Scans come in time order.  A host enters the table when a scan first
 * finds one of its ports open, and a port when it is first found open;
 * from then on every scan that reaches the host says what it saw of each
 * of its ports, by pdiff's rules (lib/diff/compare.c).  What one scan
 * saw is noted on the port as pending and applied when the scan ends,
 * so that records of one host repeated within a scan (masscan writes
 * one per port) join before they count.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "diff/diff_impl.h"
#include "hist/hist_impl.h"

/* How sure an observation is; the surer one of a scan wins. */
enum { OB_NONE, OB_UNLISTED, OB_FOLDED, OB_LISTED };

struct hport {
	long long	 first_open;
	long long	 last_open;
	long long	 since;
	uint32_t	 open_scans;
	uint32_t	 probed_scans;
	uint32_t	 state;		/* pool numbers; 0: none */
	uint32_t	 service;
	uint32_t	 pstate;	/* what the open scan saw */
	uint32_t	 pservice;
	uint16_t	 port;
	uint8_t		 proto;
	uint8_t		 pseen;		/* OB_*: OB_NONE when not seen */
};

struct hhost {
	unsigned char	 key[17];
	const char	*addr;		/* in the arena */
	struct hport	*ports;		/* sorted by proto, port */
	uint32_t	 nports;
	uint32_t	 capports;
	unsigned long	 lastscan;	/* the scan that touched it last */
};

struct pk_hist {
	struct pk_hist_opts opts;
	struct hhost	*hosts;
	size_t		 nhosts;
	size_t		 caphosts;
	uint32_t	*slots;		/* hash: host index + 1; 0 empty */
	size_t		 nslots;
	size_t		 nports;
	size_t		 portbytes;
	struct spool	 pool;
	uint32_t	 open_id;	/* pool number of "open", held */
	struct pk_arena	 arena;		/* host addresses */
	struct dside	 side;		/* the open scan's runs */
	struct cscratch	*scratch;	/* a host's ports, host by host */
	int		 inscan;
	long long	 t;		/* the open (or last) scan's time */
	unsigned long	 nscans;
	size_t		*touched;	/* hosts the open scan reached */
	size_t		 ntouched;
	size_t		 captouched;
	struct hchain	 chain;
	/* pk_hist_next */
	int		 reading;
	const struct hhost **order;	/* by key */
	size_t		 oi;
	uint32_t	 pi;
	struct pk_hist_rec rec;
	char		 tbuf[3][24];
};

struct pk_hist *
pk_hist_new(const struct pk_hist_opts *opts)
{
	struct pk_hist *hs;

	if ((hs = calloc(1, sizeof(*hs))) == NULL)
		return NULL;
	if (opts != NULL)
		hs->opts = *opts;
	hs->chain.opts = hs->opts.diff;
	pk_spool_init(&hs->pool);
	pk_arena_init(&hs->arena, 0);
	hs->nslots = 1024;
	if ((hs->slots = calloc(hs->nslots, sizeof(*hs->slots))) == NULL ||
	    (hs->scratch = pk_cscratch_new()) == NULL ||
	    (hs->open_id = pk_spool_get(&hs->pool, "open", 4)) == 0) {
		pk_hist_free(hs);
		return NULL;
	}
	return hs;
}

void
pk_hist_free(struct pk_hist *hs)
{
	size_t i;

	if (hs == NULL)
		return;
	for (i = 0; i < hs->nhosts; i++)
		free(hs->hosts[i].ports);
	free(hs->hosts);
	free(hs->slots);
	free(hs->touched);
	free(hs->order);
	pk_spool_destroy(&hs->pool);
	pk_arena_destroy(&hs->arena);
	pk_dside_free(&hs->side);
	pk_cscratch_free(hs->scratch);
	pk_hchain_free(&hs->chain);
	free(hs);
}

int
pk_hist_begin(struct pk_hist *hs, long long t)
{
	if (hs == NULL || hs->inscan || hs->reading ||
	    (hs->nscans > 0 && t < hs->t))
		return PK_ERR_USAGE;
	if (hs->opts.flags & PK_HIST_CHANGES) {
		if (pk_hchain_begin(&hs->chain) != PK_OK)
			return PK_ERR_NOMEM;
	} else if (pk_dside_init(&hs->side) != PK_OK) {
		return PK_ERR_NOMEM;
	}
	hs->inscan = 1;
	hs->t = t;
	return PK_OK;
}

/* --- The host table ------------------------------------------------------ */

static uint32_t
key_hash(const unsigned char key[17])
{
	uint32_t h = 2166136261u;
	int i;

	for (i = 0; i < 17; i++)
		h = (h ^ key[i]) * 16777619u;
	return h;
}

static int
grow_slots(struct pk_hist *hs)
{
	size_t n = hs->nslots * 2, i, j;
	uint32_t *s;

	if ((s = calloc(n, sizeof(*s))) == NULL)
		return -1;
	for (i = 0; i < hs->nhosts; i++) {
		j = key_hash(hs->hosts[i].key) & (n - 1);
		while (s[j] != 0)
			j = (j + 1) & (n - 1);
		s[j] = (uint32_t)(i + 1);
	}
	free(hs->slots);
	hs->slots = s;
	hs->nslots = n;
	return 0;
}

/* The slot of key: its host, or the empty slot where it would go. */
static size_t
find_slot(const struct pk_hist *hs, const unsigned char key[17])
{
	size_t j = key_hash(key) & (hs->nslots - 1);

	while (hs->slots[j] != 0 &&
	    memcmp(hs->hosts[hs->slots[j] - 1].key, key, 17) != 0)
		j = (j + 1) & (hs->nslots - 1);
	return j;
}

static struct hhost *
add_host(struct pk_hist *hs, size_t slot, const unsigned char key[17],
    const struct pk_host *h)
{
	const char *a = h->host != NULL ? h->host : h->mac;
	struct hhost *e;

	if (hs->nhosts == hs->caphosts) {
		size_t n = hs->caphosts == 0 ? 256 : hs->caphosts * 2;

		if ((e = realloc(hs->hosts, n * sizeof(*e))) == NULL)
			return NULL;
		hs->hosts = e;
		hs->caphosts = n;
	}
	e = &hs->hosts[hs->nhosts];
	memset(e, 0, sizeof(*e));
	memcpy(e->key, key, 17);
	if ((e->addr = pk_arena_strndup(&hs->arena, a, strlen(a))) == NULL)
		return NULL;
	hs->slots[slot] = (uint32_t)++hs->nhosts;
	if (hs->nhosts * 2 > hs->nslots && grow_slots(hs) != 0)
		return NULL;
	return &hs->hosts[hs->nhosts - 1];
}

/* --- One host of a scan ---------------------------------------------------- */

static int
port_cmp(int pa, unsigned a, int pb, unsigned b)
{
	if (pa != pb)
		return pa < pb ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* The index of proto/port in e->ports, or where it would go (*found 0). */
static uint32_t
port_index(const struct hhost *e, int proto, unsigned port, int *found)
{
	uint32_t lo = 0, hi = e->nports;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int c = port_cmp(e->ports[mid].proto, e->ports[mid].port, proto,
		    port);

		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = 0;
	return lo;
}

static int
insert_port(struct pk_hist *hs, struct hhost *e, uint32_t at, int proto,
    unsigned port)
{
	struct hport *p;

	if (e->nports == e->capports) {
		uint32_t n = e->capports == 0 ? 4 : e->capports * 2;

		if ((p = realloc(e->ports, n * sizeof(*p))) == NULL)
			return PK_ERR_NOMEM;
		hs->portbytes += (n - e->capports) * sizeof(*p);
		e->ports = p;
		e->capports = n;
	}
	p = &e->ports[at];
	memmove(p + 1, p, (e->nports - at) * sizeof(*p));
	memset(p, 0, sizeof(*p));
	p->proto = (uint8_t)proto;
	p->port = (uint16_t)port;
	e->nports++;
	hs->nports++;
	return PK_OK;
}

static int
is_open(const char *state)
{
	return state != NULL && strcmp(state, "open") == 0;
}

/* Give every port c lists open a history, if it has none yet. */
static int
add_open_ports(struct pk_hist *hs, struct hhost *e, const struct chost *c)
{
	size_t i;
	uint32_t at;
	int found, rc;

	for (i = 0; i < c->nports; i++) {
		const struct cport *cp = &c->ports[i];

		if (!is_open(cp->s[CP_STATE]))
			continue;
		at = port_index(e, cp->proto, cp->port, &found);
		if (!found && (rc = insert_port(hs, e, at, cp->proto,
		    cp->port)) != PK_OK)
			return rc;
	}
	return PK_OK;
}

/* The name a service goes by: "ssl/http" inside TLS, as Nmap prints it. */
static uint32_t
service_id(struct pk_hist *hs, const struct cport *cp)
{
	struct pk_port p;
	const char *name;
	char buf[256];

	memset(&p, 0, sizeof(p));
	p.service = cp->s[CP_SERVICE];
	p.tunnel = cp->s[CP_TUNNEL];
	name = pk_port_service(&p, buf, sizeof(buf));
	return pk_spool_get(&hs->pool, name, strlen(name));
}

/* Note what this scan saw of p; the surer observation stays. */
static int
observe(struct pk_hist *hs, struct hport *p, const struct pview *v)
{
	int how = v->kind == PV_LISTED ? OB_LISTED : v->kind == PV_FOLDED ?
	    OB_FOLDED : OB_UNLISTED;
	uint32_t st = 0, svc = 0;

	if (how < p->pseen)
		return PK_OK;
	if (is_open(v->state))
		pk_spool_ref(&hs->pool, st = hs->open_id);
	else if (v->state != NULL && (st = pk_spool_get(&hs->pool, v->state,
	    strlen(v->state))) == 0)
		return PK_ERR_NOMEM;
	if (how == OB_LISTED && is_open(v->state) &&
	    v->cp->s[CP_SERVICE] != NULL && (svc = service_id(hs, v->cp)) == 0) {
		pk_spool_put(&hs->pool, st);
		return PK_ERR_NOMEM;
	}
	pk_spool_put(&hs->pool, p->pstate);
	p->pstate = st;
	if (svc != 0) {
		pk_spool_put(&hs->pool, p->pservice);
		p->pservice = svc;
	}
	p->pseen = (uint8_t)how;
	return PK_OK;
}

/*
 * Protocols the open scan covered: those its scaninfo names.  A scan
 * that names none (grepable output without -v) may have covered any.
 */
static unsigned
covered(const struct dside *s)
{
	unsigned m = s->known;
	int p;

	for (p = 0; p < PK_PROTO_COUNT; p++)
		if (s->types[p] != NULL)
			m |= 1u << p;
	return m != 0 ? m : ~0u;
}

static int
observe_host(struct pk_hist *hs, struct hhost *e, const struct chost *c)
{
	unsigned cov = covered(&hs->side);
	struct pview v;
	uint32_t i;
	int rc;

	for (i = 0; i < e->nports; i++) {
		struct hport *p = &e->ports[i];

		pk_diff_resolve(&hs->side, c, p->proto, p->port, &v);
		if (v.kind == PV_NOTSCANNED || v.kind == PV_NOHOST ||
		    (v.kind != PV_LISTED && !(cov & (1u << p->proto))))
			continue;
		if ((rc = observe(hs, p, &v)) != PK_OK)
			return rc;
	}
	return PK_OK;
}

static int
has_open(const struct pk_host *h)
{
	size_t i;

	for (i = 0; i < h->nports; i++)
		if (is_open(h->ports[i].state))
			return 1;
	return 0;
}

/* Up (or silent about it, as masscan is) and with port results. */
static int
reached(const struct pk_host *h)
{
	if (h->status != NULL && strcmp(h->status, "up") != 0)
		return 0;
	return h->nports > 0 || h->nextraports > 0;
}

static int
touch(struct pk_hist *hs, struct hhost *e)
{
	size_t *t;

	if (e->lastscan == hs->nscans + 1)
		return PK_OK;
	if (hs->ntouched == hs->captouched) {
		size_t n = hs->captouched == 0 ? 256 : hs->captouched * 2;

		if ((t = realloc(hs->touched, n * sizeof(*t))) == NULL)
			return PK_ERR_NOMEM;
		hs->touched = t;
		hs->captouched = n;
	}
	hs->touched[hs->ntouched++] = (size_t)(e - hs->hosts);
	e->lastscan = hs->nscans + 1;
	return PK_OK;
}

static int
add_reached(struct pk_hist *hs, const unsigned char key[17],
    const struct pk_host *h)
{
	size_t slot = find_slot(hs, key);
	struct hhost *e = NULL;
	const struct chost *c;
	int rc;

	if (hs->slots[slot] != 0)
		e = &hs->hosts[hs->slots[slot] - 1];
	else if (!has_open(h))
		return PK_OK;
	else if ((e = add_host(hs, slot, key, h)) == NULL)
		return PK_ERR_NOMEM;
	if ((c = pk_chost_peek(hs->scratch, h)) == NULL)
		return PK_ERR_NOMEM;
	if ((rc = add_open_ports(hs, e, c)) != PK_OK ||
	    (rc = observe_host(hs, e, c)) != PK_OK)
		return rc;
	return touch(hs, e);
}

int
pk_hist_add(struct pk_hist *hs, const struct pk_host *h)
{
	unsigned char key[17];
	int rc;

	if (hs == NULL || h == NULL || !hs->inscan || pk_diff_key(h, key) != 0)
		return PK_ERR_USAGE;
	if (hs->opts.flags & PK_HIST_CHANGES)
		return pk_hchain_add(&hs->chain, h);
	if ((rc = pk_dside_run(&hs->side, h->scan, 0)) != PK_OK)
		return rc;
	if (!reached(h))
		return PK_OK;
	return add_reached(hs, key, h);
}

/* --- The end of a scan ----------------------------------------------------- */

/* Count what the scan saw of p, at time t. */
static void
apply(struct pk_hist *hs, struct hport *p, long long t)
{
	if (p->pstate == hs->open_id) {
		if (p->open_scans++ == 0)
			p->first_open = t;
		p->last_open = t;
	}
	if (p->probed_scans++ == 0 || p->pstate != p->state) {
		p->since = t;
		pk_spool_put(&hs->pool, p->state);
		p->state = p->pstate;
	} else {
		pk_spool_put(&hs->pool, p->pstate);
	}
	if (p->pservice != 0) {
		pk_spool_put(&hs->pool, p->service);
		p->service = p->pservice;
	}
	p->pstate = p->pservice = 0;
	p->pseen = OB_NONE;
}

int
pk_hist_end(struct pk_hist *hs, const struct pk_scan *scan)
{
	size_t i;
	uint32_t j;

	if (hs == NULL || !hs->inscan)
		return PK_ERR_USAGE;
	hs->inscan = 0;
	hs->nscans++;
	if (hs->opts.flags & PK_HIST_CHANGES)
		return pk_hchain_end(&hs->chain, scan);
	for (i = 0; i < hs->ntouched; i++) {
		struct hhost *e = &hs->hosts[hs->touched[i]];

		for (j = 0; j < e->nports; j++)
			if (e->ports[j].pseen != OB_NONE)
				apply(hs, &e->ports[j], hs->t);
	}
	hs->ntouched = 0;
	pk_dside_free(&hs->side);
	memset(&hs->side, 0, sizeof(hs->side));
	return PK_OK;
}

const struct pk_diff_host *
pk_hist_changes(const struct pk_hist *hs, size_t *n)
{
	*n = 0;
	if (hs == NULL || hs->inscan)
		return NULL;
	return pk_hchain_changes(&hs->chain, n);
}

/* --- Reading the histories ------------------------------------------------- */

static int
order_cmp(const void *x, const void *y)
{
	const struct hhost *const *a = x, *const *b = y;

	return memcmp((*a)->key, (*b)->key, 17);
}

static int
start_reading(struct pk_hist *hs)
{
	size_t i;

	hs->reading = 1;
	if (hs->nhosts == 0)
		return PK_OK;
	if ((hs->order = calloc(hs->nhosts, sizeof(*hs->order))) == NULL)
		return PK_ERR_NOMEM;
	for (i = 0; i < hs->nhosts; i++)
		hs->order[i] = &hs->hosts[i];
	qsort(hs->order, hs->nhosts, sizeof(*hs->order), order_cmp);
	return PK_OK;
}

static void
fill(struct pk_hist *hs, const struct hhost *e, const struct hport *p)
{
	struct pk_hist_rec *r = &hs->rec;

	r->host = e->addr;
	r->proto = p->proto;
	r->port = p->port;
	r->service = pk_spool_str(&hs->pool, p->service);
	r->state = pk_spool_str(&hs->pool, p->state);
	r->first_open = p->first_open;
	r->last_open = p->last_open;
	r->since = p->since;
	r->open_scans = p->open_scans;
	r->probed_scans = p->probed_scans;
	r->first_open_utc = pk_hist_time_format(p->first_open, hs->tbuf[0],
	    sizeof(hs->tbuf[0]));
	r->last_open_utc = pk_hist_time_format(p->last_open, hs->tbuf[1],
	    sizeof(hs->tbuf[1]));
	r->since_utc = pk_hist_time_format(p->since, hs->tbuf[2],
	    sizeof(hs->tbuf[2]));
}

int
pk_hist_next(struct pk_hist *hs, const struct pk_hist_rec **out)
{
	const struct hhost *e;
	int rc;

	*out = NULL;
	if (hs == NULL || hs->inscan)
		return PK_ERR_USAGE;
	if (!hs->reading && (rc = start_reading(hs)) != PK_OK)
		return rc;
	for (; hs->oi < hs->nhosts; hs->oi++, hs->pi = 0) {
		e = hs->order[hs->oi];
		/* Not counted yet: its scan was never ended. */
		while (hs->pi < e->nports &&
		    e->ports[hs->pi].probed_scans == 0)
			hs->pi++;
		if (hs->pi < e->nports) {
			fill(hs, e, &e->ports[hs->pi++]);
			*out = &hs->rec;
			return PK_OK;
		}
	}
	return PK_EOF;
}

unsigned long
pk_hist_scans(const struct pk_hist *hs)
{
	return hs != NULL ? hs->nscans : 0;
}

unsigned long
pk_hist_ports(const struct pk_hist *hs)
{
	return hs != NULL ? (unsigned long)hs->nports : 0;
}

size_t
pk_hist_memory(const struct pk_hist *hs)
{
	if (hs == NULL)
		return 0;
	return sizeof(*hs) + hs->caphosts * sizeof(*hs->hosts) +
	    hs->nslots * sizeof(*hs->slots) + hs->portbytes +
	    hs->captouched * sizeof(*hs->touched) +
	    pk_spool_memory(&hs->pool) + hs->arena.used +
	    pk_hchain_memory(&hs->chain);
}
