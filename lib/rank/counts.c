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

/* Digits only; a count too large for a long saturates. */
static int
rank_number(const char *s, unsigned long *v)
{
	unsigned long long x;
	size_t n = strlen(s);

	if (n == 0 || pk_parse_digits(s, n, &x) != n)
		return -1;
	*v = x > ULONG_MAX ? ULONG_MAX : (unsigned long)x;
	return 0;
}

/* The port/proto of a "80/tcp" key, for port-ordered ties. */
static void
rank_key_port(struct rank_ent *e)
{
	char *slash;
	unsigned long port;

	slash = strchr(e->key, '/');
	if (slash == NULL || (port = strtoul(e->key, NULL, 10)) > 65535)
		return;
	e->port = (unsigned)port;
	e->proto = pk_proto_parse(slash + 1);
}

static int
rank_merge_addr(struct pk_rank *rk, const char *text, struct pk_error *err,
    unsigned long lineno)
{
	struct rank_addr k;
	int rc;

	if (!pk_rank_addr_parse(text, text, &k)) {
		pk_error_set(err, PK_ERR_FORMAT, lineno, "bad address '%s'",
		    text);
		return PK_ERR_FORMAT;
	}
	if (rk->distinct || (rc = pk_rank_seen(rk, &k)) == 0)
		return PK_OK;
	if (rc < 0)
		pk_error_set(err, PK_ERR_NOMEM, lineno, "out of memory");
	else
		pk_error_set(err, PK_ERR_USAGE, lineno, "host %s is counted "
		    "in another counts file too: shard by host", text);
	return rc < 0 ? PK_ERR_NOMEM : PK_ERR_USAGE;
}

static int
rank_merge_line(struct pk_rank *rk, char *line, struct pk_error *err,
    unsigned long lineno)
{
	char *f[5];
	size_t n = rank_split(line, f, 4);
	unsigned long v;
	struct rank_ent *e;
	struct rank_sub *s;

	if (n == 2 && strcmp(f[0], "hosts") == 0 && rank_number(f[1], &v) == 0) {
		rk->hosts += v;
		return PK_OK;
	}
	if (n == 2 && strcmp(f[0], "addr") == 0)
		return rank_merge_addr(rk, f[1], err, lineno);
	if (n == 3 && strcmp(f[0], "key") == 0 && rank_number(f[2], &v) == 0) {
		if ((e = pk_rank_ent(rk, f[1], strlen(f[1]))) == NULL)
			goto nomem;
		if (rk->key == PK_RANK_PORT)
			rank_key_port(e);
		e->hosts += v;
		return PK_OK;
	}
	if (n == 4 && strcmp(f[0], "sub") == 0 && rank_number(f[3], &v) == 0) {
		if ((e = pk_rank_ent(rk, f[1], strlen(f[1]))) == NULL ||
		    (s = pk_rank_sub(rk, e, f[2])) == NULL)
			goto nomem;
		s->hosts += v;
		return PK_OK;
	}
	pk_error_set(err, PK_ERR_FORMAT, lineno, "bad counts line");
	return PK_ERR_FORMAT;
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
rank_merge_copy(struct pk_rank *rk, const char *line, size_t len,
    unsigned long lineno, struct pk_error *err)
{
	char *buf;
	int rc;

	if ((buf = malloc(len + 1)) == NULL) {
		pk_error_set(err, PK_ERR_NOMEM, lineno, "out of memory");
		return PK_ERR_NOMEM;
	}
	memcpy(buf, line, len);
	buf[len] = '\0';
	rc = rank_merge_line(rk, buf, err, lineno);
	free(buf);
	return rc;
}

int
pk_rank_merge(struct pk_rank *rk, const char *path, struct pk_error *err)
{
	struct pk_input *in;
	const char *line;
	size_t len;
	unsigned long lineno = 0;
	int rc;

	if (err != NULL)
		err->status = PK_OK;	/* tells our errors from the input's */
	rk->started = 1;
	if ((in = pk_input_open(path, NULL, NULL, err)) == NULL) {
		if (err != NULL)
			err->file = path;
		return err != NULL ? err->status : PK_ERR_IO;
	}
	while ((rc = pk_input_getline(in, &line, &len, &lineno)) == PK_OK) {
		rc = lineno == 1 ? rank_merge_header(rk, line, len, err) :
		    rank_merge_copy(rk, line, len, lineno, err);
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
