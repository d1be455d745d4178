/*
 * ndiff_xml.c - ndiff 7.93's --xml document.
 *
 * ndiff builds minidom fragments and writes them with newl="\n": an
 * element with children is "<x ...>\n" children "</x>\n", a childless one
 * "<x .../>\n"; attribute values escape & < " > and keep newlines.  The
 * <nmapdiff> and <scandiff> wrappers come from a SAX generator and have
 * no newlines.  Elements that would be empty are left out where ndiff
 * leaves them out (hasChildNodes checks) and kept where it keeps them.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/diff_impl.h"
#include "diff/ndiff.h"
#include "out/escape.h"

static void
attr(FILE *out, const char *name, const char *v)
{
	if (v == NULL)
		return;
	fprintf(out, " %s=\"", name);
	pk_fput_xml(out, v);
	fputc('"', out);
}

/* <tag state="..."/>, when there is a state. */
static void
x_state(FILE *out, const char *tag, const char *state)
{
	if (state == NULL)
		return;
	fprintf(out, "<%s", tag);
	attr(out, "state", state);
	fputs("/>\n", out);
}

static const char *
addrtype(int t)
{
	return t == PK_ADDR_IPV4 ? "ipv4" : t == PK_ADDR_IPV6 ? "ipv6" : "mac";
}

static void
x_address(FILE *out, const struct pk_addr *a)
{
	fputs("<address", out);
	attr(out, "addr", a->addr);
	attr(out, "addrtype", addrtype(a->type));
	fputs("/>\n", out);
}

static void
x_hostname(FILE *out, const char *name)
{
	fputs("<hostname", out);
	attr(out, "name", name);
	fputs("/>\n", out);
}

static void
x_osmatch(FILE *out, const char *name)
{
	fputs("<osmatch", out);
	attr(out, "name", name);
	fputs("/>\n", out);
}

static void
x_script(FILE *out, const struct pk_script *s)
{
	fputs("<script", out);
	attr(out, "id", s->id);
	attr(out, "output", s->output);
	fputs("/>\n", out);
}

static void
x_service(FILE *out, const struct pk_port *p)
{
	if (p->service == NULL && p->product == NULL && p->version == NULL &&
	    p->extrainfo == NULL && p->tunnel == NULL)
		return;
	fputs("<service", out);
	attr(out, "name", p->service);
	attr(out, "product", p->product);
	attr(out, "version", p->version);
	attr(out, "extrainfo", p->extrainfo);
	attr(out, "tunnel", p->tunnel);
	fputs("/>\n", out);
}

static int
has_service(const struct pk_port *p)
{
	return p->service != NULL || p->product != NULL ||
	    p->version != NULL || p->extrainfo != NULL || p->tunnel != NULL;
}

/* Port.to_dom_fragment. */
static void
x_port(FILE *out, const struct pk_port *p)
{
	size_t i;

	fprintf(out, "<port portid=\"%u\" protocol=\"%s\"", p->port,
	    pk_proto_name(p->proto));
	if (p->state == NULL && !has_service(p) && p->nscripts == 0) {
		fputs("/>\n", out);
		return;
	}
	fputs(">\n", out);
	x_state(out, "state", p->state);
	x_service(out, p);
	for (i = 0; i < p->nscripts; i++)
		x_script(out, &p->scripts[i]);
	fputs("</port>\n", out);
}

static void
x_extraports(FILE *out, const struct pk_host *h)
{
	size_t i;

	for (i = 0; i < h->nextraports; i++) {
		fputs("<extraports", out);
		attr(out, "state", h->extraports[i].state);
		fprintf(out, " count=\"%ld\"/>\n", h->extraports[i].count);
	}
}

static void
wrap(FILE *out, const char *tag, int open)
{
	fprintf(out, open ? "<%s>\n" : "</%s>\n", tag);
}

static void
x_srdiffs(FILE *out, const struct pk_nd_srdiff *sr, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (sr[i].a != NULL) {
			wrap(out, "a", 1);
			x_script(out, sr[i].a);
			wrap(out, "a", 0);
		}
		if (sr[i].b != NULL) {
			wrap(out, "b", 1);
			x_script(out, sr[i].b);
			wrap(out, "b", 0);
		}
	}
}

static int
spec_cmp(const void *x, const void *y)
{
	const struct pk_port *a = *(const struct pk_port *const *)x;
	const struct pk_port *b = *(const struct pk_port *const *)y;

	if (a->port != b->port)
		return a->port < b->port ? -1 : 1;
	return strcmp(pk_proto_name(a->proto), pk_proto_name(b->proto));
}

/* Host.to_dom_fragment: the whole host, for one that a side lacks. */
static int
x_host(FILE *out, const struct pk_nd_host *n)
{
	const struct pk_host *h = n->h;
	const struct pk_port **ps;
	size_t i, np = 0;

	if ((ps = calloc(h->nports + 1, sizeof(*ps))) == NULL)
		return -1;
	for (i = 0; i < h->nports; i++)
		if (!pk_nd_is_extra(n, h->ports[i].state))
			ps[np++] = &h->ports[i];
	qsort(ps, np, sizeof(*ps), spec_cmp);
	wrap(out, "host", 1);
	x_state(out, "status", n->state);
	for (i = 0; i < h->naddrs; i++)
		x_address(out, &h->addrs[i]);
	if (h->nhostnames > 0) {
		wrap(out, "hostnames", 1);
		for (i = 0; i < h->nhostnames; i++)
			x_hostname(out, h->hostnames[i].name);
		wrap(out, "hostnames", 0);
	}
	if (h->nextraports > 0 || np > 0) {
		wrap(out, "ports", 1);
		x_extraports(out, h);
		for (i = 0; i < np; i++)
			x_port(out, ps[i]);
		wrap(out, "ports", 0);
	}
	free(ps);
	if (n->nos > 0) {
		wrap(out, "os", 1);
		for (i = 0; i < n->nos; i++)
			x_osmatch(out, n->os[i]);
		wrap(out, "os", 0);
	}
	if (h->nhostscripts > 0) {
		wrap(out, "hostscript", 1);
		for (i = 0; i < h->nhostscripts; i++)
			x_script(out, &h->hostscripts[i]);
		wrap(out, "hostscript", 0);
	}
	wrap(out, "host", 0);
	return 0;
}

static int
addr_in(const struct pk_nd_host *n, const struct pk_addr *a)
{
	size_t i;

	for (i = 0; i < n->naddrs; i++)
		if (n->addrs[i]->type == a->type &&
		    strcmp(n->addrs[i]->addr, a->addr) == 0)
			return 1;
	return 0;
}

static int
name_in(const struct pk_nd_host *n, const char *name)
{
	size_t i;

	for (i = 0; i < n->nnames; i++)
		if (strcmp(n->names[i], name) == 0)
			return 1;
	return 0;
}

/* Addresses in both, then <a> only-A, then <b> only-B; sorted. */
static void
x_addrs(FILE *out, const struct pk_nd_host *a, const struct pk_nd_host *b)
{
	size_t i;
	int any;

	for (i = 0; i < a->naddrs; i++)
		if (addr_in(b, a->addrs[i]))
			x_address(out, a->addrs[i]);
	for (any = 0, i = 0; i < a->naddrs; i++)
		if (!addr_in(b, a->addrs[i])) {
			if (!any++)
				wrap(out, "a", 1);
			x_address(out, a->addrs[i]);
		}
	if (any)
		wrap(out, "a", 0);
	for (any = 0, i = 0; i < b->naddrs; i++)
		if (!addr_in(a, b->addrs[i])) {
			if (!any++)
				wrap(out, "b", 1);
			x_address(out, b->addrs[i]);
		}
	if (any)
		wrap(out, "b", 0);
}

static void
x_names(FILE *out, const struct pk_nd_host *a, const struct pk_nd_host *b)
{
	size_t i;
	int any;

	if (a->nnames == 0 && b->nnames == 0)
		return;
	wrap(out, "hostnames", 1);
	for (i = 0; i < a->nnames; i++)
		if (name_in(b, a->names[i]))
			x_hostname(out, a->names[i]);
	for (any = 0, i = 0; i < a->nnames; i++)
		if (!name_in(b, a->names[i])) {
			if (!any++)
				wrap(out, "a", 1);
			x_hostname(out, a->names[i]);
		}
	if (any)
		wrap(out, "a", 0);
	for (any = 0, i = 0; i < b->nnames; i++)
		if (!name_in(a, b->names[i])) {
			if (!any++)
				wrap(out, "b", 1);
			x_hostname(out, b->names[i]);
		}
	if (any)
		wrap(out, "b", 0);
	wrap(out, "hostnames", 0);
}

/* <a> or <b> around one side's extraports; "<a/>" when it has none. */
static void
x_side_extra(FILE *out, const char *tag, const struct pk_host *h)
{
	if (h->nextraports == 0) {
		fprintf(out, "<%s/>\n", tag);
		return;
	}
	wrap(out, tag, 1);
	x_extraports(out, h);
	wrap(out, tag, 0);
}

/* The same around one side's <service>. */
static void
x_side_service(FILE *out, const char *tag, const struct pk_port *p)
{
	if (!has_service(p)) {
		fprintf(out, "<%s/>\n", tag);
		return;
	}
	wrap(out, tag, 1);
	x_service(out, p);
	wrap(out, tag, 0);
}

static int
service_eq(const struct pk_port *a, const struct pk_port *b)
{
#define SEQ(f) (a->f == NULL ? b->f == NULL : b->f != NULL && \
	strcmp(a->f, b->f) == 0)
	return SEQ(service) && SEQ(product) && SEQ(version) && SEQ(extrainfo);
#undef SEQ
}

static void
x_portdiff(FILE *out, const struct pk_nd_port *p)
{
	wrap(out, "portdiff", 1);
	if (p->pa.state == NULL ? p->pb.state == NULL : p->pb.state != NULL &&
	    strcmp(p->pa.state, p->pb.state) == 0) {
		fprintf(out, "<port portid=\"%u\" protocol=\"%s\">\n", p->port,
		    pk_proto_name(p->proto));
		x_state(out, "state", p->pa.state);
		if (service_eq(&p->pa, &p->pb)) {
			x_service(out, &p->pa);
		} else {
			x_side_service(out, "a", &p->pa);
			x_side_service(out, "b", &p->pb);
		}
		x_srdiffs(out, p->sr, p->nsr);
		wrap(out, "port", 0);
	} else {
		wrap(out, "a", 1);
		x_port(out, &p->pa);
		wrap(out, "a", 0);
		wrap(out, "b", 1);
		x_port(out, &p->pb);
		wrap(out, "b", 0);
	}
	wrap(out, "portdiff", 0);
}

static void
x_ports(FILE *out, const struct pk_nd_diff *hd)
{
	size_t i;
	int eq = pk_nd_extra_eq(hd->a.h, hd->b.h), any = 0;

	for (i = 0; i < hd->nports; i++)
		any |= hd->ports[i].included;
	if (!any && (eq && hd->a.h->nextraports == 0))
		return;
	wrap(out, "ports", 1);
	if (eq) {
		x_extraports(out, hd->a.h);
	} else {
		x_side_extra(out, "a", hd->a.h);
		x_side_extra(out, "b", hd->b.h);
	}
	for (i = 0; i < hd->nports; i++)
		if (hd->ports[i].included)
			x_portdiff(out, &hd->ports[i]);
	wrap(out, "ports", 0);
}

static void
x_os(FILE *out, const struct pk_nd_diff *hd)
{
	size_t i, k;

	if (!hd->os_changed)
		return;
	wrap(out, "os", 1);
	for (i = 0; i < hd->nosops; i++) {
		const struct pk_seq_op *o = &hd->osops[i];

		if (o->tag == PK_SEQ_EQUAL) {
			for (k = o->i1; k < o->i2; k++)
				x_osmatch(out, hd->a.os[k]);
			continue;
		}
		if (o->tag != PK_SEQ_INSERT) {
			wrap(out, "a", 1);
			for (k = o->i1; k < o->i2; k++)
				x_osmatch(out, hd->a.os[k]);
			wrap(out, "a", 0);
		}
		if (o->tag != PK_SEQ_DELETE) {
			wrap(out, "b", 1);
			for (k = o->j1; k < o->j2; k++)
				x_osmatch(out, hd->b.os[k]);
			wrap(out, "b", 0);
		}
	}
	wrap(out, "os", 0);
}

static void
x_hscripts(FILE *out, const struct pk_nd_diff *hd)
{
	const struct pk_host *a = hd->a.h, *b = hd->b.h;
	const struct pk_host *one = b->nhostscripts == 0 ? a : b;
	size_t i;

	if (hd->nsr == 0 || (a->nhostscripts == 0 && b->nhostscripts == 0))
		return;
	if (a->nhostscripts == 0 || b->nhostscripts == 0) {
		wrap(out, one == a ? "a" : "b", 1);
		wrap(out, "hostscript", 1);
		for (i = 0; i < one->nhostscripts; i++)
			x_script(out, &one->hostscripts[i]);
		wrap(out, "hostscript", 0);
		wrap(out, one == a ? "a" : "b", 0);
		return;
	}
	wrap(out, "hostscript", 1);
	x_srdiffs(out, hd->sr, hd->nsr);
	wrap(out, "hostscript", 0);
}

static int
x_hostdiff(FILE *out, const struct pk_nd_diff *hd)
{
	int rc = 0;

	wrap(out, "hostdiff", 1);
	if (hd->a.state == NULL || hd->b.state == NULL) {
		if (hd->a.state != NULL || hd->b.state != NULL) {
			const char *tag = hd->a.state != NULL ? "a" : "b";

			wrap(out, tag, 1);
			rc = x_host(out, hd->a.state != NULL ? &hd->a : &hd->b);
			wrap(out, tag, 0);
		}
		wrap(out, "hostdiff", 0);
		return rc;
	}
	wrap(out, "host", 1);
	if (hd->state_changed) {
		wrap(out, "a", 1);
		x_state(out, "status", hd->a.state);
		wrap(out, "a", 0);
		wrap(out, "b", 1);
		x_state(out, "status", hd->b.state);
		wrap(out, "b", 0);
	}
	x_addrs(out, &hd->a, &hd->b);
	x_names(out, &hd->a, &hd->b);
	x_ports(out, hd);
	x_os(out, hd);
	x_hscripts(out, hd);
	wrap(out, "host", 0);
	wrap(out, "hostdiff", 0);
	return 0;
}

static void
x_nmaprun(FILE *out, const char *tag, const struct dside *s)
{
	char date[64];

	fprintf(out, "<%s><nmaprun", tag);
	attr(out, "scanner", s->scanner);
	attr(out, "args", s->args);
	if (s->start > 0) {
		pk_nd_date(s->start, date, sizeof(date));
		fprintf(out, " start=\"%lld\"", s->start);
		attr(out, "startstr", date);
	}
	attr(out, "version", s->version);
	fprintf(out, "/>\n</%s>", tag);
}

int
pk_diff_ndiff_xml(struct pk_diff *d, FILE *out, const struct pk_nd_item *it,
    size_t n)
{
	size_t i;

	fputs("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<nmapdiff version=\"1\"><scandiff>", out);
	if (pk_nd_banners_differ(&d->side[0], &d->side[1], 1)) {
		x_nmaprun(out, "a", &d->side[0]);
		x_nmaprun(out, "b", &d->side[1]);
	}
	for (i = 0; i < n; i++)
		if (x_hostdiff(out, &it[i].hd) != 0)
			return PK_ERR_NOMEM;
	fputs("</scandiff></nmapdiff>", out);
	return PK_OK;
}
