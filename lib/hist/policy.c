/*
 * policy.c - allowed open ports, one rule a line (portkit-policy(5)):
 *
 *	# TARGET        PORTSPEC        [SERVICE-REGEX]
 *	*               T:22
 *	10.1.0.0/16     T:80,443        (ssl/)?http     # web
 *	10.1.2.3        U:53,T:53
 *
 * Fields are separated by blanks, so a pattern has none (\s matches
 * one); a field starting with "#" begins a comment.
 * A host's allowed ports are the union of the rules whose target holds
 * it; a rule with a pattern allows its ports only to a service whose
 * whole name the pattern matches.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "base/error.h"
#include "input/input.h"
#include "portkit.h"

#define MATCH_LIMIT	100000
#define ALL_PROTOS	((1u << PK_PROTO_COUNT) - 1)

struct prule {
	int		 any;		/* target "*" */
	struct pk_net	 net;
	struct pk_portset *ports;
	pcre2_code	*re;		/* NULL: any service */
};

struct pk_hist_policy {
	struct prule	*rules;
	size_t		 nrules;
	size_t		 caprules;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
};

/* One line being read. */
struct pline {
	struct pk_error	*err;
	unsigned long	 no;
	const char	*p;		/* the whole line */
	size_t		 n;
};

static int	 line_fail(struct pline *, size_t, const char *, ...)
		    PK_PRINTF(3, 4);

/* An error at byte off of the line (column off + 1). */
static int
line_fail(struct pline *l, size_t off, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = pk_error_vat(l->err, PK_ERR_FORMAT, l->no,
	    (unsigned long)off + 1, fmt, ap);
	va_end(ap);
	return rc;
}

static int
nomem(struct pline *l)
{
	pk_error_set(l->err, PK_ERR_NOMEM, l->no, "out of memory");
	return PK_ERR_NOMEM;
}

void
pk_hist_policy_free(struct pk_hist_policy *pol)
{
	size_t i;

	if (pol == NULL)
		return;
	for (i = 0; i < pol->nrules; i++) {
		pk_portset_free(pol->rules[i].ports);
		pcre2_code_free(pol->rules[i].re);
	}
	free(pol->rules);
	pcre2_match_data_free(pol->md);
	pcre2_match_context_free(pol->mctx);
	free(pol);
}

static struct pk_hist_policy *
policy_new(void)
{
	struct pk_hist_policy *pol;

	if ((pol = calloc(1, sizeof(*pol))) == NULL)
		return NULL;
	pol->md = pcre2_match_data_create(1, NULL);
	pol->mctx = pcre2_match_context_create(NULL);
	if (pol->md == NULL || pol->mctx == NULL) {
		pk_hist_policy_free(pol);
		return NULL;
	}
	(void)pcre2_set_match_limit(pol->mctx, MATCH_LIMIT);
	return pol;
}

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The next blank-separated field at or after *off: [*start, *off). */
static size_t
field(const struct pline *l, size_t *off, size_t *start)
{
	while (*off < l->n && blank(l->p[*off]))
		(*off)++;
	*start = *off;
	while (*off < l->n && !blank(l->p[*off]))
		(*off)++;
	return *off - *start;
}

static int
rule_target(struct pline *l, struct prule *r, size_t at, size_t n)
{
	char buf[64];

	if (n == 1 && l->p[at] == '*') {
		r->any = 1;
		return PK_OK;
	}
	if (n < sizeof(buf)) {
		memcpy(buf, l->p + at, n);
		buf[n] = '\0';
		if (pk_net_parse(&r->net, buf) == PK_OK)
			return PK_OK;
	}
	return line_fail(l, at, "bad target \"%.*s\" (an address, a "
	    "network or *)", (int)(n > 60 ? 60 : n), l->p + at);
}

static int
rule_ports(struct pline *l, struct prule *r, size_t at, size_t n)
{
	struct pk_error perr;
	char *spec;
	int rc;

	if ((r->ports = pk_portset_new()) == NULL ||
	    (spec = strndup(l->p + at, n)) == NULL)
		return nomem(l);
	memset(&perr, 0, sizeof(perr));
	rc = pk_portspec_parse(r->ports, spec, ALL_PROTOS, &perr);
	free(spec);
	if (rc != PK_OK)
		return line_fail(l, at, "bad port list: %s", perr.msg);
	return PK_OK;
}

static int
rule_pattern(struct pline *l, struct prule *r, size_t at, size_t n)
{
	PCRE2_UCHAR msg[120];
	PCRE2_SIZE eoff;
	int ec;

	/* Anchored at both ends: the whole name must match. */
	r->re = pcre2_compile((PCRE2_SPTR)(l->p + at), n,
	    PCRE2_ANCHORED | PCRE2_ENDANCHORED, &ec, &eoff, NULL);
	if (r->re != NULL)
		return PK_OK;
	if (ec == PCRE2_ERROR_NOMEMORY)
		return nomem(l);
	(void)pcre2_get_error_message(ec, msg, sizeof(msg));
	return line_fail(l, at + eoff, "bad pattern \"%.*s\": %s",
	    (int)(n > 60 ? 60 : n), l->p + at, (const char *)msg);
}

/* Room for one more rule, zeroed; NULL out of memory. */
static struct prule *
new_rule(struct pk_hist_policy *pol)
{
	struct prule *r;

	if (pol->nrules == pol->caprules) {
		size_t nc = pol->caprules == 0 ? 16 : pol->caprules * 2;

		if ((r = realloc(pol->rules, nc * sizeof(*r))) == NULL)
			return NULL;
		pol->rules = r;
		pol->caprules = nc;
	}
	r = &pol->rules[pol->nrules++];
	memset(r, 0, sizeof(*r));
	return r;
}

/* TARGET PORTSPEC [SERVICE-REGEX] [# comment] */
static int
load_line(struct pk_hist_policy *pol, struct pline *l)
{
	struct prule *r;
	size_t off = 0, f[4], n[4];
	int i, rc;

	for (i = 0; i < 4; i++) {
		n[i] = field(l, &off, &f[i]);
		if (n[i] > 0 && l->p[f[i]] == '#')
			n[i] = 0;
		if (n[i] == 0)
			break;
	}
	if (n[0] == 0)
		return PK_OK;
	if (memchr(l->p, '\0', l->n) != NULL)
		return line_fail(l, (size_t)((const char *)memchr(l->p, '\0',
		    l->n) - l->p), "NUL byte in line");
	if (n[1] == 0)
		return line_fail(l, f[1], "expected TARGET PORTSPEC "
		    "[SERVICE-REGEX]");
	if (i == 4)
		return line_fail(l, f[3], "unexpected \"%.*s\" after the "
		    "pattern (a comment starts with #)", (int)(n[3] > 40 ? 40 :
		    n[3]), l->p + f[3]);
	if ((r = new_rule(pol)) == NULL)
		return nomem(l);
	if ((rc = rule_target(l, r, f[0], n[0])) != PK_OK ||
	    (rc = rule_ports(l, r, f[1], n[1])) != PK_OK)
		return rc;
	return i > 2 ? rule_pattern(l, r, f[2], n[2]) : PK_OK;
}

static int
load_input(struct pk_hist_policy *pol, struct pk_input *in,
    struct pk_error *err)
{
	struct pline l = { err, 0, NULL, 0 };
	int rc;

	while ((rc = pk_input_getline(in, &l.p, &l.n, &l.no)) == PK_OK)
		if ((rc = load_line(pol, &l)) != PK_OK)
			return rc;
	if (rc == PK_EOF)
		return PK_OK;
	if (err != NULL)
		*err = *pk_input_error(in);
	return rc;
}

/* Read in, a fresh input or NULL with oerr saying why. */
static struct pk_hist_policy *
load(struct pk_input *in, const char *name, struct pk_error *oerr,
    struct pk_error *err)
{
	struct pk_hist_policy *pol = NULL;
	int rc;

	if (in == NULL) {
		if (err != NULL)
			*err = *oerr;
	} else if ((pol = policy_new()) == NULL) {
		pk_error_set(err, PK_ERR_NOMEM, 0, "out of memory");
	} else if ((rc = load_input(pol, in, err)) != PK_OK) {
		pk_hist_policy_free(pol);
		pol = NULL;
	}
	pk_input_free(in);
	if (pol == NULL && err != NULL)
		err->file = name;
	return pol;
}

struct pk_hist_policy *
pk_hist_policy_load(const char *path, struct pk_error *err)
{
	struct pk_error oerr;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;

	memset(&oerr, 0, sizeof(oerr));
	return load(pk_input_open(path, name, NULL, &oerr), name, &oerr, err);
}

struct pk_hist_policy *
pk_hist_policy_load_mem(const void *buf, size_t len, const char *name,
    struct pk_error *err)
{
	struct pk_error oerr;

	memset(&oerr, 0, sizeof(oerr));
	return load(pk_input_open_mem(buf, len, name, NULL, &oerr), name,
	    &oerr, err);
}

size_t
pk_hist_policy_rules(const struct pk_hist_policy *pol)
{
	return pol != NULL ? pol->nrules : 0;
}

int
pk_hist_policy_allows(struct pk_hist_policy *pol, const char *host,
    int proto, unsigned port, const char *service)
{
	size_t i;
	int rc;

	for (i = 0; i < pol->nrules; i++) {
		const struct prule *r = &pol->rules[i];

		if (!pk_portset_has(r->ports, proto, port) ||
		    (!r->any && !pk_net_contains(&r->net, host)))
			continue;
		if (r->re == NULL)
			return 1;
		if (service == NULL)
			continue;
		rc = pcre2_match(r->re, (PCRE2_SPTR)service, strlen(service), 0,
		    0, pol->md, pol->mctx);
		if (rc >= 0)
			return 1;
		if (rc != PCRE2_ERROR_NOMATCH)
			return PK_ERR_LIMIT;
	}
	return 0;
}
