/*
 * nonstd.c - services where they do not belong: tables, then one check
 * per scanned port or listening socket.
 *
 * The tables are small (dozens of lines), so families and alternates are
 * plain arrays searched linearly; the nmap-services database answers the
 * per-port questions in O(1).  Findings are built in an arena reset on
 * every check, so a checker's memory does not grow with its input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "base/arena.h"
#include "base/error.h"
#include "base/parse.h"
#include "base/value.h"
#include "input/input.h"
#include "portkit.h"

#define MATCH_LIMIT	100000
#define EXPECT_MAX	3

struct ns_map {
	pcre2_code	*re;
	char		**svcs;		/* NULL-terminated; empty: ignore */
	char		*file;		/* where it came from, for errors */
	unsigned long	 line;
	char		 pat[PK_EXCERPT_SIZE];
};

struct ns_name {
	char		*name;
	char		*family;
};

struct ns_alt {
	char		*family;
	int		 proto;
	unsigned	 port;
};

struct pk_nonstd {
	const struct pk_services *svc;
	const struct pk_ports *ports;	/* what ports are for, lent */
	unsigned	 flags;
	struct ns_map	*maps;
	size_t		 nmaps;
	struct ns_name	*names;		/* name -> family */
	size_t		 nnames;
	struct ns_alt	*alts;
	size_t		 nalts;
	char		**exposed;
	size_t		 nexposed;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	struct pk_arena	 scratch;	/* findings of the last check */
	struct pk_error	 err;		/* why the last check failed */
	struct pk_ns_finding found[3];
};

static const struct pk_field ns_fields[] = {
	{ "host", PK_FT_STR, 15, "scanned address, or bind address of a "
	    "listener" },
	{ "proto", PK_FT_STR, 4, "tcp, udp or sctp" },
	{ "port", PK_FT_INT, 5, "port number" },
	{ "service", PK_FT_STR, 8, "detected (scan) or mapped (dump) "
	    "service" },
	{ "registered", PK_FT_STR, 10, "the port's name in nmap-services" },
	{ "expected_ports", PK_FT_STR, 14, "where the service is registered "
	    "(top 3)" },
	{ "kind", PK_FT_STR, 11, "nonstandard, alternate, exposed or "
	    "unknown" },
	{ "evidence", PK_FT_STR, 40, "what was seen, in words" },
};

struct pk_nonstd *
pk_nonstd_new(const struct pk_services *svc, unsigned flags)
{
	struct pk_nonstd *ns;

	if ((ns = calloc(1, sizeof(*ns))) == NULL)
		return NULL;
	ns->svc = svc;
	ns->flags = flags;
	ns->md = pcre2_match_data_create(1, NULL);
	ns->mctx = pcre2_match_context_create(NULL);
	if (ns->md == NULL || ns->mctx == NULL) {
		pk_nonstd_free(ns);
		return NULL;
	}
	(void)pcre2_set_match_limit(ns->mctx, MATCH_LIMIT);
	pk_arena_init(&ns->scratch, 0);
	return ns;
}

static void
strv_free(char **v)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

void
pk_nonstd_set_ports(struct pk_nonstd *ns, const struct pk_ports *pt)
{
	ns->ports = pt;
}

void
pk_nonstd_free(struct pk_nonstd *ns)
{
	size_t i;

	if (ns == NULL)
		return;
	for (i = 0; i < ns->nmaps; i++) {
		pcre2_code_free(ns->maps[i].re);
		strv_free(ns->maps[i].svcs);
		free(ns->maps[i].file);
	}
	for (i = 0; i < ns->nnames; i++) {
		free(ns->names[i].name);
		free(ns->names[i].family);
	}
	for (i = 0; i < ns->nalts; i++)
		free(ns->alts[i].family);
	for (i = 0; i < ns->nexposed; i++)
		free(ns->exposed[i]);
	free(ns->maps);
	free(ns->names);
	free(ns->alts);
	free(ns->exposed);
	pcre2_match_data_free(ns->md);
	pcre2_match_context_free(ns->mctx);
	pk_arena_destroy(&ns->scratch);
	free(ns);
}

/* Grow *arr (of *n elements of size sz) by one; NULL out of memory. */
static void *
push(void *arr, size_t *n, size_t sz, void **out)
{
	char *p = realloc(arr, (*n + 1) * sz);

	if (p == NULL)
		return NULL;
	memset(p + *n * sz, 0, sz);
	*out = p + *n * sz;
	(*n)++;
	return p;
}

/* Split s[0..n) at blanks, tabs or commas into a NULL-terminated list. */
static char **
split(const char *s, size_t n, const char *seps)
{
	char **v;
	size_t k = 0, i, j;

	if ((v = calloc(n / 2 + 2, sizeof(*v))) == NULL)
		return NULL;
	for (i = 0; i < n; i = j + 1) {
		for (j = i; j < n && strchr(seps, s[j]) == NULL; j++)
			;
		if (j == i)
			continue;
		if ((v[k++] = strndup(s + i, j - i)) == NULL) {
			strv_free(v);
			return NULL;
		}
	}
	return v;
}

struct ns_line {
	struct pk_nonstd *ns;
	struct pk_error	*err;
	const char	*file;
	unsigned long	 no;
	const char	*p;
	size_t		 n;
};

static int
line_fail(struct ns_line *l, unsigned long col, const char *fmt, ...)
    PK_PRINTF(3, 4);

static int
line_fail(struct ns_line *l, unsigned long col, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = pk_error_vat(l->err, PK_ERR_FORMAT, l->no, col, fmt, ap);
	va_end(ap);
	return rc;
}

static int
nomem(struct ns_line *l)
{
	pk_error_set(l->err, PK_ERR_NOMEM, l->no, "out of memory");
	return PK_ERR_NOMEM;
}

/* PATTERN<TAB>services: the last tab separates, patterns may hold tabs. */
static int
load_map(struct ns_line *l)
{
	const char *tab = NULL, *q, *sv;
	struct ns_map *m, *arr;
	PCRE2_UCHAR msg[120];
	char quoted[PK_EXCERPT_SIZE];
	PCRE2_SIZE off;
	size_t plen;
	int ec;

	for (q = l->p; q < l->p + l->n; q++)
		if (*q == '\t')
			tab = q;
	if (tab == NULL)
		return line_fail(l, 0, "expected PATTERN<TAB>SERVICES");
	for (plen = (size_t)(tab - l->p); plen > 0 && l->p[plen - 1] == '\t';)
		plen--;
	sv = tab + 1;
	if (plen == 0 || sv == l->p + l->n)
		return line_fail(l, 0, "expected PATTERN<TAB>SERVICES");
	if ((arr = push(l->ns->maps, &l->ns->nmaps, sizeof(*m),
	    (void **)&m)) == NULL)
		return nomem(l);
	l->ns->maps = arr;
	m->re = pcre2_compile((PCRE2_SPTR)l->p, plen, 0, &ec, &off, NULL);
	if (m->re == NULL) {
		l->ns->nmaps--;
		(void)pcre2_get_error_message(ec, msg, sizeof(msg));
		return line_fail(l, (unsigned long)off + 1,
		    "bad pattern \"%s\": %s at offset %zu",
		    pk_excerpt(quoted, l->p, plen), (const char *)msg,
		    (size_t)off);
	}
	/* "-" (ignore the process) becomes an empty list. */
	m->svcs = split(sv, (size_t)(l->p + l->n - sv),
	    l->p + l->n - sv == 1 && *sv == '-' ? "-" : ", ");
	m->file = strdup(l->file);
	m->line = l->no;
	(void)pk_excerpt(m->pat, l->p, plen);
	if (m->svcs == NULL || m->file == NULL)
		return nomem(l);
	if (m->svcs[0] == NULL && !(l->p + l->n - sv == 1 && *sv == '-'))
		return line_fail(l, 0, "no service name in \"%s\" (\"-\" "
		    "ignores the process)", pk_excerpt(quoted, sv,
		    (size_t)(l->p + l->n - sv)));
	return PK_OK;
}

static int
add_name(struct ns_line *l, const char *name, const char *family)
{
	struct ns_name *e, *arr;

	if ((arr = push(l->ns->names, &l->ns->nnames, sizeof(*e),
	    (void **)&e)) == NULL)
		return nomem(l);
	l->ns->names = arr;
	e->name = strdup(name);
	e->family = strdup(family);
	return e->name != NULL && e->family != NULL ? PK_OK : nomem(l);
}

static int
add_alt(struct ns_line *l, const char *family, const char *spec)
{
	const char *slash = strchr(spec, '/');
	struct ns_alt *a, *arr;
	unsigned long long port;
	int proto;

	if (slash == NULL || slash == spec ||
	    pk_parse_digits(spec, (size_t)(slash - spec), &port) !=
	    (size_t)(slash - spec) || port > 65535 ||
	    (proto = pk_proto_parse(slash + 1)) < 0)
		return line_fail(l, 0, "bad port/proto \"%.40s\"", spec);
	if ((arr = push(l->ns->alts, &l->ns->nalts, sizeof(*a),
	    (void **)&a)) == NULL)
		return nomem(l);
	l->ns->alts = arr;
	a->proto = proto;
	a->port = (unsigned)port;
	return (a->family = strdup(family)) != NULL ? PK_OK : nomem(l);
}

/* equiv<TAB>FAMILY<TAB>names, alternate<TAB>FAMILY<TAB>port/proto ... */
static int
load_equiv(struct ns_line *l)
{
	char **v = split(l->p, l->n, "\t");
	char **items = NULL;
	size_t i;
	int rc = PK_OK, eq;

	if (v == NULL)
		return nomem(l);
	if (v[0] == NULL || v[1] == NULL || v[2] == NULL || v[3] != NULL ||
	    ((eq = strcmp(v[0], "equiv") == 0) == 0 &&
	    strcmp(v[0], "alternate") != 0)) {
		strv_free(v);
		return line_fail(l, 0, "expected equiv|alternate<TAB>NAME<TAB>"
		    "LIST");
	}
	if ((items = split(v[2], strlen(v[2]), " ,")) == NULL)
		rc = nomem(l);
	for (i = 0; rc == PK_OK && items[i] != NULL; i++)
		rc = eq ? add_name(l, items[i], v[1]) :
		    add_alt(l, v[1], items[i]);
	if (rc == PK_OK && eq)
		rc = add_name(l, v[1], v[1]);
	strv_free(items);
	strv_free(v);
	return rc;
}

static int
load_exposed(struct ns_line *l)
{
	char **arr, *s;
	size_t n = l->n;

	while (n > 0 && (l->p[n - 1] == ' ' || l->p[n - 1] == '\t'))
		n--;
	if (memchr(l->p, ' ', n) != NULL || memchr(l->p, '\t', n) != NULL)
		return line_fail(l, 0, "expected one service name a line");
	arr = realloc(l->ns->exposed, (l->ns->nexposed + 1) * sizeof(*arr));
	if (arr == NULL)
		return nomem(l);
	l->ns->exposed = arr;
	if ((s = strndup(l->p, n)) == NULL)
		return nomem(l);
	arr[l->ns->nexposed++] = s;
	return PK_OK;
}

static int
load_input(struct pk_nonstd *ns, enum pk_ns_table table,
    struct pk_input *in, const char *name, struct pk_error *err)
{
	struct ns_line l = { ns, err, name, 0, NULL, 0 };
	int rc;

	while ((rc = pk_input_getline(in, &l.p, &l.n, &l.no)) == PK_OK) {
		if (l.n == 0 || l.p[0] == '#')
			continue;
		if (memchr(l.p, '\0', l.n) != NULL)
			return line_fail(&l, 0, "NUL byte in line");
		rc = table == PK_NS_MAP ? load_map(&l) :
		    table == PK_NS_EQUIV ? load_equiv(&l) : load_exposed(&l);
		if (rc != PK_OK)
			return rc;
	}
	if (rc == PK_EOF)
		return PK_OK;
	if (err != NULL)
		*err = *pk_input_error(in);
	return rc;
}

static int
load_done(struct pk_nonstd *ns, enum pk_ns_table table, struct pk_input *in,
    const char *name, struct pk_error *err, struct pk_error *oerr)
{
	int rc;

	if ((unsigned)table > PK_NS_EXPOSED) {
		pk_input_free(in);
		pk_error_set(err, PK_ERR_USAGE, 0, "no such table");
		rc = PK_ERR_USAGE;
	} else if (in == NULL) {
		if (err != NULL)
			*err = *oerr;
		rc = oerr->status;
	} else {
		rc = load_input(ns, table, in, name, err);
		pk_input_free(in);
	}
	if (rc != PK_OK && err != NULL)
		err->file = name;
	return rc;
}

int
pk_nonstd_load(struct pk_nonstd *ns, enum pk_ns_table table,
    const char *path, struct pk_error *err)
{
	struct pk_error oerr;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;

	memset(&oerr, 0, sizeof(oerr));
	return load_done(ns, table, pk_input_open(path, name, NULL, &oerr),
	    name, err, &oerr);
}

int
pk_nonstd_load_mem(struct pk_nonstd *ns, enum pk_ns_table table,
    const void *buf, size_t len, const char *name, struct pk_error *err)
{
	struct pk_error oerr;

	memset(&oerr, 0, sizeof(oerr));
	return load_done(ns, table, pk_input_open_mem(buf, len, name, NULL,
	    &oerr), name, err, &oerr);
}

const struct pk_error *
pk_nonstd_error(const struct pk_nonstd *ns)
{
	return &ns->err;
}

const struct pk_field *
pk_nonstd_fields(size_t *n)
{
	*n = sizeof(ns_fields) / sizeof(ns_fields[0]);
	return ns_fields;
}

void
pk_nonstd_values(const struct pk_ns_finding *f, struct pk_value *vals)
{
	memset(vals, 0, 8 * sizeof(*vals));
	pk_val_str(&vals[0], f->host);
	pk_val_str(&vals[1], pk_proto_name(f->proto));
	vals[2].set = 1;
	vals[2].i = f->port;
	pk_val_str(&vals[3], f->service);
	pk_val_str(&vals[4], f->registered);
	pk_val_str(&vals[5], f->expected_ports);
	pk_val_str(&vals[6], f->kind);
	pk_val_str(&vals[7], f->evidence);
}

/* --- the checks ----------------------------------------------------- */

static const char *
family(const struct pk_nonstd *ns, const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = ns->nnames; i-- > 0;)
		if (strcmp(ns->names[i].name, name) == 0)
			return ns->names[i].family;
	return name;
}

static int
is_alternate(const struct pk_nonstd *ns, const char *fam, int proto,
    unsigned port)
{
	size_t i;

	for (i = 0; i < ns->nalts; i++)
		if (ns->alts[i].port == port && ns->alts[i].proto == proto &&
		    strcmp(ns->alts[i].family, fam) == 0)
			return 1;
	return 0;
}

static int
is_exposed(const struct pk_nonstd *ns, const char *fam)
{
	size_t i;

	for (i = 0; i < ns->nexposed; i++)
		if (strcmp(ns->exposed[i], fam) == 0)
			return 1;
	return 0;
}

/*
 * The category of a list that makes a listener on every interface
 * exposed: data stores and remote access.  NULL when none is.
 */
static const char *
exposed_category(const char *cats)
{
	if (pk_ports_list_has(cats, "database", 8))
		return "database";
	if (pk_ports_list_has(cats, "remote-access", 13))
		return "remote-access";
	return NULL;
}

/*
 * Is a service exposed on every interface: its family is in the exposed
 * list, or the port table puts a port of that family in an exposed
 * category?
 */
static int
exposed_service(const struct pk_nonstd *ns, const char *svc)
{
	const struct pk_portcat *c;
	const char *fam = family(ns, svc);
	size_t i;

	if (is_exposed(ns, fam))
		return 1;
	for (i = 0; (c = pk_ports_at(ns->ports, i)) != NULL; i++)
		if (c->service != NULL && exposed_category(c->category) !=
		    NULL && strcmp(family(ns, c->service), fam) == 0)
			return 1;
	return 0;
}

static char *
fmt(struct pk_nonstd *ns, const char *f, ...) PK_PRINTF(2, 3);

static char *
fmt(struct pk_nonstd *ns, const char *f, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, f);
	n = vsnprintf(NULL, 0, f, ap);
	va_end(ap);
	if (n < 0 || (s = pk_arena_alloc(&ns->scratch, (size_t)n + 1)) ==
	    NULL)
		return NULL;
	va_start(ap, f);
	(void)vsnprintf(s, (size_t)n + 1, f, ap);
	va_end(ap);
	return s;
}

/* "ssl/http", in the scratch arena: the name nmap shows. */
static const char *
shown(struct pk_nonstd *ns, const struct pk_port *p)
{
	size_t n = pk_port_service_len(p) + 1;
	char *s;

	if ((s = pk_arena_alloc(&ns->scratch, n)) == NULL)
		return NULL;
	return pk_port_service(p, s, n);
}

/* Insert e into the top list (by frequency, then port), keeping k. */
static void
top_insert(const struct pk_service **top, size_t *k,
    const struct pk_service *e)
{
	size_t i, j;

	for (i = 0; i < *k; i++)
		if (top[i]->port == e->port)
			return;
	for (i = 0; i < *k; i++)
		if (e->freq > top[i]->freq || (e->freq == top[i]->freq &&
		    e->port < top[i]->port))
			break;
	if (i == EXPECT_MAX)
		return;
	if (*k < EXPECT_MAX)
		(*k)++;
	for (j = *k - 1; j > i; j--)
		top[j] = top[j - 1];
	top[i] = e;
}

/* Add where name is registered for proto to the top list. */
static void
expected_name(struct pk_nonstd *ns, const char *name, int proto,
    const struct pk_service **top, size_t *k)
{
	const struct pk_service *const *list;
	size_t j, n;

	n = pk_services_byname(ns->svc, name, &list);
	for (j = 0; j < n; j++)
		if (list[j]->proto == proto)
			top_insert(top, k, list[j]);
}

/*
 * "22/tcp,2222/tcp": where service is registered for proto, or when it
 * is not, where the other names of its family are.
 */
static const char *
expected(struct pk_nonstd *ns, const char *service, int proto)
{
	const struct pk_service *top[EXPECT_MAX];
	const char *fam = family(ns, service);
	size_t i, k = 0;
	char buf[64] = "";

	if (ns->svc == NULL)
		return NULL;
	expected_name(ns, service, proto, top, &k);
	for (i = 0; k == 0 && i <= ns->nnames; i++)
		if (i == ns->nnames)
			expected_name(ns, fam, proto, top, &k);
		else if (strcmp(ns->names[i].family, fam) == 0)
			expected_name(ns, ns->names[i].name, proto, top, &k);
	for (i = 0; i < k; i++)
		(void)snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
		    "%s%u/%s", i > 0 ? "," : "", top[i]->port,
		    pk_proto_name(proto));
	return k > 0 ? fmt(ns, "%s", buf) : NULL;
}

static struct pk_ns_finding *
finding(struct pk_nonstd *ns, size_t *n, const char *host, int proto,
    unsigned port)
{
	struct pk_ns_finding *f = &ns->found[(*n)++];
	const struct pk_service *reg = ns->svc != NULL ?
	    pk_services_get(ns->svc, proto, port) : NULL;

	memset(f, 0, sizeof(*f));
	f->host = host;
	f->proto = proto;
	f->port = port;
	f->registered = reg != NULL ? reg->name : NULL;
	return f;
}

/*
 * The placement verdict for service on port/proto: NULL when it is
 * where it belongs, else the kind.
 */
static const char *
placement(struct pk_nonstd *ns, const char *service, int proto,
    unsigned port)
{
	const struct pk_service *reg = ns->svc != NULL ?
	    pk_services_get(ns->svc, proto, port) : NULL;
	const char *fam = family(ns, service);

	/* A service on its own registered port belongs, alternate or not. */
	if (reg != NULL && strcmp(reg->name, service) == 0)
		return NULL;
	if (is_alternate(ns, fam, proto, port))
		return ns->flags & PK_NS_STRICT ? "nonstandard" : "alternate";
	if (reg != NULL && strcmp(family(ns, reg->name), fam) == 0)
		return NULL;
	return "nonstandard";
}

/* "(registered: X; svc is registered on 22/tcp)" */
static const char *
why(struct pk_nonstd *ns, const struct pk_ns_finding *f)
{
	if (f->expected_ports == NULL)
		return fmt(ns, "(registered: %s; %s is not registered for %s)",
		    f->registered != NULL ? f->registered : "none",
		    f->service, pk_proto_name(f->proto));
	return fmt(ns, "(registered: %s; %s is registered on %s)",
	    f->registered != NULL ? f->registered : "none", f->service,
	    f->expected_ports);
}

static const char *
product(struct pk_nonstd *ns, const struct pk_port *p)
{
	if (p->product == NULL)
		return "";
	if (p->version == NULL)
		return fmt(ns, " (%s)", p->product);
	return fmt(ns, " (%s %s)", p->product, p->version);
}

/*
 * A detected name worth judging: open, detected as ptop counts a
 * detection (pk_port_detected: the same in -oX, -oG and -oN of one
 * run), and not a non-answer.
 */
static int
judged(const struct pk_port *p, int versions)
{
	return p->state != NULL && strcmp(p->state, "open") == 0 &&
	    pk_port_detected(p, versions) &&
	    strcmp(p->service, "unknown") != 0 &&
	    strcmp(p->service, "tcpwrapped") != 0;
}

int
pk_nonstd_port(struct pk_nonstd *ns, const char *host,
    const struct pk_port *p, int versions,
    const struct pk_ns_finding **out, size_t *n)
{
	struct pk_ns_finding *f;
	const char *kind, *svc;

	*out = ns->found;
	*n = 0;
	pk_arena_reset(&ns->scratch);
	if (!judged(p, versions))
		return PK_OK;
	svc = p->tunnel != NULL ? shown(ns, p) : p->service;
	if (svc == NULL)
		return PK_ERR_NOMEM;
	if ((kind = placement(ns, svc, p->proto, p->port)) == NULL)
		return PK_OK;
	f = finding(ns, n, host, p->proto, p->port);
	f->service = svc;
	f->kind = kind;
	f->expected_ports = expected(ns, svc, p->proto);
	f->evidence = fmt(ns, "%s%s on %u/%s %s", svc, product(ns, p),
	    p->port, pk_proto_name(p->proto), why(ns, f));
	return ns->scratch.over ? PK_ERR_NOMEM : PK_OK;
}

/*
 * The mapped services of a process name in *svcs, NULL when none
 * matches.  A pattern PCRE2 could not finish (its match limit) is an
 * error naming the pattern and the process, never a quiet "no match".
 */
static int
mapped(struct pk_nonstd *ns, const char *proc, char ***svcs)
{
	PCRE2_UCHAR msg[120];
	char quoted[PK_EXCERPT_SIZE];
	size_t i;
	int rc;

	*svcs = NULL;
	for (i = ns->nmaps; proc != NULL && i-- > 0;) {
		rc = pcre2_match(ns->maps[i].re, (PCRE2_SPTR)proc, strlen(proc),
		    0, 0, ns->md, ns->mctx);
		if (rc >= 0) {
			*svcs = ns->maps[i].svcs;
			return PK_OK;
		}
		if (rc == PCRE2_ERROR_NOMATCH)
			continue;
		(void)pcre2_get_error_message(rc, msg, sizeof(msg));
		pk_error_set(&ns->err, PK_ERR_LIMIT, ns->maps[i].line,
		    "pattern \"%s\": %s on process \"%s\"", ns->maps[i].pat,
		    (const char *)msg, pk_excerpt(quoted, proc, strlen(proc)));
		ns->err.file = ns->maps[i].file;
		return PK_ERR_LIMIT;
	}
	return PK_OK;
}

static int
wildcard(const struct pk_sock *s)
{
	return s->zone == NULL && (strcmp(s->addr, "0.0.0.0") == 0 ||
	    strcmp(s->addr, "::") == 0 || strcmp(s->addr, "*") == 0);
}

/* "sshd (pid 7241) listens on 0.0.0.0:2222/tcp" */
static const char *
listener(struct pk_nonstd *ns, const struct pk_sock *s, const char *host)
{
	const char *open = strchr(host, ':') != NULL ? "[" : "";
	const char *close = *open != '\0' ? "]" : "";
	const char *pid = s->pid >= 0 ? fmt(ns, " (pid %ld)", s->pid) : "";

	return fmt(ns, "%s%s listens on %s%s%s:%u/%s",
	    s->process != NULL ? s->process : "a process", pid, open, host,
	    close, s->port, pk_proto_name(s->proto));
}

static void
sock_placement(struct pk_nonstd *ns, const struct pk_sock *s,
    const char *host, char **svcs, size_t *n)
{
	struct pk_ns_finding *f;
	const char *k;
	size_t i, pick = 0;
	int alt = 0;

	/* Fine when one of its services belongs; else prefer an alternate. */
	for (i = 0; svcs[i] != NULL; i++) {
		if ((k = placement(ns, svcs[i], s->proto, s->port)) == NULL)
			return;
		if (!alt && strcmp(k, "alternate") == 0) {
			alt = 1;
			pick = i;
		}
	}
	f = finding(ns, n, host, s->proto, s->port);
	f->service = svcs[pick];
	f->kind = alt ? "alternate" : "nonstandard";
	f->expected_ports = expected(ns, svcs[pick], s->proto);
	f->evidence = fmt(ns, "%s %s", listener(ns, s, host), why(ns, f));
}

static void
sock_exposed(struct pk_nonstd *ns, const struct pk_sock *s,
    const char *host, char **svcs, size_t *n)
{
	struct pk_ns_finding *f;
	size_t i;

	if (!wildcard(s))
		return;
	for (i = 0; svcs[i] != NULL; i++)
		if (exposed_service(ns, svcs[i]))
			break;
	if (svcs[i] == NULL)
		return;
	f = finding(ns, n, host, s->proto, s->port);
	f->service = svcs[i];
	f->kind = "exposed";
	f->expected_ports = expected(ns, svcs[i], s->proto);
	f->evidence = fmt(ns, "%s: %s on every interface",
	    listener(ns, s, host), svcs[i]);
}

/*
 * No process name (ss without -p, or not root): the port alone says
 * what listens, as the port table has it.
 */
static void
port_exposed(struct pk_nonstd *ns, const struct pk_sock *s,
    const char *host, size_t *n)
{
	const struct pk_portcat *c;
	struct pk_ns_finding *f;
	const char *cat;

	if (!wildcard(s) || (c = pk_ports_get(ns->ports, s->proto,
	    s->port)) == NULL || (cat = exposed_category(c->category)) ==
	    NULL)
		return;
	f = finding(ns, n, host, s->proto, s->port);
	f->service = c->service;
	f->kind = "exposed";
	if (c->service != NULL)
		f->expected_ports = expected(ns, c->service, s->proto);
	f->evidence = fmt(ns, "%s: %s on every interface (%s port, no "
	    "process name)", listener(ns, s, host), c->service != NULL ?
	    c->service : fmt(ns, "%u/%s", s->port, pk_proto_name(s->proto)),
	    cat);
}

int
pk_nonstd_sock(struct pk_nonstd *ns, const struct pk_sock *s,
    const struct pk_ns_finding **out, size_t *n)
{
	struct pk_ns_finding *f;
	const char *host;
	char **svcs;
	int rc;

	*out = ns->found;
	*n = 0;
	pk_arena_reset(&ns->scratch);
	if (!s->listening)
		return PK_OK;
	host = s->zone != NULL ? fmt(ns, "%s%%%s", s->addr, s->zone) : s->addr;
	if ((rc = mapped(ns, s->process, &svcs)) != PK_OK)
		return rc;
	if (svcs == NULL) {
		if (ns->flags & PK_NS_UNKNOWN) {
			f = finding(ns, n, host, s->proto, s->port);
			f->kind = "unknown";
			f->evidence = fmt(ns, "%s: %s", listener(ns, s, host),
			    s->process != NULL ? "no service mapped to this "
			    "process" : "no process information");
		}
		if (s->process == NULL)
			port_exposed(ns, s, host, n);
	} else if (svcs[0] != NULL) {
		sock_placement(ns, s, host, svcs, n);
		sock_exposed(ns, s, host, svcs, n);
	}
	return ns->scratch.over ? PK_ERR_NOMEM : PK_OK;
}
