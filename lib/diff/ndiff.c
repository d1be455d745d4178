/*
 * ndiff.c - Nmap ndiff 7.93's text and XML output, judged by
 * ndiff's own rules on the host pairs pdiff made.
 *
 * ndiff's rules, as its source has them: a port is compared by state,
 * by service name, product, version and extrainfo (not the tunnel) and
 * by script output; a port whose state is one of the host's extraports
 * states (or that a side lacks) is hidden on that side; hosts are
 * printed in the order of their first address as a string padded to 40
 * characters, then their first hostname.  Where pdiff pairs hosts that
 * ndiff would not (a changed hostname, a host that went down and lost
 * its PTR name), the pair is printed as two hosts, as ndiff prints it
 * (ndiff_write.c).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diff/diff_impl.h"
#include "diff/ndiff.h"
#include "diff/seq.h"

static const struct pk_host empty_host;

static int
streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int
addr_rank(int type)
{
	return type == PK_ADDR_IPV4 ? 0 : type == PK_ADDR_IPV6 ? 1 : 2;
}

static int
addr_cmp(const void *x, const void *y)
{
	const struct pk_addr *a = *(const struct pk_addr *const *)x;
	const struct pk_addr *b = *(const struct pk_addr *const *)y;

	if (addr_rank(a->type) != addr_rank(b->type))
		return addr_rank(a->type) - addr_rank(b->type);
	return strcmp(a->addr, b->addr);
}

static int
str_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

int
pk_nd_host(struct pk_nd_host *n, const struct pk_host *h)
{
	size_t i;

	memset(n, 0, sizeof(*n));
	n->h = h != NULL ? h : &empty_host;
	n->state = h != NULL ? h->status : NULL;
	if (n->h->naddrs > 0 && (n->addrs = calloc(n->h->naddrs,
	    sizeof(*n->addrs))) == NULL)
		return -1;
	for (i = 0; i < n->h->naddrs; i++)
		n->addrs[i] = &n->h->addrs[i];
	n->naddrs = n->h->naddrs;
	if (n->naddrs > 1)
		qsort(n->addrs, n->naddrs, sizeof(*n->addrs), addr_cmp);
	if (n->h->nhostnames > 0 && (n->names = calloc(n->h->nhostnames,
	    sizeof(*n->names))) == NULL)
		return -1;
	for (i = 0; i < n->h->nhostnames; i++)
		if (n->h->hostnames[i].name != NULL)
			n->names[n->nnames++] = n->h->hostnames[i].name;
	if (n->nnames > 1)
		qsort(n->names, n->nnames, sizeof(*n->names), str_cmp);
	if (n->h->nosmatches > 0 && (n->os = calloc(n->h->nosmatches,
	    sizeof(*n->os))) == NULL)
		return -1;
	for (i = 0; i < n->h->nosmatches; i++)
		if (n->h->osmatches[i].name != NULL)
			n->os[n->nos++] = n->h->osmatches[i].name;
	return 0;
}

void
pk_nd_host_free(struct pk_nd_host *n)
{
	free(n->addrs);
	free(n->names);
	free(n->os);
}

int
pk_nd_is_extra(const struct pk_nd_host *n, const char *state)
{
	size_t i;

	if (state == NULL)
		return 1;
	for (i = 0; i < n->h->nextraports; i++)
		if (streq(n->h->extraports[i].state, state))
			return 1;
	return 0;
}

static int
service_eq(const struct pk_port *a, const struct pk_port *b)
{
	return streq(a->service, b->service) &&
	    streq(a->product, b->product) &&
	    streq(a->version, b->version) &&
	    streq(a->extrainfo, b->extrainfo);
}

static int
script_cmp(const void *x, const void *y)
{
	const struct pk_script *a = x, *b = y;
	int c = strcmp(a->id != NULL ? a->id : "", b->id != NULL ? b->id : "");

	if (c != 0)
		return c;
	return strcmp(a->output != NULL ? a->output : "",
	    b->output != NULL ? b->output : "");
}

/* ndiff's ScriptResultDiff.diff_lists over two sorted lists. */
int
pk_nd_script_diffs(struct pk_script *a, size_t na, struct pk_script *b,
    size_t nb, struct pk_nd_srdiff **out, size_t *n)
{
	size_t i = 0, j = 0, cap = na + nb;
	int c;

	*n = 0;
	*out = NULL;
	if (cap == 0)
		return 0;
	if (na > 1)
		qsort(a, na, sizeof(*a), script_cmp);
	if (nb > 1)
		qsort(b, nb, sizeof(*b), script_cmp);
	if ((*out = calloc(cap, sizeof(**out))) == NULL)
		return -1;
	while (i < na || j < nb) {
		c = i == na ? 1 : j == nb ? -1 : strcmp(a[i].id, b[j].id);
		if (c < 0) {
			(*out)[(*n)++].a = &a[i++];
		} else if (c > 0) {
			(*out)[(*n)++].b = &b[j++];
		} else {
			if (!streq(a[i].output, b[j].output)) {
				(*out)[*n].a = &a[i];
				(*out)[(*n)++].b = &b[j];
			}
			i++;
			j++;
		}
	}
	return 0;
}

static int
spec_cmp(const void *x, const void *y)
{
	const struct pk_nd_port *a = x, *b = y;

	if (a->port != b->port)
		return a->port < b->port ? -1 : 1;
	return strcmp(pk_proto_name(a->proto), pk_proto_name(b->proto));
}

static void
port_init(struct pk_nd_port *p, const struct pk_port *src, unsigned port,
    int proto)
{
	memset(p, 0, sizeof(*p));
	p->port = port;
	p->proto = proto;
	if (src != NULL) {
		p->pa = *src;
		p->pa.scripts = src->scripts;
	}
}

/* The union of the two hosts' port specs in ndiff's order. */
static int
port_union(struct pk_nd_diff *hd)
{
	const struct pk_host *a = hd->a.h, *b = hd->b.h;
	size_t i, j, n = 0;

	hd->ports = calloc(a->nports + b->nports + 1, sizeof(*hd->ports));
	if (hd->ports == NULL)
		return -1;
	for (i = 0; i < a->nports; i++) {
		port_init(&hd->ports[n], &a->ports[i], a->ports[i].port,
		    a->ports[i].proto);
		hd->ports[n++].has_a = 1;
	}
	for (j = 0; j < b->nports; j++) {
		for (i = 0; i < a->nports; i++)
			if (hd->ports[i].port == b->ports[j].port &&
			    hd->ports[i].proto == b->ports[j].proto)
				break;
		if (i == a->nports) {
			port_init(&hd->ports[n], NULL, b->ports[j].port,
			    b->ports[j].proto);
			i = n++;
		}
		hd->ports[i].pb = b->ports[j];
		hd->ports[i].has_b = 1;
	}
	qsort(hd->ports, n, sizeof(*hd->ports), spec_cmp);
	hd->nports = n;
	return 0;
}

static int
port_diff(struct pk_nd_diff *hd, struct pk_nd_port *p)
{
	if (!p->has_a)
		p->pa.port = p->port, p->pa.proto = p->proto;
	if (!p->has_b)
		p->pb.port = p->port, p->pb.proto = p->proto;
	if (!streq(p->pa.state, p->pb.state))
		p->cost++;
	if (!service_eq(&p->pa, &p->pb))
		p->cost++;
	if (pk_nd_script_diffs(p->pa.scripts, p->pa.nscripts, p->pb.scripts,
	    p->pb.nscripts, &p->sr, &p->nsr) != 0)
		return -1;
	p->cost += (int)p->nsr;
	p->included = !(pk_nd_is_extra(&hd->a, p->pa.state) &&
	    pk_nd_is_extra(&hd->b, p->pb.state)) && p->cost > 0;
	if (p->included)
		hd->cost += p->cost;
	return 0;
}

static int
set_eq_addrs(const struct pk_nd_host *a, const struct pk_nd_host *b)
{
	size_t i;

	if (a->naddrs != b->naddrs)
		return 0;
	for (i = 0; i < a->naddrs; i++)
		if (a->addrs[i]->type != b->addrs[i]->type ||
		    !streq(a->addrs[i]->addr, b->addrs[i]->addr))
			return 0;
	return 1;
}

static int
set_eq_names(const struct pk_nd_host *a, const struct pk_nd_host *b)
{
	size_t i;

	if (a->nnames != b->nnames)
		return 0;
	for (i = 0; i < a->nnames; i++)
		if (!streq(a->names[i], b->names[i]))
			return 0;
	return 1;
}

/* Extraports as ndiff's tuple: same states and counts in the same order. */
static int
extra_eq(const struct pk_host *a, const struct pk_host *b, int ordered)
{
	size_t i, j;

	if (a->nextraports != b->nextraports)
		return 0;
	for (i = 0; i < a->nextraports; i++) {
		for (j = 0; j < b->nextraports; j++)
			if (streq(a->extraports[i].state,
			    b->extraports[j].state) &&
			    a->extraports[i].count == b->extraports[j].count)
				break;
		if (j == b->nextraports || (ordered && j != i))
			return 0;
	}
	return 1;
}

int
pk_nd_diff(struct pk_nd_diff *hd, const struct pk_host *a,
    const struct pk_host *b)
{
	size_t i;

	memset(hd, 0, sizeof(*hd));
	if (pk_nd_host(&hd->a, a) != 0 || pk_nd_host(&hd->b, b) != 0)
		return -1;
	if (!streq(hd->a.state, hd->b.state))
		hd->state_changed = 1;
	if (!set_eq_addrs(&hd->a, &hd->b) || !set_eq_names(&hd->a, &hd->b))
		hd->id_changed = 1;
	hd->cost = hd->state_changed + hd->id_changed;
	if (port_union(hd) != 0)
		return -1;
	for (i = 0; i < hd->nports; i++)
		if (port_diff(hd, &hd->ports[i]) != 0)
			return -1;
	if (pk_seq_opcodes(hd->a.os, hd->a.nos, hd->b.os, hd->b.nos,
	    &hd->osops, &hd->nosops) != 0)
		return -1;
	for (i = 0; i < hd->nosops; i++)
		if (hd->osops[i].tag != PK_SEQ_EQUAL)
			hd->os_changed = 1, hd->cost++;
	hd->extra_changed = !extra_eq(hd->a.h, hd->b.h, 1);
	hd->cost += hd->extra_changed;
	if (pk_nd_script_diffs(hd->a.h->hostscripts, hd->a.h->nhostscripts,
	    hd->b.h->hostscripts, hd->b.h->nhostscripts, &hd->sr,
	    &hd->nsr) != 0)
		return -1;
	hd->cost += (int)hd->nsr;
	return 0;
}

int
pk_nd_extra_eq(const struct pk_host *a, const struct pk_host *b)
{
	return extra_eq(a, b, 0);
}

void
pk_nd_diff_free(struct pk_nd_diff *hd)
{
	size_t i;

	for (i = 0; i < hd->nports; i++)
		free(hd->ports[i].sr);
	free(hd->ports);
	free(hd->osops);
	free(hd->sr);
	pk_nd_host_free(&hd->a);
	pk_nd_host_free(&hd->b);
}

int
pk_ndiff_differs(const struct pk_host *a, const struct pk_host *b)
{
	struct pk_nd_diff hd;
	int rc;

	rc = pk_nd_diff(&hd, a, b);
	if (rc == 0)
		rc = hd.cost > 0;
	pk_nd_diff_free(&hd);
	return rc;
}

/* ndiff's host id: first address padded to 40, then first hostname. */
char *
pk_nd_id(const struct pk_nd_host *n)
{
	const char *addr = n->naddrs > 0 ? n->addrs[0]->addr : "";
	const char *name = n->nnames > 0 ? n->names[0] : "";
	size_t len = strlen(addr) + strlen(name) + 48;
	char *s;

	if ((s = malloc(len)) != NULL)
		(void)snprintf(s, len, "%-40s%s", addr, name);
	return s;
}

/* strftime("%a %b %d %H:%M:%S %Y") of a start time, in local time. */
void
pk_nd_date(long long t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(buf, len, "%a %b %d %H:%M:%S %Y", &tm) == 0)
		buf[0] = '\0';
}

int
pk_nd_banners_differ(const struct dside *a, const struct dside *b, int xml)
{
	return !(a->scanner == NULL ? b->scanner == NULL : b->scanner != NULL
	    && strcmp(a->scanner, b->scanner) == 0) ||
	    !(a->version == NULL ? b->version == NULL : b->version != NULL &&
	    strcmp(a->version, b->version) == 0) ||
	    !(a->args == NULL ? b->args == NULL : b->args != NULL &&
	    strcmp(a->args, b->args) == 0) || a->start != b->start ||
	    (xml && a->end != b->end);
}
