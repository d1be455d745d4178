/*
 * compare.c - the comparison rules: what counts as a change.
 *
 * A port's state on a side comes from its <port> entry, else from an
 * extraports range holding it, else "not scanned" when that side's
 * scaninfo lists ports and not this one (a protocol it lists no ports
 * of was not scanned at all), else the one extraports state of the host
 * when there is exactly one (grepable "Ignored State", nmap before
 * 7.9x), else it is unknown.  Service
 * fields, reasons and scripts are compared only when both sides list the
 * port with the same state: with a new state they change as a matter of
 * course.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff/diff_impl.h"

static int
streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int
push(struct pk_diff *d, struct pk_diff_change **v, size_t *n, size_t *cap,
    const struct pk_diff_change *c)
{
	if (*n == *cap) {
		size_t nc = *cap == 0 ? 4 : *cap * 2;
		void *p = pk_arena_grow(&d->pool, *v, *cap * sizeof(**v),
		    nc * sizeof(**v));

		if (p == NULL)
			return PK_ERR_NOMEM;
		*v = p;
		*cap = nc;
	}
	(*v)[(*n)++] = *c;
	d->nchanges++;
	return PK_OK;
}

static int
change(struct pk_diff *d, struct dentry *e, int field, int kind, int proto,
    int port, const char *old, const char *new)
{
	struct pk_diff_change c;

	if (d->opts.ignore & (1u << field))
		return PK_OK;
	c.field = field;
	c.kind = kind;
	c.proto = proto;
	c.port = port;
	c.script = NULL;
	c.old_value = old;
	c.new_value = new;
	return push(d, &e->ch, &e->nch, &e->capch, &c);
}

void
pk_diff_resolve(const struct dside *s, const struct chost *c, int proto,
    unsigned port, struct pview *v)
{
	const struct crange *r;

	memset(v, 0, sizeof(*v));
	if (c == NULL) {
		v->kind = PV_NOHOST;
	} else if ((v->cp = pk_chost_port(c, proto, port)) != NULL) {
		v->kind = PV_LISTED;
		v->state = v->cp->s[CP_STATE];
		v->reason = v->cp->s[CP_REASON];
	} else if ((r = pk_chost_range(c, proto, port)) != NULL) {
		v->kind = PV_FOLDED;
		v->state = c->pairs[r->pair].state;
		v->reason = c->pairs[r->pair].reason;
	} else if (s->known != 0 &&
	    !pk_portset_has(s->scanned, proto, port)) {
		/* Port lists known: a protocol without one was not scanned. */
		v->kind = PV_NOTSCANNED;
	} else if (c->nextra == 1 && c->nranges == 0 &&
	    (s->known & (1u << proto))) {
		v->kind = PV_FOLDED;
		v->state = c->extra[0].state;
	} else {
		v->kind = PV_UNKNOWN;
	}
}

/* UDP open|filtered flapping against what a reply (or none) said. */
static int
of_noise(const char *sa, const char *sb)
{
	const char *x;

	if (streq(sa, "open|filtered"))
		x = sb;
	else if (streq(sb, "open|filtered"))
		x = sa;
	else
		return 0;
	return x == NULL || streq(x, "open") || streq(x, "closed");
}

static int
script_cmp(const void *x, const void *y)
{
	const struct pk_script *a = x, *b = y;

	return strcmp(a->id != NULL ? a->id : "", b->id != NULL ? b->id : "");
}

static int
script_change(struct pk_diff *d, struct dentry *e, int proto, int port,
    const struct pk_script *a, const struct pk_script *b)
{
	struct pk_diff_change c;

	if (d->opts.ignore & (1u << PK_DF_SCRIPT))
		return PK_OK;
	c.field = PK_DF_SCRIPT;
	c.kind = a == NULL ? PK_DC_ADDED : b == NULL ? PK_DC_REMOVED :
	    PK_DC_CHANGED;
	c.proto = proto;
	c.port = port;
	c.script = a != NULL ? a->id : b->id;
	c.old_value = a != NULL ? a->output : NULL;
	c.new_value = b != NULL ? b->output : NULL;
	return push(d, &e->ch, &e->nch, &e->capch, &c);
}

/* Merge two script lists by id (sorted in place: they are ours). */
static int
cmp_scripts(struct pk_diff *d, struct dentry *e, int proto, int port,
    struct pk_script *a, size_t na, struct pk_script *b, size_t nb)
{
	size_t i = 0, j = 0;
	int rc = PK_OK, c;

	if (!(d->opts.flags & PK_DIFF_SCRIPTS))
		return PK_OK;
	if (na > 1)
		qsort(a, na, sizeof(*a), script_cmp);
	if (nb > 1)
		qsort(b, nb, sizeof(*b), script_cmp);
	while (rc == PK_OK && (i < na || j < nb)) {
		c = i == na ? 1 : j == nb ? -1 : script_cmp(&a[i], &b[j]);
		if (c < 0)
			rc = script_change(d, e, proto, port, &a[i++], NULL);
		else if (c > 0)
			rc = script_change(d, e, proto, port, NULL, &b[j++]);
		else if (!streq(a[i].output, b[j].output))
			rc = script_change(d, e, proto, port, &a[i++],
			    &b[j++]);
		else
			i++, j++;
	}
	return rc;
}

static int
has_service(const struct cport *c)
{
	int i;

	for (i = CP_SERVICE; i < CP_NSTR; i++)
		if (c->s[i] != NULL)
			return 1;
	return 0;
}

/*
 * The service description as grepable output writes it: product,
 * version and "(extrainfo)" joined by spaces, and with bars set '/'
 * written as '|'.  Malloc'ed; NULL for none or out of memory (*oom set).
 */
static char *
joined(const struct cport *c, int bars, int *oom)
{
	const char *v[3] = { c->s[CP_PRODUCT], c->s[CP_VERSION],
	    c->s[CP_EXTRAINFO] };
	size_t n = 1, i;
	char *s, *p;

	for (i = 0; i < 3; i++)
		n += v[i] != NULL ? strlen(v[i]) + 3 : 0;
	if (n == 1)
		return NULL;
	if ((s = p = malloc(n)) == NULL) {
		*oom = 1;
		return NULL;
	}
	for (i = 0; i < 3; i++)
		if (v[i] != NULL)
			p += sprintf(p, "%s%s%s%s", p > s ? " " : "",
			    i == 2 ? "(" : "", v[i], i == 2 ? ")" : "");
	for (p = s; bars && *p != '\0'; p++)
		if (*p == '/')
			*p = '|';
	return s;
}

/*
 * Grepable output joins product, version and extrainfo into its version
 * field (nmap cuts it at 159 bytes), which the reader splits again
 * where nmap's product names settle it; both sides are joined the way
 * nmap joins them before they are compared, and a difference is one
 * version change between the joined strings.
 */
static int
cmp_joined(struct pk_diff *d, struct dentry *e, const struct cport *a,
    const struct cport *b)
{
	const struct cport *x = a->grep ? b : a;
	const char *sa, *sb, *shown = NULL, *g = NULL;
	char *j, *gj;
	int oom = 0, same;

	j = joined(x, 1, &oom);
	gj = joined(a->grep ? a : b, 1, &oom);
	if (oom) {
		free(j);
		free(gj);
		return PK_ERR_NOMEM;
	}
	if (j == NULL || gj == NULL)
		same = j == gj;
	else
		same = strcmp(j, gj) == 0 || (strlen(gj) == 159 &&
		    strncmp(j, gj, 159) == 0);
	free(j);
	if (same) {
		free(gj);
		return PK_OK;
	}
	if (gj != NULL) {
		g = pk_arena_strndup(&d->pool, gj, strlen(gj));
		free(gj);
		if (g == NULL)
			return PK_ERR_NOMEM;
	}
	/* Shown as the XML has it, '/' and all. */
	if ((j = joined(x, 0, &oom)) != NULL) {
		shown = pk_arena_strndup(&d->pool, j, strlen(j));
		free(j);
		if (shown == NULL)
			return PK_ERR_NOMEM;
	} else if (oom)
		return PK_ERR_NOMEM;
	sa = a->grep ? g : shown;
	sb = a->grep ? shown : g;
	return change(d, e, PK_DF_VERSION, sa == NULL ? PK_DC_ADDED :
	    sb == NULL ? PK_DC_REMOVED : PK_DC_CHANGED, a->proto, a->port,
	    sa, sb);
}

static int
cmp_listed(struct pk_diff *d, struct dentry *e, const struct pview *va,
    const struct pview *vb)
{
	static const int fields[CP_NSTR] = { PK_DF_STATE, PK_DF_REASON,
	    PK_DF_SERVICE, PK_DF_PRODUCT, PK_DF_VERSION, PK_DF_EXTRAINFO,
	    PK_DF_TUNNEL };
	const struct cport *a = va->cp, *b = vb->cp;
	int i, rc, kind, svc, mixed = a->grep != b->grep;

	/* No <service> on a side (masscan, a filtered port): no verdict. */
	svc = has_service(a) && has_service(b);
	for (i = CP_REASON; i < CP_NSTR; i++) {
		if (i >= CP_SERVICE && !svc)
			break;
		/* Grepable output has no reasons and joins the version. */
		if ((i == CP_REASON && (a->grep || b->grep)) ||
		    (mixed && i >= CP_PRODUCT && i <= CP_EXTRAINFO))
			continue;
		if (streq(a->s[i], b->s[i]))
			continue;
		kind = a->s[i] == NULL ? PK_DC_ADDED : b->s[i] == NULL ?
		    PK_DC_REMOVED : PK_DC_CHANGED;
		if ((rc = change(d, e, fields[i], kind, a->proto, a->port,
		    a->s[i], b->s[i])) != PK_OK)
			return rc;
	}
	if (svc && mixed && (rc = cmp_joined(d, e, a, b)) != PK_OK)
		return rc;
	return cmp_scripts(d, e, a->proto, a->port, a->scripts, a->nscripts,
	    b->scripts, b->nscripts);
}

static int
state_kind(const struct pview *va, const struct pview *vb)
{
	if (va->kind == PV_NOTSCANNED || vb->kind == PV_NOTSCANNED)
		return PK_DC_NOT_SCANNED;
	if (va->state == NULL)
		return PK_DC_ADDED;
	if (vb->state == NULL)
		return PK_DC_REMOVED;
	return PK_DC_CHANGED;
}

static int
is_down(const struct chost *c)
{
	return c != NULL && c->status != NULL && !streq(c->status, "up");
}

static int
cmp_port(struct pk_diff *d, struct dentry *e, int proto, unsigned port)
{
	struct pview va, vb;
	unsigned fl = d->opts.flags;

	pk_diff_resolve(&d->side[PK_DIFF_A], e->a, proto, port, &va);
	pk_diff_resolve(&d->side[PK_DIFF_B], e->b, proto, port, &vb);
	if ((fl & PK_DIFF_OPEN_ONLY) && !streq(va.state, "open") &&
	    !streq(vb.state, "open"))
		return PK_OK;
	/* A host that went down loses its ports: only open ones matter. */
	if ((is_down(e->a) || is_down(e->b)) && !streq(va.state, "open") &&
	    !streq(vb.state, "open"))
		return PK_OK;
	if (streq(va.state, vb.state)) {
		if (va.kind == PV_LISTED && vb.kind == PV_LISTED)
			return cmp_listed(d, e, &va, &vb);
		return PK_OK;
	}
	if ((fl & PK_DIFF_IGNORE_OF) && of_noise(va.state, vb.state))
		return PK_OK;
	return change(d, e, PK_DF_STATE, state_kind(&va, &vb), proto,
	    (int)port, va.state, vb.state);
}

/* Every port either side lists, in order. */
static int
cmp_ports(struct pk_diff *d, struct dentry *e)
{
	const struct cport *pa = e->a != NULL ? e->a->ports : NULL;
	const struct cport *pb = e->b != NULL ? e->b->ports : NULL;
	size_t na = e->a != NULL ? e->a->nports : 0;
	size_t nb = e->b != NULL ? e->b->nports : 0;
	size_t i = 0, j = 0;
	const struct cport *p;
	int rc = PK_OK;

	while (rc == PK_OK && (i < na || j < nb)) {
		int c = i == na ? 1 : j == nb ? -1 :
		    pa[i].proto != pb[j].proto ? pa[i].proto - pb[j].proto :
		    (int)pa[i].port - (int)pb[j].port;

		if (c > 0) {
			p = &pb[j++];
		} else {
			p = &pa[i++];
			j += c == 0;
		}
		rc = cmp_port(d, e, p->proto, p->port);
	}
	return rc;
}

static int
name_cmp(const void *x, const void *y)
{
	const struct pk_hostname *a = x, *b = y;

	return strcmp(a->name != NULL ? a->name : "",
	    b->name != NULL ? b->name : "");
}

/* The hostnames sorted and joined with ","; NULL for none. */
static const char *
names_str(struct pk_diff *d, struct chost *c)
{
	size_t i, n = 0;
	char *s;

	if (c->nnames == 0)
		return NULL;
	qsort(c->names, c->nnames, sizeof(*c->names), name_cmp);
	for (i = 0; i < c->nnames; i++)
		n += strlen(c->names[i].name != NULL ? c->names[i].name : "")
		    + 1;
	if ((s = pk_arena_alloc(&d->pool, n)) == NULL)
		return NULL;
	for (i = 0, n = 0; i < c->nnames; i++) {
		const char *nm = c->names[i].name != NULL ?
		    c->names[i].name : "";

		if (i > 0)
			s[n++] = ',';
		memcpy(s + n, nm, strlen(nm));
		n += strlen(nm);
	}
	s[n] = '\0';
	return s;
}

static int
extra_cmp(const void *x, const void *y)
{
	const struct cextra *a = x, *b = y;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(b->state, a->state);
}

/* "984 closed, 3 filtered" (ndiff's order); NULL for none. */
static const char *
extra_str(struct pk_diff *d, struct chost *c)
{
	char *s, *p;
	size_t i, n = 0;

	if (c->nextra == 0)
		return NULL;
	qsort(c->extra, c->nextra, sizeof(*c->extra), extra_cmp);
	for (i = 0; i < c->nextra; i++)
		n += strlen(c->extra[i].state) + 24;
	if ((s = p = pk_arena_alloc(&d->pool, n)) == NULL)
		return NULL;
	for (i = 0; i < c->nextra; i++)
		p += sprintf(p, "%s%ld %s", i > 0 ? ", " : "",
		    c->extra[i].count, c->extra[i].state);
	return s;
}

/* The states folded away, as a set: counts shift with every port. */
static int
extra_states_differ(const struct chost *a, const struct chost *b)
{
	size_t i, j;

	if (a->nextra == 0 || b->nextra == 0)
		return 0;
	if (a->nextra != b->nextra)
		return 1;
	for (i = 0; i < a->nextra; i++) {
		for (j = 0; j < b->nextra; j++)
			if (streq(a->extra[i].state, b->extra[j].state))
				break;
		if (j == b->nextra)
			return 1;
	}
	return 0;
}

static int
kind_of(const char *a, const char *b)
{
	return a == NULL ? PK_DC_ADDED : b == NULL ? PK_DC_REMOVED :
	    PK_DC_CHANGED;
}

static int
cmp_host(struct pk_diff *d, struct dentry *e)
{
	struct chost *a = e->a, *b = e->b;
	const char *sa, *sb;
	int rc;

	sa = a->status != NULL ? a->status : "up";
	sb = b->status != NULL ? b->status : "up";
	if (!streq(sa, sb) && (rc = change(d, e, PK_DF_STATUS,
	    PK_DC_CHANGED, -1, -1, sa, sb)) != PK_OK)
		return rc;
	/* Nmap does not resolve down hosts: their names say nothing. */
	/* Nor does masscan resolve any: its side cannot say. */
	if (!(d->opts.ignore & (1u << PK_DF_HOSTNAME)) && !is_down(a) &&
	    !is_down(b) && !a->nonames && !b->nonames) {
		sa = names_str(d, a);
		sb = names_str(d, b);
		if ((a->nnames > 0 && sa == NULL) ||
		    (b->nnames > 0 && sb == NULL))
			return PK_ERR_NOMEM;
		if (!streq(sa, sb) && (rc = change(d, e, PK_DF_HOSTNAME,
		    kind_of(sa, sb), -1, -1, sa, sb)) != PK_OK)
			return rc;
	}
	/* A MAC is seen only from the same link: compare two, not one. */
	if (a->mac != NULL && b->mac != NULL && strcasecmp(a->mac, b->mac) != 0 &&
	    (rc = change(d, e, PK_DF_MAC, PK_DC_CHANGED, -1, -1, a->mac,
	    b->mac)) != PK_OK)
		return rc;
	if (a->nos > 0 && b->nos > 0 && !streq(a->os[0], b->os[0]) &&
	    (rc = change(d, e, PK_DF_OS, PK_DC_CHANGED, -1, -1, a->os[0],
	    b->os[0])) != PK_OK)
		return rc;
	if (extra_states_differ(a, b)) {
		sa = extra_str(d, a);
		sb = extra_str(d, b);
		if (sa == NULL || sb == NULL)
			return PK_ERR_NOMEM;
		if ((rc = change(d, e, PK_DF_EXTRAPORTS, PK_DC_CHANGED, -1,
		    -1, sa, sb)) != PK_OK)
			return rc;
	}
	return cmp_scripts(d, e, -1, -1, a->hscripts, a->nhscripts,
	    b->hscripts, b->nhscripts);
}

static int
ndiff_check(struct dentry *e)
{
	struct pk_host *va, *vb;
	int rc;

	va = e->a != NULL ? pk_chost_view(e->a) : NULL;
	vb = e->b != NULL ? pk_chost_view(e->b) : NULL;
	if ((e->a != NULL && va == NULL) || (e->b != NULL && vb == NULL))
		rc = -1;
	else
		rc = pk_ndiff_differs(va, vb);
	free(va);
	free(vb);
	if (rc < 0)
		return PK_ERR_NOMEM;
	e->ndiff = (unsigned char)rc;
	return PK_OK;
}

int
pk_diff_compare(struct pk_diff *d, struct dentry *e)
{
	int rc;

	if (e->a == NULL && e->b == NULL)
		return PK_OK;
	/* A truncated side never reached the host: nothing to compare. */
	e->unreached = (e->a == NULL && d->side[PK_DIFF_A].cut) ||
	    (e->b == NULL && d->side[PK_DIFF_B].cut);
	if (e->unreached)
		return PK_OK;
	if (e->a == NULL || e->b == NULL) {
		const struct chost *c = e->a != NULL ? e->a : e->b;
		const char *st = c->status != NULL ? c->status : "up";

		rc = change(d, e, PK_DF_HOST, e->a == NULL ? PK_DC_ADDED :
		    PK_DC_REMOVED, -1, -1, e->a != NULL ? st : NULL,
		    e->b != NULL ? st : NULL);
	} else {
		rc = cmp_host(d, e);
	}
	if (rc == PK_OK)
		rc = cmp_ports(d, e);
	if (rc == PK_OK && e->nch == 0 && (d->opts.flags & PK_DIFF_NDIFF))
		rc = ndiff_check(e);
	return rc;
}

static char *
scan_str(struct pk_diff *d, const struct dside *s, int proto, int withtypes,
    int withports)
{
	char *spec = NULL, *r;
	const char *t = s->types[proto] != NULL && withtypes ?
	    s->types[proto] : "";
	size_t n;

	if (withports &&
	    (spec = pk_portspec_format(s->scanned, proto)) == NULL)
		return NULL;
	n = strlen(t) + (spec != NULL ? strlen(spec) : 0) + 2;
	if ((r = pk_arena_alloc(&d->pool, n)) != NULL)
		(void)snprintf(r, n, "%s%s%s", t, spec != NULL && *t != '\0' ?
		    " " : "", spec != NULL ? spec : "");
	free(spec);
	return r;
}

static int
scan_change(struct pk_diff *d, int proto, const char *sa, const char *sb)
{
	struct pk_diff_change c;

	memset(&c, 0, sizeof(c));
	c.field = PK_DF_SCANINFO;
	c.kind = *sa == '\0' ? PK_DC_ADDED : *sb == '\0' ?
	    PK_DC_REMOVED : PK_DC_CHANGED;
	c.proto = proto;
	c.port = -1;
	c.old_value = *sa != '\0' ? sa : NULL;
	c.new_value = *sb != '\0' ? sb : NULL;
	return push(d, &d->runch, &d->nrunch, &d->caprunch, &c);
}

/*
 * Scan types and port sets per protocol, as far as both sides say.
 * Grepable output has no scan types and lists the ports only with -v:
 * with it on a side the port sets alone are compared, and only when both
 * sides list ports, for then a protocol neither lists was not scanned.
 */
int
pk_diff_scaninfo(struct pk_diff *d)
{
	const struct dside *s = d->side;
	int notypes = s[0].notypes || s[1].notypes;
	char *sa, *sb;
	int p, rc, both;

	if (d->opts.ignore & (1u << PK_DF_SCANINFO))
		return PK_OK;
	if (notypes && (s[0].known == 0 || s[1].known == 0))
		return PK_OK;
	for (p = 0; p < PK_PROTO_COUNT; p++) {
		if (s[0].types[p] == NULL && s[1].types[p] == NULL &&
		    !((s[0].known | s[1].known) & (1u << p)))
			continue;
		/* Port sets only when both runs list them (not masscan). */
		both = (s[0].known & s[1].known & (1u << p)) != 0;
		if ((sa = scan_str(d, &s[0], p, !notypes, notypes ?
		    (s[0].known & (1u << p)) != 0 : both)) == NULL ||
		    (sb = scan_str(d, &s[1], p, !notypes, notypes ?
		    (s[1].known & (1u << p)) != 0 : both)) == NULL)
			return PK_ERR_NOMEM;
		if (strcmp(sa, sb) != 0 &&
		    (rc = scan_change(d, p, sa, sb)) != PK_OK)
			return rc;
	}
	return PK_OK;
}
