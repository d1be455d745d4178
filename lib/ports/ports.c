/*
 * ports.c - portkit's port table: what a port is for (its categories
 * and the service the table knows it by), read from data/port-categories
 * and from the user's file after it.
 *
 * The table is small (a hundred lines, a few more from the user), so it
 * is one array kept sorted by protocol and port: a lookup is a binary
 * search, cheap enough for every row pcat writes.  A later line for a
 * port/proto replaces the earlier one, so a user's file can change or
 * clear what the installed table says.
 */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/error.h"
#include "base/parse.h"
#include "input/input.h"
#include "portkit.h"

struct pt_ent {
	struct pk_portcat c;		/* first: handed out as is */
	unsigned long	 seq;		/* load order, the later one wins */
};

struct pk_ports {
	struct pk_arena	 strs;		/* every string of the table */
	struct pt_ent	*ents;		/* by proto, then port */
	size_t		 n;
	size_t		 cap;
	unsigned long	 seq;
	const char	**cats;		/* category names, first seen first */
	size_t		 ncats;
};

struct pk_ports *
pk_ports_new(void)
{
	struct pk_ports *pt;

	if ((pt = calloc(1, sizeof(*pt))) == NULL)
		return NULL;
	pk_arena_init(&pt->strs, 0);
	return pt;
}

void
pk_ports_free(struct pk_ports *pt)
{
	if (pt == NULL)
		return;
	pk_arena_destroy(&pt->strs);
	free(pt->ents);
	free(pt->cats);
	free(pt);
}

const char *
pk_ports_iana_range(int proto, unsigned port)
{
	/* nmap -sO's "port" is a protocol number: no range applies. */
	if (proto == PK_PROTO_IP || port > 65535)
		return NULL;
	return port < 1024 ? "well-known" : port < 49152 ? "registered" :
	    "dynamic";
}

int
pk_ports_list_has(const char *list, const char *name, size_t len)
{
	const char *p, *c;

	for (p = list; p != NULL && *p != '\0'; p = *c != '\0' ? c + 1 : c) {
		if ((c = strchr(p, ',')) == NULL)
			c = p + strlen(p);
		if ((size_t)(c - p) == len && memcmp(p, name, len) == 0)
			return 1;
	}
	return 0;
}

static int
cmp_ent(const void *a, const void *b)
{
	const struct pt_ent *x = a, *y = b;

	if (x->c.proto != y->c.proto)
		return x->c.proto < y->c.proto ? -1 : 1;
	if (x->c.port != y->c.port)
		return x->c.port < y->c.port ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sort, then keep the last line read for each port/proto. */
static void
settle(struct pk_ports *pt)
{
	size_t i, k = 0;

	if (pt->n == 0)
		return;
	qsort(pt->ents, pt->n, sizeof(*pt->ents), cmp_ent);
	for (i = 0; i < pt->n; i++) {
		if (k > 0 && pt->ents[k - 1].c.proto == pt->ents[i].c.proto &&
		    pt->ents[k - 1].c.port == pt->ents[i].c.port)
			k--;
		pt->ents[k++] = pt->ents[i];
	}
	pt->n = k;
}

struct pt_line {
	struct pk_ports	*pt;
	struct pk_error	*err;
	unsigned long	 no;
	const char	*p;
	size_t		 n;
};

static int
pt_fail(struct pt_line *l, unsigned long col, const char *what)
{
	return pk_error_at(l->err, PK_ERR_FORMAT, l->no, col, "%s", what);
}

static int
pt_nomem(struct pt_line *l)
{
	pk_error_set(l->err, PK_ERR_NOMEM, l->no, "out of memory");
	return PK_ERR_NOMEM;
}

/* Add name[0..len) to the list of category names unless it is there. */
static int
add_cat(struct pk_ports *pt, const char *name, size_t len)
{
	const char **arr;
	size_t i;

	for (i = 0; i < pt->ncats; i++)
		if (strlen(pt->cats[i]) == len &&
		    memcmp(pt->cats[i], name, len) == 0)
			return PK_OK;
	if ((arr = realloc(pt->cats, (pt->ncats + 1) * sizeof(*arr))) == NULL)
		return PK_ERR_NOMEM;
	pt->cats = arr;
	if ((arr[pt->ncats] = pk_arena_strndup(&pt->strs, name, len)) == NULL)
		return PK_ERR_NOMEM;
	pt->ncats++;
	return PK_OK;
}

/* "core,remote-access": names of a-z, 0-9 and '-', one comma between. */
static int
parse_cats(struct pt_line *l, const char *s, size_t n, const char **out)
{
	size_t i, start = 0;

	if (n == 1 && *s == '-') {
		*out = "";
		return PK_OK;
	}
	for (i = 0; i <= n; i++) {
		if (i < n && ((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			continue;
		if ((i < n && s[i] != ',') || i == start)
			return pt_fail(l, (unsigned long)(s - l->p + i) + 1,
			    "expected categories of a-z, 0-9 and '-', "
			    "separated by commas (\"-\" for none)");
		if (add_cat(l->pt, s + start, i - start) != PK_OK)
			return pt_nomem(l);
		start = i + 1;
	}
	if ((*out = pk_arena_strndup(&l->pt->strs, s, n)) == NULL)
		return pt_nomem(l);
	return PK_OK;
}

/* PORT/PROTO */
static int
parse_key(struct pt_line *l, size_t n, struct pk_portcat *c)
{
	const char *slash = memchr(l->p, '/', n);
	unsigned long long port;
	char proto[8];
	size_t pn;

	if (slash == NULL || slash == l->p ||
	    pk_parse_digits(l->p, (size_t)(slash - l->p), &port) !=
	    (size_t)(slash - l->p) || port > 65535)
		return pt_fail(l, 1, "expected PORT/PROTO, PORT 0-65535");
	pn = n - (size_t)(slash + 1 - l->p);
	if (pn == 0 || pn >= sizeof(proto))
		return pt_fail(l, (unsigned long)(slash - l->p) + 2,
		    "expected tcp, udp or sctp after the port");
	memcpy(proto, slash + 1, pn);
	proto[pn] = '\0';
	c->proto = pk_proto_parse(proto);
	if (c->proto < 0 || c->proto == PK_PROTO_IP)
		return pt_fail(l, (unsigned long)(slash - l->p) + 2,
		    "expected tcp, udp or sctp after the port");
	c->port = (unsigned)port;
	return PK_OK;
}

static struct pt_ent *
new_ent(struct pk_ports *pt)
{
	struct pt_ent *arr;
	size_t cap;

	if (pt->n == pt->cap) {
		cap = pt->cap > 0 ? pt->cap * 2 : 128;
		if ((arr = realloc(pt->ents, cap * sizeof(*arr))) == NULL)
			return NULL;
		pt->ents = arr;
		pt->cap = cap;
	}
	memset(&pt->ents[pt->n], 0, sizeof(pt->ents[pt->n]));
	return &pt->ents[pt->n];
}

/* PORT/PROTO<TAB>CATEGORIES[<TAB>SERVICE] */
static int
load_line(struct pt_line *l)
{
	const char *t1, *t2, *end = l->p + l->n;
	struct pt_ent *e;
	int rc;

	if ((t1 = memchr(l->p, '\t', l->n)) == NULL)
		return pt_fail(l, 0, "expected PORT/PROTO<TAB>CATEGORIES"
		    "[<TAB>SERVICE]");
	if ((e = new_ent(l->pt)) == NULL)
		return pt_nomem(l);
	if ((rc = parse_key(l, (size_t)(t1 - l->p), &e->c)) != PK_OK)
		return rc;
	if ((t2 = memchr(t1 + 1, '\t', (size_t)(end - t1 - 1))) == NULL)
		t2 = end;
	if ((rc = parse_cats(l, t1 + 1, (size_t)(t2 - t1 - 1),
	    &e->c.category)) != PK_OK)
		return rc;
	if (t2 < end && memchr(t2 + 1, '\t', (size_t)(end - t2 - 1)) != NULL)
		return pt_fail(l, 0, "expected PORT/PROTO<TAB>CATEGORIES"
		    "[<TAB>SERVICE]");
	if (t2 + 1 < end && (e->c.service = pk_arena_strndup(&l->pt->strs,
	    t2 + 1, (size_t)(end - t2 - 1))) == NULL)
		return pt_nomem(l);
	e->seq = l->pt->seq++;
	l->pt->n++;
	return PK_OK;
}

static int
load_input(struct pk_ports *pt, struct pk_input *in, struct pk_error *err)
{
	struct pt_line l = { pt, err, 0, NULL, 0 };
	int rc;

	while ((rc = pk_input_getline(in, &l.p, &l.n, &l.no)) == PK_OK) {
		if (l.n == 0 || l.p[0] == '#')
			continue;
		if (memchr(l.p, '\0', l.n) != NULL)
			return pt_fail(&l, 0, "NUL byte in line");
		if ((rc = load_line(&l)) != PK_OK)
			return rc;
	}
	if (rc == PK_EOF)
		return PK_OK;
	if (err != NULL)
		*err = *pk_input_error(in);
	return rc;
}

/*
 * Read in, then settle the table: lines read before a bad one stay, so
 * the table is whole and sorted whatever the result.
 */
static int
load_done(struct pk_ports *pt, struct pk_input *in, const char *name,
    struct pk_error *err, const struct pk_error *oerr)
{
	int rc;

	if (in == NULL) {
		if (err != NULL)
			*err = *oerr;
		rc = oerr->status;
	} else {
		rc = load_input(pt, in, err);
		pk_input_free(in);
		settle(pt);
	}
	if (rc != PK_OK && err != NULL)
		err->file = name;
	return rc;
}

int
pk_ports_load(struct pk_ports *pt, const char *path, struct pk_error *err)
{
	struct pk_error oerr;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;

	memset(&oerr, 0, sizeof(oerr));
	return load_done(pt, pk_input_open(path, name, NULL, &oerr), name,
	    err, &oerr);
}

int
pk_ports_load_mem(struct pk_ports *pt, const void *buf, size_t len,
    const char *name, struct pk_error *err)
{
	struct pk_error oerr;

	memset(&oerr, 0, sizeof(oerr));
	return load_done(pt, pk_input_open_mem(buf, len, name, NULL, &oerr),
	    name, err, &oerr);
}

const struct pk_portcat *
pk_ports_get(const struct pk_ports *pt, int proto, unsigned port)
{
	size_t lo = 0, hi, mid;
	const struct pk_portcat *c;

	if (pt == NULL)
		return NULL;
	for (hi = pt->n; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		c = &pt->ents[mid].c;
		if (c->proto == proto && c->port == port)
			return c;
		if (c->proto < proto || (c->proto == proto && c->port < port))
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct pk_portcat *
pk_ports_at(const struct pk_ports *pt, size_t i)
{
	return pt != NULL && i < pt->n ? &pt->ents[i].c : NULL;
}

const char *const *
pk_ports_categories(const struct pk_ports *pt, size_t *n)
{
	*n = pt != NULL ? pt->ncats : 0;
	return pt != NULL ? pt->cats : NULL;
}
