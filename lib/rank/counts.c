/*
 * counts.c - partial counts of a ranking: written as TSV by one
 * process, summed by another (ptop --counts, ptop --merge).
 *
 * Counts are sums, so they are only right when no host is counted in two
 * files: a ranking that tracks hosts lists the addresses it counted, and
 * a merge refuses an address it has already seen.  Counts made under
 * pk_rank_set_distinct list none, and the merge then trusts the shards.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rank/rank_impl.h"
#include "input/input.h"
#include "base/error.h"
#include "base/parse.h"

/* TSV escaping of one field: \t \n \r \\ as two characters. */
static int
rank_put(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		const char *esc = *s == '\t' ? "\\t" : *s == '\n' ? "\\n" :
		    *s == '\r' ? "\\r" : *s == '\\' ? "\\\\" : NULL;

		if (esc != NULL ? fputs(esc, out) < 0 : putc(*s, out) == EOF)
			return PK_ERR_IO;
	}
	return PK_OK;
}

/* The addresses in the order they were first counted (by id). */
static int
rank_write_addrs(const struct pk_rank *rk, FILE *out)
{
	const struct rank_addr **byid;
	char addr[64];
	size_t i;

	if (rk->nseen == 0)
		return PK_OK;
	if ((byid = calloc(rk->nseen, sizeof(*byid))) == NULL)
		return PK_ERR_NOMEM;
	for (i = 0; i <= rk->seenmask; i++)
		if (rk->seen[i].tag != 0)
			byid[rk->seen[i].id - 1] = &rk->seen[i];
	for (i = 0; i < rk->nseen; i++) {
		pk_rank_addr_text(byid[i], addr, sizeof(addr));
		fprintf(out, "addr\t%s\n", addr);
	}
	free(byid);
	return PK_OK;
}

int
pk_rank_write_counts(const struct pk_rank *rk, FILE *out)
{
	char st[128];
	size_t i, j;
	const struct rank_ent *e;

	pk_rank_states_format(rk->states, st, sizeof(st));
	fprintf(out, "%s\tby=%s\tstates=%s\n", RANK_MAGIC,
	    pk_rank_keynames[rk->key], st);
	fprintf(out, "hosts\t%lu\n", rk->hosts);
	if (rank_write_addrs(rk, out) != PK_OK)
		return PK_ERR_NOMEM;
	for (i = 0; i < rk->nents; i++) {
		e = &rk->ents[i];
		fputs("key\t", out);
		rank_put(out, e->key);
		fprintf(out, "\t%lu\n", e->hosts);
		for (j = 0; j < e->nsubs; j++) {
			fputs("sub\t", out);
			rank_put(out, e->key);
			putc('\t', out);
			rank_put(out, e->subs[j].name);
			fprintf(out, "\t%lu\n", e->subs[j].hosts);
		}
	}
	return ferror(out) ? PK_ERR_IO : PK_OK;
}

/* Undo rank_put in place over s[0..n); returns the new length. */
static size_t
rank_unescape(char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			s[o++] = s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' :
			    s[i] == 'r' ? '\r' : s[i];
		} else
			s[o++] = s[i];
	}
	return o;
}

/* Split line into at most max tab-separated fields, unescaped, NUL-ended. */
static size_t
rank_split(char *line, char **f, size_t max)
{
	size_t n = 0, len;
	char *p = line, *t;

	for (;;) {
		t = strchr(p, '\t');
		len = t != NULL ? (size_t)(t - p) : strlen(p);
		if (n == max)
			return max + 1;
		f[n++] = p;
		p[rank_unescape(p, len)] = '\0';
		if (t == NULL)
			return n;
		p = t + 1;
	}
}

/* A count of hosts no shard can hold more of; sums stay far from 2^64. */
#define RANK_COUNT_MAX	1000000000000ULL

/* What one counts file said so far, to check its lines against. */
struct merge_file {
	unsigned long	 hosts;		/* its "hosts" line */
	int		 have_hosts;
	size_t		 seen_base;	/* hosts known before this file */
};

static int
rank_bad(struct pk_error *err, unsigned long lineno, const char *what,
    const char *s)
{
	char q[PK_EXCERPT_SIZE];

	pk_error_set(err, PK_ERR_FORMAT, lineno, "%s '%s'", what,
	    pk_excerpt(q, s, strlen(s)));
	return PK_ERR_FORMAT;
}

/* Digits only, at most RANK_COUNT_MAX. */
static int
rank_number(const char *s, unsigned long *v)
{
	unsigned long long x;
	size_t n = strlen(s);

	if (n == 0 || n > 13 || pk_parse_digits(s, n, &x) != n ||
	    x > RANK_COUNT_MAX)
		return -1;
	*v = (unsigned long)x;
	return 0;
}

/* A key's count: a number, and no more hosts than the file counted. */
static int
rank_count(const struct merge_file *mf, const char *s, unsigned long *v,
    unsigned long lineno, struct pk_error *err)
{
	if (rank_number(s, v) == -1)
		return rank_bad(err, lineno, "bad count", s);
	if (!mf->have_hosts) {
		pk_error_set(err, PK_ERR_FORMAT, lineno, "a count before the "
		    "hosts line");
		return PK_ERR_FORMAT;
	}
	if (*v > mf->hosts) {
		pk_error_set(err, PK_ERR_FORMAT, lineno, "%lu hosts counted "
		    "of the file's %lu", *v, mf->hosts);
		return PK_ERR_FORMAT;
	}
	return PK_OK;
}

/* sum += v, or an error when that would pass RANK_COUNT_MAX. */
static int
rank_sum(unsigned long *sum, unsigned long v, unsigned long lineno,
    struct pk_error *err)
{
	if (RANK_COUNT_MAX - *sum < v) {
		pk_error_set(err, PK_ERR_LIMIT, lineno, "the counts add up to "
		    "more than %llu hosts", RANK_COUNT_MAX);
		return PK_ERR_LIMIT;
	}
	*sum += v;
	return PK_OK;
}

/* The port/proto of a "80/tcp" key: -1 when the key is none. */
static int
rank_key_port(struct rank_ent *e)
{
	const char *slash = strchr(e->key, '/');
	unsigned long long port;
	size_t n;
	int proto;

	if (slash == NULL || (n = (size_t)(slash - e->key)) == 0 || n > 5 ||
	    pk_parse_digits(e->key, n, &port) != n || port > 65535 ||
	    (proto = pk_proto_parse(slash + 1)) < 0)
		return -1;
	e->port = (unsigned)port;
	e->proto = proto;
	return 0;
}

static int
rank_merge_addr(struct pk_rank *rk, const struct merge_file *mf,
    const char *text, struct pk_error *err, unsigned long lineno)
{
	struct rank_addr k;
	int rc;

	if (!pk_rank_addr_parse(text, text, &k))
		return rank_bad(err, lineno, "bad address", text);
	if (rk->distinct || (rc = pk_rank_seen(rk, &k)) == 0)
		return PK_OK;
	if (rc < 0)
		pk_error_set(err, PK_ERR_NOMEM, lineno, "out of memory");
	else if (k.id > mf->seen_base)
		pk_error_set(err, PK_ERR_FORMAT, lineno, "host %s listed "
		    "twice", text);
	else
		pk_error_set(err, PK_ERR_USAGE, lineno, "host %s is counted "
		    "in another counts file too: shard by host", text);
	return rc < 0 ? PK_ERR_NOMEM : err != NULL ? err->status :
	    PK_ERR_USAGE;
}

/* A key or sub line this file gave already would count its hosts twice. */
static int
rank_once(unsigned long *stamp, unsigned long serial, const char *key,
    unsigned long lineno, struct pk_error *err)
{
	if (*stamp == serial)
		return rank_bad(err, lineno, "line given twice for key", key);
	*stamp = serial;
	return PK_OK;
}

/*
 * One line of a counts file, every field checked: its range, and its
 * agreement with the file's header and hosts line.  A bad shard must
 * fail the merge, never be summed into a ranking.
 */
static int
rank_merge_line(struct pk_rank *rk, struct merge_file *mf, char *line,
    struct pk_error *err, unsigned long lineno)
{
	char *f[5];
	size_t n = rank_split(line, f, 4);
	unsigned long v;
	struct rank_ent *e;
	struct rank_sub *s;
	int rc;

	if (n == 2 && strcmp(f[0], "hosts") == 0) {
		if (mf->have_hosts)
			return rank_bad(err, lineno, "second hosts line", f[1]);
		if (rank_number(f[1], &v) == -1)
			return rank_bad(err, lineno, "bad count", f[1]);
		mf->hosts = v;
		mf->have_hosts = 1;
		return rank_sum(&rk->hosts, v, lineno, err);
	}
	if (n == 2 && strcmp(f[0], "addr") == 0)
		return rank_merge_addr(rk, mf, f[1], err, lineno);
	if (n == 3 && strcmp(f[0], "key") == 0) {
		if ((rc = rank_count(mf, f[2], &v, lineno, err)) != PK_OK)
			return rc;
		if ((e = pk_rank_ent(rk, f[1], strlen(f[1]))) == NULL)
			goto nomem;
		if (rk->key == PK_RANK_PORT && rank_key_port(e) == -1)
			return rank_bad(err, lineno, "bad port key", f[1]);
		if ((rc = rank_once(&e->stamp, rk->serial, f[1], lineno,
		    err)) != PK_OK)
			return rc;
		return rank_sum(&e->hosts, v, lineno, err);
	}
	if (n == 4 && strcmp(f[0], "sub") == 0) {
		if ((rc = rank_count(mf, f[3], &v, lineno, err)) != PK_OK)
			return rc;
		if ((e = pk_rank_ent(rk, f[1], strlen(f[1]))) == NULL ||
		    (s = pk_rank_sub(rk, e, f[2])) == NULL)
			goto nomem;
		if ((rc = rank_once(&s->stamp, rk->serial, f[2], lineno,
		    err)) != PK_OK)
			return rc;
		return rank_sum(&s->hosts, v, lineno, err);
	}
	return rank_bad(err, lineno, "bad counts line", f[0]);
nomem:
	pk_error_set(err, PK_ERR_NOMEM, lineno, "out of memory");
	return PK_ERR_NOMEM;
}

static int
rank_merge_header(const struct pk_rank *rk, const char *line, size_t len,
    struct pk_error *err)
{
	char want[256], st[128];

	pk_rank_states_format(rk->states, st, sizeof(st));
	(void)snprintf(want, sizeof(want), "%s\tby=%s\tstates=%s",
	    RANK_MAGIC, pk_rank_keynames[rk->key], st);
	if (len == strlen(want) && memcmp(line, want, len) == 0)
		return PK_OK;
	if (len < strlen(RANK_MAGIC) || memcmp(line, RANK_MAGIC,
	    strlen(RANK_MAGIC)) != 0)
		pk_error_set(err, PK_ERR_FORMAT, 1, "not a ptop counts file");
	else
		pk_error_set(err, PK_ERR_USAGE, 1,
		    "counts made with other options (want by=%s states=%s)",
		    pk_rank_keynames[rk->key], st);
	return err != NULL ? err->status : PK_ERR_FORMAT;
}

/* One line after the header, copied so it can be split in place. */
static int
rank_merge_copy(struct pk_rank *rk, struct merge_file *mf, const char *line,
    size_t len, unsigned long lineno, struct pk_error *err)
{
	char *buf;
	int rc;

	if ((buf = malloc(len + 1)) == NULL) {
		pk_error_set(err, PK_ERR_NOMEM, lineno, "out of memory");
		return PK_ERR_NOMEM;
	}
	memcpy(buf, line, len);
	buf[len] = '\0';
	rc = rank_merge_line(rk, mf, buf, err, lineno);
	free(buf);
	return rc;
}

int
pk_rank_merge(struct pk_rank *rk, const char *path, struct pk_error *err)
{
	struct pk_input *in;
	struct merge_file mf = { 0, 0, rk->nseen };
	const char *line;
	size_t len;
	unsigned long lineno = 0;
	int rc;

	if (err != NULL)
		err->status = PK_OK;	/* tells our errors from the input's */
	rk->started = 1;
	rk->serial++;			/* stamps this file's key lines */
	if ((in = pk_input_open(path, NULL, NULL, err)) == NULL) {
		if (err != NULL)
			err->file = path;
		return err != NULL ? err->status : PK_ERR_IO;
	}
	while ((rc = pk_input_getline(in, &line, &len, &lineno)) == PK_OK) {
		rc = lineno == 1 ? rank_merge_header(rk, line, len, err) :
		    rank_merge_copy(rk, &mf, line, len, lineno, err);
		if (rc != PK_OK)
			break;
	}
	if (rc == PK_EOF && lineno == 0)
		pk_error_set(err, rc = PK_ERR_FORMAT, 0, "empty counts file");
	else if (rc == PK_EOF)
		rc = PK_OK;
	else if (lineno == 0 || (err != NULL && err->status != rc)) {
		if (err != NULL)
			*err = *pk_input_error(in);
	}
	pk_input_free(in);
	if (err != NULL)
		err->file = path;
	return rc;
}
