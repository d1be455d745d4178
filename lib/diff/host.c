/*
 * host.c - compact hosts for the scan comparison.
 *
 * A compact host keeps only what pdiff compares and lays it out in one
 * malloc'ed block: the header, then the arrays, then the strings.  A
 * record that repeats an address is merged by building a new block from
 * the old one and the new record; the newer record wins for a port both
 * list, addresses and hostnames are united.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "base/parse.h"
#include "diff/diff_impl.h"
#include "scan/extraports.h"

struct vec {
	void		*p;
	size_t		 n;
	size_t		 cap;
	size_t		 sz;
};

/* The parts of a host being built, pointing into the sources. */
struct parts {
	struct vec	 ports;		/* struct cport */
	struct vec	 ranges;	/* struct crange */
	struct vec	 pairs;		/* struct cpair */
	struct vec	 extra;		/* struct cextra */
	struct vec	 addrs;		/* struct pk_addr */
	struct vec	 names;		/* struct pk_hostname */
	struct vec	 hscripts;	/* struct pk_script */
	const char	*const *os;	/* the newest record's OS names */
	size_t		 nos;
	const struct pk_osmatch *osm;	/* or these */
	const char	*host;
	const char	*status;
	int		 nonames;
	int		 scripts;
	int		 oom;
};

static void *
vec_push(struct vec *v)
{
	char *p;

	if (v->n == v->cap) {
		size_t ncap = v->cap == 0 ? 8 : v->cap * 2;

		if ((p = realloc(v->p, ncap * v->sz)) == NULL)
			return NULL;
		v->p = p;
		v->cap = ncap;
	}
	p = (char *)v->p + v->n++ * v->sz;
	memset(p, 0, v->sz);
	return p;
}

static int
streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static size_t
slen(const char *s)
{
	return s == NULL ? 0 : strlen(s) + 1;
}

static const char *
bstr(char **sp, const char *s)
{
	size_t n;
	char *r;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	r = *sp;
	memcpy(r, s, n);
	*sp += n;
	return r;
}

/* The normalised key: family tag and address bytes, or a MAC's bytes. */
int
pk_diff_key(const struct pk_host *h, unsigned char key[17])
{
	memset(key, 0, 17);
	if (h->host != NULL) {
		if (inet_pton(AF_INET, h->host, key + 1) == 1) {
			key[0] = 4;
			return 0;
		}
		if (inet_pton(AF_INET6, h->host, key + 1) == 1) {
			key[0] = 6;
			return 0;
		}
		return -1;
	}
	/* "02:77:0A:00:00:0b": six hex pairs, either case. */
	if (h->mac == NULL || pk_parse_mac(h->mac, key + 1) == -1)
		return -1;
	key[0] = 'M';
	return 0;
}

static void
add_addr(struct parts *pt, const struct pk_addr *a)
{
	struct pk_addr *x = pt->addrs.p;
	size_t i;

	for (i = 0; i < pt->addrs.n; i++)
		if (x[i].type == a->type && streq(x[i].addr, a->addr))
			return;
	if ((x = vec_push(&pt->addrs)) == NULL) {
		pt->oom = 1;
		return;
	}
	x->type = a->type;
	x->addr = a->addr;
}

static void
add_name(struct parts *pt, const char *name, const char *type)
{
	struct pk_hostname *x = pt->names.p;
	size_t i;

	for (i = 0; i < pt->names.n; i++)
		if (streq(x[i].name, name))
			return;
	if ((x = vec_push(&pt->names)) == NULL) {
		pt->oom = 1;
		return;
	}
	x->name = name;
	x->type = type;
}

/* A host script; a later one with the same id replaces the earlier. */
static void
add_hscript(struct parts *pt, const struct pk_script *s)
{
	struct pk_script *x = pt->hscripts.p;
	size_t i;

	for (i = 0; i < pt->hscripts.n; i++)
		if (streq(x[i].id, s->id)) {
			x[i] = *s;
			return;
		}
	if ((x = vec_push(&pt->hscripts)) == NULL) {
		pt->oom = 1;
		return;
	}
	*x = *s;
}

static void
add_extra(struct parts *pt, const char *state, long count)
{
	struct cextra *x = pt->extra.p;
	size_t i;

	for (i = 0; i < pt->extra.n; i++)
		if (streq(x[i].state, state)) {
			x[i].count += count;
			return;
		}
	if ((x = vec_push(&pt->extra)) == NULL) {
		pt->oom = 1;
		return;
	}
	x->state = state;
	x->count = count;
}

/*
 * The index of a state and reason among the host's pairs, added when
 * new; -1 out of memory.  Only the last few are searched: a host has a
 * handful, and a pair listed twice costs room, not correctness.
 */
static long
pair_of(struct parts *pt, const char *state, const char *reason)
{
	struct cpair *x = pt->pairs.p;
	size_t i, stop = pt->pairs.n > 8 ? pt->pairs.n - 8 : 0;

	for (i = pt->pairs.n; i-- > stop;)
		if (streq(x[i].state, state) && streq(x[i].reason, reason))
			return (long)i;
	if (pt->pairs.n == UINT32_MAX || (x = vec_push(&pt->pairs)) == NULL) {
		pt->oom = 1;
		return -1;
	}
	x->state = state;
	x->reason = reason;
	return (long)(pt->pairs.n - 1);
}

/* A range of folded ports; one run with the last if it continues it. */
static int
range_fn(void *arg, int proto, unsigned lo, unsigned hi, const char *state,
    const char *reason)
{
	struct parts *pt = arg;
	struct crange *r = pt->ranges.p;
	const struct cpair *x = pt->pairs.p;
	long pair;

	if (pt->ranges.n > 0) {
		r += pt->ranges.n - 1;
		if (r->proto == proto && r->hi + 1u == lo &&
		    streq(x[r->pair].state, state) &&
		    streq(x[r->pair].reason, reason)) {
			r->hi = (uint16_t)hi;
			return 0;
		}
	}
	if ((pair = pair_of(pt, state, reason)) == -1 ||
	    (r = vec_push(&pt->ranges)) == NULL) {
		pt->oom = 1;
		return 1;
	}
	r->pair = (uint32_t)pair;
	r->lo = (uint16_t)lo;
	r->hi = (uint16_t)hi;
	r->proto = (uint8_t)proto;
	return 0;
}

static void
from_port(struct cport *c, const struct pk_port *p, int scripts, int grep)
{
	c->s[CP_STATE] = p->state;
	c->s[CP_REASON] = p->reason;
	c->s[CP_SERVICE] = p->service;
	c->s[CP_PRODUCT] = p->product;
	c->s[CP_VERSION] = p->version;
	c->s[CP_EXTRAINFO] = p->extrainfo;
	c->s[CP_TUNNEL] = p->tunnel;
	if (scripts) {
		c->scripts = p->scripts;
		c->nscripts = (uint32_t)p->nscripts;
	}
	c->port = (uint16_t)p->port;
	c->proto = (uint8_t)p->proto;
	c->grep = (uint8_t)grep;
}

/* What the host's input format cannot carry, see struct chost. */
static int
from_grepable(const struct pk_host *h)
{
	return h->scan != NULL && (h->scan->format == PK_FMT_GNMAP ||
	    h->scan->format == PK_FMT_NMAP_NORMAL);
}

static int
from_masscan(const struct pk_host *h)
{
	return h->scan != NULL && (h->scan->format == PK_FMT_MASSCAN_XML ||
	    h->scan->format == PK_FMT_HOSTPORT ||
	    streq(h->scan->scanner, "masscan"));
}

/* The ports, folded ranges and extraports of old (may be NULL), then h. */
static void
collect_ports(struct parts *pt, const struct chost *old,
    const struct pk_host *h)
{
	struct cport *c;
	size_t i;

	for (i = 0; old != NULL && i < old->nports && !pt->oom; i++)
		if ((c = vec_push(&pt->ports)) == NULL)
			pt->oom = 1;
		else
			*c = old->ports[i];
	for (i = 0; i < h->nports && !pt->oom; i++)
		if ((c = vec_push(&pt->ports)) == NULL)
			pt->oom = 1;
		else
			from_port(c, &h->ports[i], pt->scripts,
			    from_grepable(h));
	for (i = 0; old != NULL && i < old->nranges && !pt->oom; i++) {
		const struct cpair *x = &old->pairs[old->ranges[i].pair];
		long pair = pair_of(pt, x->state, x->reason);
		struct crange *r;

		if (pair == -1 || (r = vec_push(&pt->ranges)) == NULL) {
			pt->oom = 1;
		} else {
			*r = old->ranges[i];
			r->pair = (uint32_t)pair;
		}
	}
	if (!pt->oom)
		(void)pk_extraports_ranges(h, range_fn, pt);
	for (i = 0; old != NULL && i < old->nextra; i++)
		add_extra(pt, old->extra[i].state, old->extra[i].count);
	for (i = 0; i < h->nextraports; i++)
		add_extra(pt, h->extraports[i].state, h->extraports[i].count);
}

/* Collect the parts of old (may be NULL), then of h, which wins. */
static void
collect(struct parts *pt, const struct chost *old, const struct pk_host *h)
{
	size_t i;

	collect_ports(pt, old, h);
	for (i = 0; old != NULL && i < old->naddrs; i++)
		add_addr(pt, &old->addrs[i]);
	for (i = 0; i < h->naddrs; i++)
		add_addr(pt, &h->addrs[i]);
	for (i = 0; old != NULL && i < old->nnames; i++)
		add_name(pt, old->names[i].name, old->names[i].type);
	for (i = 0; i < h->nhostnames; i++)
		add_name(pt, h->hostnames[i].name, h->hostnames[i].type);
	for (i = 0; pt->scripts && old != NULL && i < old->nhscripts; i++)
		add_hscript(pt, &old->hscripts[i]);
	for (i = 0; pt->scripts && i < h->nhostscripts; i++)
		add_hscript(pt, &h->hostscripts[i]);
	if (h->nosmatches > 0) {
		pt->osm = h->osmatches;
		pt->nos = h->nosmatches;
	} else if (old != NULL) {
		pt->os = old->os;
		pt->nos = old->nos;
	}
	pt->host = old != NULL ? old->host : h->host != NULL ? h->host :
	    h->mac;
	/* Names are unknown only when no record could have carried any. */
	pt->nonames = from_masscan(h) && (old == NULL || old->nonames);
	/* A host up in any record is up; masscan says nothing (NULL). */
	if (old != NULL && streq(old->status, "up"))
		pt->status = old->status;
	else
		pt->status = h->status != NULL ? h->status :
		    old != NULL ? old->status : NULL;
}

static int
cport_cmp(const void *x, const void *y)
{
	const struct cport *a = x, *b = y;

	if (a->proto != b->proto)
		return a->proto < b->proto ? -1 : 1;
	if (a->port != b->port)
		return a->port < b->port ? -1 : 1;
	return 0;
}

static int
crange_cmp(const void *x, const void *y)
{
	const struct crange *a = x, *b = y;

	if (a->proto != b->proto)
		return a->proto < b->proto ? -1 : 1;
	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	return 0;
}

/*
 * Sort ports and keep the last record of each (the newest source, since
 * old ports were pushed first and the sort is made stable by position).
 */
static void
dedupe_ports(struct vec *v)
{
	struct cport *p = v->p;
	size_t i, j, n = v->n;

	/* Insertion order matters: a stable merge by index. */
	for (i = 1; i < n; i++) {
		struct cport t = p[i];

		for (j = i; j > 0 && cport_cmp(&p[j - 1], &t) > 0; j--)
			p[j] = p[j - 1];
		p[j] = t;
	}
	for (i = 0, j = 0; i < n; i++) {
		if (j > 0 && cport_cmp(&p[j - 1], &p[i]) == 0)
			p[j - 1] = p[i];
		else
			p[j++] = p[i];
	}
	v->n = j;
}

/* Ranges in order; they mostly come so, one reason's list at a time. */
static void
sort_ranges(struct vec *v)
{
	const struct crange *r = v->p;
	size_t i;

	for (i = 1; i < v->n; i++)
		if (crange_cmp(&r[i - 1], &r[i]) > 0) {
			qsort(v->p, v->n, sizeof(struct crange), crange_cmp);
			return;
		}
}

/*
 * Whether port i's state or reason is the previous port's, kept once:
 * mostly "open" and "syn-ack" again.  Service fields seldom repeat.
 */
static int
shared(const struct cport *c, size_t i, size_t j)
{
	return i > 0 && j <= CP_REASON && streq(c[i].s[j], c[i - 1].s[j]);
}

static size_t
parts_strbytes(const struct parts *pt)
{
	const struct cport *c = pt->ports.p;
	const struct cpair *r = pt->pairs.p;
	const struct cextra *e = pt->extra.p;
	const struct pk_addr *a = pt->addrs.p;
	const struct pk_hostname *nm = pt->names.p;
	const struct pk_script *s = pt->hscripts.p;
	size_t i, j, n = slen(pt->host) + slen(pt->status);

	for (i = 0; i < pt->ports.n; i++) {
		for (j = 0; j < CP_NSTR; j++)
			if (!shared(c, i, j))
				n += slen(c[i].s[j]);
		for (j = 0; j < c[i].nscripts; j++)
			n += slen(c[i].scripts[j].id) +
			    slen(c[i].scripts[j].output);
	}
	for (i = 0; i < pt->pairs.n; i++)
		n += slen(r[i].state) + slen(r[i].reason);
	for (i = 0; i < pt->extra.n; i++)
		n += slen(e[i].state);
	for (i = 0; i < pt->addrs.n; i++)
		n += slen(a[i].addr);
	for (i = 0; i < pt->names.n; i++)
		n += slen(nm[i].name) + slen(nm[i].type);
	for (i = 0; i < pt->hscripts.n; i++)
		n += slen(s[i].id) + slen(s[i].output);
	for (i = 0; i < pt->nos; i++)
		n += slen(pt->osm != NULL ? pt->osm[i].name : pt->os[i]);
	return n;
}

static size_t
parts_nscripts(const struct parts *pt)
{
	const struct cport *c = pt->ports.p;
	size_t i, n = pt->hscripts.n;

	for (i = 0; i < pt->ports.n; i++)
		n += c[i].nscripts;
	return n;
}

static void
copy_scripts(struct pk_script *dst, const struct pk_script *src, size_t n,
    char **sp)
{
	size_t i;

	for (i = 0; i < n; i++) {
		dst[i].id = bstr(sp, src[i].id);
		dst[i].output = bstr(sp, src[i].output);
	}
}

static void
lay_ports(struct chost *c, const struct parts *pt, struct pk_script **scr,
    char **sp)
{
	const struct cport *src = pt->ports.p;
	size_t i, j;

	for (i = 0; i < c->nports; i++) {
		struct cport *d = &c->ports[i];

		*d = src[i];
		for (j = 0; j < CP_NSTR; j++)
			d->s[j] = shared(src, i, j) ? d[-1].s[j] :
			    bstr(sp, src[i].s[j]);
		d->scripts = *scr;
		copy_scripts(d->scripts, src[i].scripts, d->nscripts, sp);
		*scr += d->nscripts;
	}
}

static void
lay_rest(struct chost *c, const struct parts *pt, struct pk_script *scr,
    char **sp)
{
	size_t i;

	if (c->nranges > 0)
		memcpy(c->ranges, pt->ranges.p, c->nranges *
		    sizeof(struct crange));
	for (i = 0; i < c->npairs; i++) {
		const struct cpair *x = &((const struct cpair *)
		    pt->pairs.p)[i];

		c->pairs[i].state = bstr(sp, x->state);
		c->pairs[i].reason = bstr(sp, x->reason);
	}
	for (i = 0; i < c->nextra; i++) {
		c->extra[i] = ((const struct cextra *)pt->extra.p)[i];
		c->extra[i].state = bstr(sp, c->extra[i].state);
	}
	for (i = 0; i < c->naddrs; i++) {
		const struct pk_addr *a = &((const struct pk_addr *)
		    pt->addrs.p)[i];

		c->addrs[i].type = a->type;
		c->addrs[i].addr = bstr(sp, a->addr);
		c->addrs[i].vendor = NULL;
		if (a->type == PK_ADDR_MAC && c->mac == NULL)
			c->mac = c->addrs[i].addr;
	}
	for (i = 0; i < c->nnames; i++) {
		const struct pk_hostname *n = &((const struct pk_hostname *)
		    pt->names.p)[i];

		c->names[i].name = bstr(sp, n->name);
		c->names[i].type = bstr(sp, n->type);
	}
	for (i = 0; i < c->nos; i++)
		c->os[i] = bstr(sp, pt->osm != NULL ? pt->osm[i].name :
		    pt->os[i]);
	c->hscripts = scr;
	copy_scripts(c->hscripts, pt->hscripts.p, c->nhscripts, sp);
	c->host = bstr(sp, pt->host);
	c->status = bstr(sp, pt->status);
	c->nonames = pt->nonames;
}

static struct chost *
lay_out(const struct parts *pt)
{
	struct chost *c;
	struct pk_script *scr;
	size_t size, nscr = parts_nscripts(pt), nstr = parts_strbytes(pt);
	char *p, *sp;

	/* The ranges go last, after what holds pointers. */
	size = sizeof(*c) + pt->ports.n * sizeof(struct cport) +
	    pt->pairs.n * sizeof(struct cpair) +
	    pt->extra.n * sizeof(struct cextra) +
	    pt->addrs.n * sizeof(struct pk_addr) +
	    pt->names.n * sizeof(struct pk_hostname) +
	    pt->nos * sizeof(char *) + nscr * sizeof(struct pk_script) +
	    pt->ranges.n * sizeof(struct crange);
	if ((c = calloc(1, size + nstr)) == NULL)
		return NULL;
	c->size = size + nstr;
	p = (char *)(c + 1);
#define TAKE(field, cnt, type) do {					\
	c->field = (void *)p; c->n##field = (cnt);			\
	p += (cnt) * sizeof(type);					\
} while (0)
	TAKE(ports, pt->ports.n, struct cport);
	TAKE(pairs, pt->pairs.n, struct cpair);
	TAKE(extra, pt->extra.n, struct cextra);
	TAKE(addrs, pt->addrs.n, struct pk_addr);
	TAKE(names, pt->names.n, struct pk_hostname);
	TAKE(os, pt->nos, char *);
	scr = (struct pk_script *)p;
	p += nscr * sizeof(struct pk_script);
	TAKE(ranges, pt->ranges.n, struct crange);
#undef TAKE
	c->nhscripts = pt->hscripts.n;
	sp = (char *)c + size;
	lay_ports(c, pt, &scr, &sp);
	lay_rest(c, pt, scr, &sp);
	return c;
}

struct chost *
pk_chost_build(const struct pk_host *h, const struct chost *old, int scripts)
{
	struct parts pt;
	struct chost *c = NULL;

	memset(&pt, 0, sizeof(pt));
	pt.ports.sz = sizeof(struct cport);
	pt.ranges.sz = sizeof(struct crange);
	pt.pairs.sz = sizeof(struct cpair);
	pt.extra.sz = sizeof(struct cextra);
	pt.addrs.sz = sizeof(struct pk_addr);
	pt.names.sz = sizeof(struct pk_hostname);
	pt.hscripts.sz = sizeof(struct pk_script);
	pt.scripts = scripts;
	collect(&pt, old, h);
	if (!pt.oom) {
		dedupe_ports(&pt.ports);
		sort_ranges(&pt.ranges);
		c = lay_out(&pt);
	}
	free(pt.ports.p);
	free(pt.ranges.p);
	free(pt.pairs.p);
	free(pt.extra.p);
	free(pt.addrs.p);
	free(pt.names.p);
	free(pt.hscripts.p);
	return c;
}

/* Views of hosts' ports, in buffers reused from one host to the next. */
struct cscratch {
	struct parts	 pt;
	struct chost	 c;
};

struct cscratch *
pk_cscratch_new(void)
{
	struct cscratch *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->pt.ports.sz = sizeof(struct cport);
	s->pt.ranges.sz = sizeof(struct crange);
	s->pt.pairs.sz = sizeof(struct cpair);
	s->pt.extra.sz = sizeof(struct cextra);
	return s;
}

void
pk_cscratch_free(struct cscratch *s)
{
	if (s == NULL)
		return;
	free(s->pt.ports.p);
	free(s->pt.ranges.p);
	free(s->pt.pairs.p);
	free(s->pt.extra.p);
	free(s);
}

const struct chost *
pk_chost_peek(struct cscratch *s, const struct pk_host *h)
{
	struct parts *pt = &s->pt;
	struct chost *c = &s->c;

	pt->ports.n = pt->ranges.n = pt->pairs.n = pt->extra.n = 0;
	pt->oom = 0;
	collect_ports(pt, NULL, h);
	if (pt->oom)
		return NULL;
	dedupe_ports(&pt->ports);
	sort_ranges(&pt->ranges);
	memset(c, 0, sizeof(*c));
	c->host = h->host != NULL ? h->host : h->mac;
	c->status = h->status;
	c->ports = pt->ports.p;
	c->nports = pt->ports.n;
	c->ranges = pt->ranges.p;
	c->nranges = pt->ranges.n;
	c->pairs = pt->pairs.p;
	c->npairs = pt->pairs.n;
	c->extra = pt->extra.p;
	c->nextra = pt->extra.n;
	return c;
}

const struct cport *
pk_chost_port(const struct chost *c, int proto, unsigned port)
{
	struct cport k;

	memset(&k, 0, sizeof(k));
	k.proto = (uint8_t)proto;
	k.port = (uint16_t)port;
	return bsearch(&k, c->ports, c->nports, sizeof(k), cport_cmp);
}

const struct crange *
pk_chost_range(const struct chost *c, int proto, unsigned port)
{
	size_t lo = 0, hi = c->nranges, i;

	/* The first range of proto starting above port, then look back. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct crange *r = &c->ranges[mid];

		if (r->proto < proto || (r->proto == proto && r->lo <= port))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i-- > 0;) {
		const struct crange *r = &c->ranges[i];

		if (r->proto != proto)
			break;
		if (r->lo <= port && port <= r->hi)
			return r;
	}
	return NULL;
}

/*
 * A struct pk_host showing a compact host, for the writers: one malloc'ed
 * block, freed with free(3).  Strings and most arrays are shared.
 */
struct pk_host *
pk_chost_view(const struct chost *c)
{
	struct pk_host *h;
	struct pk_port *p;
	struct pk_extraports *e;
	struct pk_osmatch *o;
	size_t i;

	h = calloc(1, sizeof(*h) + c->nports * sizeof(*p) +
	    c->nextra * sizeof(*e) + c->nos * sizeof(*o));
	if (h == NULL)
		return NULL;
	p = (struct pk_port *)(h + 1);
	e = (struct pk_extraports *)(p + c->nports);
	o = (struct pk_osmatch *)(e + c->nextra);
	h->host = c->host;
	h->mac = c->mac;
	h->hostname = c->nnames > 0 ? c->names[0].name : NULL;
	h->status = c->status;
	h->status_reason_ttl = -1;
	h->starttime = h->endtime = -1;
	h->addrs = c->addrs;
	h->naddrs = c->naddrs;
	h->hostnames = c->names;
	h->nhostnames = c->nnames;
	h->hostscripts = c->hscripts;
	h->nhostscripts = c->nhscripts;
	for (i = 0; i < c->nports; i++) {
		const struct cport *s = &c->ports[i];

		p[i].proto = s->proto;
		p[i].port = s->port;
		p[i].state = s->s[CP_STATE];
		p[i].reason = s->s[CP_REASON];
		p[i].reason_ttl = -1;
		p[i].service = s->s[CP_SERVICE];
		p[i].product = s->s[CP_PRODUCT];
		p[i].version = s->s[CP_VERSION];
		p[i].extrainfo = s->s[CP_EXTRAINFO];
		p[i].tunnel = s->s[CP_TUNNEL];
		p[i].conf = -1;
		p[i].scripts = s->scripts;
		p[i].nscripts = s->nscripts;
	}
	for (i = 0; i < c->nextra; i++) {
		e[i].state = c->extra[i].state;
		e[i].count = c->extra[i].count;
	}
	for (i = 0; i < c->nos; i++) {
		o[i].name = c->os[i];
		o[i].accuracy = -1;
	}
	h->ports = p;
	h->nports = c->nports;
	h->extraports = e;
	h->nextraports = c->nextra;
	h->osmatches = o;
	h->nosmatches = c->nos;
	return h;
}
