/*
 * match.c - the PCRE2 patterns of a record filter: the service name
 * pattern and the FIELD=REGEX tests on the value a field would print.
 *
 * Patterns are compiled once; every match uses the filter's match data
 * and its step limit, so a hostile value costs at most that many steps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter_impl.h"

/* PCRE2's reason in err, with the 1-based column where it gave up. */
static pcre2_code *
compile(const char *regex, struct pk_error *err)
{
	PCRE2_UCHAR msg[160];
	PCRE2_SIZE off;
	pcre2_code *re;
	int ec;

	re = pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED, 0, &ec,
	    &off, NULL);
	if (re == NULL) {
		(void)pcre2_get_error_message(ec, msg, sizeof(msg));
		(void)flt_fail(err, PK_ERR_FORMAT, "%s", (const char *)msg);
		if (err != NULL)
			err->column = (unsigned long)off + 1;
	}
	return re;
}

/* 'pattern "..." on field NAME', for a match PCRE2 gives up on. */
static void
describe(char desc[FLT_DESC], const char *regex, const char *field)
{
	char q[PK_EXCERPT_SIZE];

	(void)snprintf(desc, FLT_DESC, "pattern \"%s\" on field %.32s",
	    pk_excerpt(q, regex, strlen(regex)), field);
}

int
pk_filter_service(struct pk_filter *f, const char *regex,
    struct pk_error *err)
{
	pcre2_code *re;

	if (f == NULL || regex == NULL)
		return flt_fail(err, PK_ERR_USAGE, "no filter or no pattern");
	if ((re = compile(regex, err)) == NULL)
		return PK_ERR_FORMAT;
	pcre2_code_free(f->service);
	f->service = re;
	describe(f->service_desc, regex, "service");
	f->criteria |= PK_FILTER_SERVICE;
	return PK_OK;
}

/* A new match of kind on field, its row maker made by the caller. */
static int
add_match(struct pk_filter *f, struct flt_match *m, const char *field,
    const char *regex, struct pk_error *err)
{
	struct flt_match *arr;

	arr = realloc(f->matches, (f->nmatches + 1) * sizeof(*arr));
	if (arr == NULL) {
		pk_rowctx_free(m->row);
		pk_sockrow_free(m->srow);
		return flt_fail(err, PK_ERR_NOMEM, "out of memory");
	}
	f->matches = arr;
	if ((m->re = compile(regex, err)) == NULL) {
		pk_rowctx_free(m->row);
		pk_sockrow_free(m->srow);
		return PK_ERR_FORMAT;
	}
	describe(m->desc, regex, field);
	f->matches[f->nmatches++] = *m;
	f->criteria |= PK_FILTER_MATCH;
	return PK_OK;
}

int
pk_filter_match(struct pk_filter *f, int kind, const char *field,
    const char *regex, struct pk_error *err)
{
	struct flt_match m = { kind, NULL, NULL, NULL, "" };
	struct pk_error e;

	if (f == NULL || field == NULL || regex == NULL ||
	    (kind != PK_REC_PORT && kind != PK_REC_HOST &&
	    kind != PK_REC_SCRIPT))
		return flt_fail(err, PK_ERR_USAGE,
		    "no filter, field or pattern, or a bad record kind");
	if ((m.row = pk_rowctx_new(kind, field, &e)) == NULL)
		return flt_fail(err, e.status, "%s", e.msg);
	pk_rowctx_set_ports(m.row, f->ptable);
	return add_match(f, &m, field, regex, err);
}

int
pk_filter_sock_match(struct pk_filter *f, const char *field,
    const char *regex, struct pk_error *err)
{
	struct flt_match m = { FLT_SOCK, NULL, NULL, NULL, "" };
	struct pk_error e;

	if (f == NULL || field == NULL || regex == NULL)
		return flt_fail(err, PK_ERR_USAGE,
		    "no filter, field or pattern");
	if ((m.srow = pk_sockrow_new(field, &e)) == NULL)
		return flt_fail(err, e.status, "%s", e.msg);
	return add_match(f, &m, field, regex, err);
}

int
flt_re_match(struct pk_filter *f, const pcre2_code *re, const char *desc,
    const char *s)
{
	PCRE2_UCHAR why[120];
	int rc;

	/* After a pattern gave up, no record is judged by half the rules. */
	if (f->failed)
		return 0;
	rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, f->md, f->mctx);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	/* The record is dropped: the caller hears of it, if it asked. */
	f->failed = 1;
	(void)pcre2_get_error_message(rc, why, sizeof(why));
	(void)flt_fail(&f->err, PK_ERR_LIMIT, "%s: %s", desc,
	    (const char *)why);
	if (f->warn != NULL)
		f->warn(f->warn_arg, &f->err);
	return 0;
}

int
flt_service_match(struct pk_filter *f, const struct pk_port *p)
{
	char buf[256], *big = NULL;
	const char *name;
	size_t n = pk_port_service_len(p) + 1;
	int rc;

	/* No half answers: without memory, the run stops as for a limit. */
	if (n > sizeof(buf) && (big = malloc(n)) == NULL) {
		if (!f->failed) {
			f->failed = 1;
			(void)flt_fail(&f->err, PK_ERR_NOMEM, "%s: out of "
			    "memory", f->service_desc);
			if (f->warn != NULL)
				f->warn(f->warn_arg, &f->err);
		}
		return 0;
	}
	name = pk_port_service(p, big != NULL ? big : buf,
	    big != NULL ? n : sizeof(buf));
	rc = name != NULL ? flt_re_match(f, f->service, f->service_desc,
	    name) : 0;
	free(big);
	return rc;
}

/* One test on the value a field would print; an absent one fails it. */
static int
value_matches(struct pk_filter *f, const struct flt_match *m,
    const struct pk_value *v)
{
	char num[32];

	if (v == NULL)
		return PK_ERR_NOMEM;
	if (!v->set)
		return 0;
	if (v->s != NULL)
		return flt_re_match(f, m->re, m->desc, v->s);
	(void)snprintf(num, sizeof(num), "%lld", v->i);
	return flt_re_match(f, m->re, m->desc, num);
}

int
pk_filter_row(struct pk_filter *f, const struct pk_host *h,
    const struct pk_port *p, const char *file)
{
	const struct flt_match *m;
	int kind = p != NULL ? PK_REC_PORT : PK_REC_HOST;
	size_t i;
	int rc;

	for (i = 0; i < f->nmatches; i++) {
		m = &f->matches[i];
		if (m->kind != kind)
			continue;
		rc = value_matches(f, m, pk_rowctx_fill(m->row, h, p,
		    file));
		if (rc != 1)
			return rc;
	}
	return 1;
}

int
flt_script_matches(struct pk_filter *f, const struct pk_host *h,
    const struct pk_port *p, const struct pk_script *sc, const char *file)
{
	const struct flt_match *m;
	size_t i;
	int rc;

	for (i = 0; i < f->nmatches; i++) {
		m = &f->matches[i];
		if (m->kind != PK_REC_SCRIPT)
			continue;
		rc = value_matches(f, m, pk_rowctx_fill_script(m->row, h, p,
		    sc, file));
		if (rc != 1)
			return rc;
	}
	return 1;
}

int
flt_sock_matches(struct pk_filter *f, const struct pk_sock *s,
    const char *file)
{
	const struct flt_match *m;
	size_t i;
	int rc;

	for (i = 0; i < f->nmatches; i++) {
		m = &f->matches[i];
		if (m->kind != FLT_SOCK)
			continue;
		rc = value_matches(f, m, pk_sockrow_fill(m->srow, s,
		    file));
		if (rc != 1)
			return rc;
	}
	return 1;
}

void
flt_matches_free(struct pk_filter *f)
{
	size_t i;

	for (i = 0; i < f->nmatches; i++) {
		pk_rowctx_free(f->matches[i].row);
		pk_sockrow_free(f->matches[i].srow);
		pcre2_code_free(f->matches[i].re);
	}
	free(f->matches);
	f->matches = NULL;
	f->nmatches = 0;
	pcre2_code_free(f->service);
	f->service = NULL;
}
