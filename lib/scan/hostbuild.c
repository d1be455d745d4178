/*
 * hostbuild.c - building, copying and freeing host records.
 */
#include <stdlib.h>
#include <string.h>

#include "scan/hostbuild.h"

/* An owned copy: the host first, so a host pointer is the whole block. */
struct owned_host {
	struct pk_host	 h;
	struct pk_arena	 a;
};

int
pk_hb_begin(struct pk_hb *b, struct pk_arena *a)
{
	struct pk_host *h;

	memset(b, 0, sizeof(*b));
	b->a = a;
	h = pk_arena_zalloc(a, sizeof(*h));
	if (h == NULL)
		return -1;
	h->status_reason_ttl = -1;
	h->starttime = -1;
	h->endtime = -1;
	b->h = h;
	return 0;
}

char *
pk_hb_str(struct pk_hb *b, const char *s, size_t n)
{
	return pk_arena_strndup(b->a, s, n);
}

char *
pk_hb_cstr(struct pk_hb *b, const char *s)
{
	return s == NULL ? NULL : pk_arena_strndup(b->a, s, strlen(s));
}

/*
 * Append one element of size sz, not set, to the array *arr of *n, *cap;
 * the first block holds `first' elements, each next one twice as many.
 */
static void *
hb_slot(struct pk_hb *b, void *arrp, size_t *n, size_t *cap, size_t sz,
    size_t first)
{
	void **arr = arrp;
	char *p;

	if (*n == *cap) {
		size_t ncap = *cap == 0 ? first : *cap * 2;

		p = pk_arena_grow(b->a, *arr, *cap * sz, ncap * sz);
		if (p == NULL)
			return NULL;
		*arr = p;
		*cap = ncap;
	}
	p = (char *)*arr + *n * sz;
	(*n)++;
	return p;
}

/* The same, zeroed. */
static void *
hb_append(struct pk_hb *b, void *arrp, size_t *n, size_t *cap, size_t sz)
{
	void *p = hb_slot(b, arrp, n, cap, sz, 4);

	if (p != NULL)
		memset(p, 0, sz);
	return p;
}

struct pk_addr *
pk_hb_addr(struct pk_hb *b)
{
	return hb_append(b, &b->h->addrs, &b->h->naddrs, &b->cap_addrs,
	    sizeof(struct pk_addr));
}

struct pk_hostname *
pk_hb_hostname(struct pk_hb *b)
{
	return hb_append(b, &b->h->hostnames, &b->h->nhostnames,
	    &b->cap_hostnames, sizeof(struct pk_hostname));
}

/*
 * Ports come HB_FIRST_PORTS to a first block.  Doubling from 4, a host
 * of 30 ports left copies of 4, 8 and 16 behind in its arena, written
 * once and never read: 6 of the 12 KB a host of the 10 MiB XML bench
 * scan touched, and every copy another cache line evicted.  Reserved but
 * not written, the rest of a block costs no cache.
 */
#define HB_FIRST_PORTS	32

/*
 * The port slot after the last one when the array is full: a first
 * block of HB_FIRST_PORTS, or twice the last.  pk_hb_port (hostbuild.h)
 * zeroes it.
 */
struct pk_port *
pk_hb_port_grow(struct pk_hb *b)
{
	return hb_slot(b, &b->h->ports, &b->h->nports, &b->cap_ports,
	    sizeof(struct pk_port), HB_FIRST_PORTS);
}

static struct pk_port *
hb_last_port(struct pk_hb *b)
{
	return b->h->nports > 0 ? &b->h->ports[b->h->nports - 1] : NULL;
}

const char **
pk_hb_cpe(struct pk_hb *b)
{
	struct pk_port *p = hb_last_port(b);

	if (p == NULL)
		return NULL;
	return hb_append(b, &p->cpe, &p->ncpe, &b->cap_cpe,
	    sizeof(const char *));
}

struct pk_script *
pk_hb_port_script(struct pk_hb *b)
{
	struct pk_port *p = hb_last_port(b);

	if (p == NULL)
		return NULL;
	return hb_append(b, &p->scripts, &p->nscripts, &b->cap_scripts,
	    sizeof(struct pk_script));
}

struct pk_script *
pk_hb_host_script(struct pk_hb *b)
{
	return hb_append(b, &b->h->hostscripts, &b->h->nhostscripts,
	    &b->cap_hostscripts, sizeof(struct pk_script));
}

struct pk_extraports *
pk_hb_extraports(struct pk_hb *b)
{
	struct pk_extraports *e;

	e = hb_append(b, &b->h->extraports, &b->h->nextraports,
	    &b->cap_extraports, sizeof(*e));
	if (e != NULL)
		e->count = -1;
	b->cap_reasons = 0;
	return e;
}

struct pk_extrareason *
pk_hb_extrareason(struct pk_hb *b)
{
	struct pk_extraports *e;
	struct pk_extrareason *r;

	if (b->h->nextraports == 0)
		return NULL;
	e = &b->h->extraports[b->h->nextraports - 1];
	r = hb_append(b, &e->reasons, &e->nreasons, &b->cap_reasons,
	    sizeof(*r));
	if (r != NULL)
		r->count = -1;
	return r;
}

struct pk_osmatch *
pk_hb_osmatch(struct pk_hb *b)
{
	struct pk_osmatch *o;

	o = hb_append(b, &b->h->osmatches, &b->h->nosmatches, &b->cap_os,
	    sizeof(*o));
	if (o != NULL)
		o->accuracy = -1;
	return o;
}

int
pk_hb_finish(struct pk_hb *b)
{
	struct pk_host *h = b->h;
	size_t i;

	h->host = h->mac = NULL;
	for (i = 0; i < h->naddrs; i++) {
		if (h->addrs[i].type == PK_ADDR_MAC) {
			if (h->mac == NULL)
				h->mac = h->addrs[i].addr;
		} else if (h->host == NULL)
			h->host = h->addrs[i].addr;
	}
	h->hostname = h->nhostnames > 0 ? h->hostnames[0].name : NULL;
	return h->naddrs > 0 ? 0 : -1;
}

struct pk_script_elem *
pk_hb_elem(struct pk_hb *b, struct pk_script_elem **arr, size_t *n,
    size_t *cap)
{
	return hb_append(b, arr, n, cap, sizeof(struct pk_script_elem));
}

/* The two keyed <elem>s of a banner, as a script with a table would be. */
int
pk_hb_banner(struct pk_hb *b, struct pk_script *sc, const char *type,
    size_t ntype, const char *text, size_t ntext)
{
	struct pk_script_elem *e;
	char *out;

	memset(sc, 0, sizeof(*sc));
	sc->id = "banner";
	if ((out = pk_arena_alloc(b->a, ntype + ntext + 3)) == NULL ||
	    (e = pk_arena_zalloc(b->a, 2 * sizeof(*e))) == NULL)
		return -1;
	memcpy(out, type, ntype);
	memcpy(out + ntype, ": ", 2);
	memcpy(out + ntype + 2, text, ntext);
	out[ntype + 2 + ntext] = '\0';
	sc->output = out;
	e[0].key = "type";
	e[0].value = pk_hb_str(b, type, ntype);
	e[1].key = "banner";
	e[1].value = out + ntype + 2;
	sc->elems = e;
	sc->nelems = 2;
	return e[0].value != NULL ? 0 : -1;
}

/* Deep copies of n nodes; depth is bounded by the reader's max_depth. */
static struct pk_script_elem *
hb_copy_elems(struct pk_hb *b, const struct pk_script_elem *src, size_t n)
{
	struct pk_script_elem *d;
	size_t i;

	if (n == 0)
		return NULL;
	if ((d = pk_arena_alloc(b->a, n * sizeof(*d))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		d[i].key = pk_hb_cstr(b, src[i].key);
		d[i].value = pk_hb_cstr(b, src[i].value);
		d[i].nchildren = src[i].nchildren;
		d[i].children = hb_copy_elems(b, src[i].children,
		    src[i].nchildren);
		if (d[i].nchildren > 0 && d[i].children == NULL)
			return NULL;
	}
	return d;
}

static int
hb_copy_script(struct pk_hb *b, struct pk_script *d,
    const struct pk_script *s)
{
	d->id = pk_hb_cstr(b, s->id);
	d->output = pk_hb_cstr(b, s->output);
	d->nelems = s->nelems;
	d->elems = hb_copy_elems(b, s->elems, s->nelems);
	return s->nelems > 0 && d->elems == NULL ? -1 : 0;
}

static int
hb_copy_scripts(struct pk_hb *b, struct pk_script **dst, size_t *ndst,
    const struct pk_script *src, size_t n)
{
	size_t i;

	*ndst = 0;
	if (n == 0)
		return 0;
	*dst = pk_arena_alloc(b->a, n * sizeof(**dst));
	if (*dst == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (hb_copy_script(b, &(*dst)[i], &src[i]) == -1)
			return -1;
	*ndst = n;
	return 0;
}

int
pk_hb_add_scripts_copy(struct pk_hb *b, struct pk_port *p,
    const struct pk_script *src, size_t n)
{
	struct pk_script *sc;
	size_t i;

	if (n == 0)
		return 0;
	/* p may be any port: its array is regrown here, not by hb_append. */
	sc = pk_arena_alloc(b->a, (p->nscripts + n) * sizeof(*sc));
	if (sc == NULL)
		return -1;
	if (p->nscripts > 0)
		memcpy(sc, p->scripts, p->nscripts * sizeof(*sc));
	for (i = 0; i < n; i++)
		if (hb_copy_script(b, &sc[p->nscripts + i], &src[i]) == -1)
			return -1;
	p->scripts = sc;
	p->nscripts += n;
	if (b->h->nports > 0 && p == &b->h->ports[b->h->nports - 1])
		b->cap_scripts = p->nscripts;
	return 0;
}

static int
hb_copy_port(struct pk_hb *b, struct pk_port *d, const struct pk_port *s)
{
	size_t i;

	*d = *s;
	d->state = pk_hb_cstr(b, s->state);
	d->reason = pk_hb_cstr(b, s->reason);
	d->service = pk_hb_cstr(b, s->service);
	d->product = pk_hb_cstr(b, s->product);
	d->version = pk_hb_cstr(b, s->version);
	d->extrainfo = pk_hb_cstr(b, s->extrainfo);
	d->ostype = pk_hb_cstr(b, s->ostype);
	d->hostname = pk_hb_cstr(b, s->hostname);
	d->devicetype = pk_hb_cstr(b, s->devicetype);
	d->tunnel = pk_hb_cstr(b, s->tunnel);
	d->method = pk_hb_cstr(b, s->method);
	d->owner = pk_hb_cstr(b, s->owner);
	d->rpcinfo = pk_hb_cstr(b, s->rpcinfo);
	d->ncpe = 0;
	d->cpe = NULL;
	if (s->ncpe > 0) {
		d->cpe = pk_arena_alloc(b->a, s->ncpe * sizeof(*d->cpe));
		if (d->cpe == NULL)
			return -1;
		for (i = 0; i < s->ncpe; i++)
			d->cpe[i] = pk_hb_cstr(b, s->cpe[i]);
		d->ncpe = s->ncpe;
	}
	return hb_copy_scripts(b, &d->scripts, &d->nscripts, s->scripts,
	    s->nscripts);
}

static int
hb_copy_extraports(struct pk_hb *b, const struct pk_host *src)
{
	const struct pk_extraports *se;
	struct pk_extraports *de;
	struct pk_extrareason *r;
	size_t i, j;

	for (i = 0; i < src->nextraports; i++) {
		se = &src->extraports[i];
		if ((de = pk_hb_extraports(b)) == NULL)
			return -1;
		de->state = pk_hb_cstr(b, se->state);
		de->count = se->count;
		for (j = 0; j < se->nreasons; j++) {
			if ((r = pk_hb_extrareason(b)) == NULL)
				return -1;
			r->reason = pk_hb_cstr(b, se->reasons[j].reason);
			r->count = se->reasons[j].count;
			r->proto = pk_hb_cstr(b, se->reasons[j].proto);
			r->ports = pk_hb_cstr(b, se->reasons[j].ports);
		}
	}
	return 0;
}

int
pk_hb_add_port_copy(struct pk_hb *b, const struct pk_port *src)
{
	struct pk_port *p = pk_hb_port(b);

	if (p == NULL || hb_copy_port(b, p, src) == -1)
		return -1;
	return 0;
}

int
pk_hb_copy(struct pk_hb *b, const struct pk_host *src)
{
	struct pk_host *h = b->h;
	size_t i;

	h->status = pk_hb_cstr(b, src->status);
	h->status_reason = pk_hb_cstr(b, src->status_reason);
	h->status_reason_ttl = src->status_reason_ttl;
	h->starttime = src->starttime;
	h->endtime = src->endtime;
	h->line = src->line;
	for (i = 0; i < src->naddrs; i++) {
		struct pk_addr *a = pk_hb_addr(b);

		if (a == NULL)
			return -1;
		a->type = src->addrs[i].type;
		a->addr = pk_hb_cstr(b, src->addrs[i].addr);
		a->vendor = pk_hb_cstr(b, src->addrs[i].vendor);
	}
	for (i = 0; i < src->nhostnames; i++) {
		struct pk_hostname *n = pk_hb_hostname(b);

		if (n == NULL)
			return -1;
		n->name = pk_hb_cstr(b, src->hostnames[i].name);
		n->type = pk_hb_cstr(b, src->hostnames[i].type);
	}
	for (i = 0; i < src->nports; i++) {
		struct pk_port *p = pk_hb_port(b);

		if (p == NULL || hb_copy_port(b, p, &src->ports[i]) == -1)
			return -1;
	}
	if (hb_copy_extraports(b, src) == -1)
		return -1;
	for (i = 0; i < src->nosmatches; i++) {
		struct pk_osmatch *o = pk_hb_osmatch(b);

		if (o == NULL)
			return -1;
		o->name = pk_hb_cstr(b, src->osmatches[i].name);
		o->accuracy = src->osmatches[i].accuracy;
	}
	if (hb_copy_scripts(b, &h->hostscripts, &h->nhostscripts,
	    src->hostscripts, src->nhostscripts) == -1)
		return -1;
	(void)pk_hb_finish(b);
	return b->a->over ? -1 : 0;
}

struct pk_host *
pk_host_dup(const struct pk_host *src)
{
	struct owned_host *o;
	struct pk_hb b;

	if (src == NULL || (o = calloc(1, sizeof(*o))) == NULL)
		return NULL;
	pk_arena_init(&o->a, 0);
	if (pk_hb_begin(&b, &o->a) == -1 || pk_hb_copy(&b, src) == -1) {
		pk_arena_destroy(&o->a);
		free(o);
		return NULL;
	}
	o->h = *b.h;
	o->h.scan = NULL;
	return &o->h;
}

void
pk_host_free(struct pk_host *h)
{
	struct owned_host *o = (struct owned_host *)(void *)h;

	if (h == NULL)
		return;
	pk_arena_destroy(&o->a);
	free(o);
}
