/*
 * sockdump.c - the pull iterator over ss, lsof and netstat listings: open,
 * sniff, gather a record's lines and hand them to the grammar that reads
 * them (ss.c, lsof.c, netstat.c); lsof -F output reads itself (lsof_f.c).
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sock/sock_impl.h"
#include "input/detect.h"
#include "input/source.h"

#define SNIFF_BYTES	4096

void
pk_sock_opts_init(struct pk_sock_opts *opts)
{
	memset(opts, 0, sizeof(*opts));
	pk_limits_fill(&opts->limits, NULL);
}

static struct pk_sock_reader *
sock_new(const char *name, const struct pk_sock_opts *opts)
{
	struct pk_sock_reader *r;

	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return NULL;
	if ((r->name = strdup(name)) == NULL) {
		free(r);
		return NULL;
	}
	if (opts != NULL)
		r->opts = *opts;
	pk_limits_fill(&r->opts.limits, opts != NULL ? &opts->limits : NULL);
	pk_arena_init(&r->arena, r->opts.limits.max_host_bytes);
	r->err.file = r->name;
	return r;
}

/* A failed open is reported by the first pk_sock_next. */
static struct pk_sock_reader *
sock_attach(struct pk_sock_reader *r, struct pk_input *in,
    const struct pk_error *oerr)
{
	if (in == NULL) {
		r->err = *oerr;
		r->err.file = r->name;
		r->final = oerr->status;
		r->started = 1;
	}
	r->in = in;
	return r;
}

struct pk_sock_reader *
pk_sock_open(const char *path, const struct pk_sock_opts *opts)
{
	struct pk_sock_reader *r;
	struct pk_error oerr;

	r = sock_new(strcmp(path, "-") == 0 ? "<stdin>" : path, opts);
	if (r == NULL)
		return NULL;
	return sock_attach(r, pk_input_open(path, r->name, &r->opts.limits,
	    &oerr), &oerr);
}

struct pk_sock_reader *
pk_sock_open_fd(int fd, const char *name, const struct pk_sock_opts *opts)
{
	struct pk_sock_reader *r;
	struct pk_error oerr;

	r = sock_new(name != NULL ? name : "<fd>", opts);
	if (r == NULL)
		return NULL;
	return sock_attach(r, pk_input_open_fd(fd, r->name, &r->opts.limits,
	    &oerr), &oerr);
}

struct pk_sock_reader *
pk_sock_open_source(struct pk_source *src, const struct pk_sock_opts *opts)
{
	struct pk_sock_reader *r;
	struct pk_error oerr;

	r = sock_new(pk_source_name(src), opts);
	if (r == NULL) {
		pk_source_free(src);
		return NULL;
	}
	return sock_attach(r, pk_source_take(src, &oerr), &oerr);
}

struct pk_sock_reader *
pk_sock_open_mem(const void *buf, size_t len, const char *name,
    const struct pk_sock_opts *opts)
{
	struct pk_sock_reader *r;
	struct pk_error oerr;

	r = sock_new(name != NULL ? name : "<memory>", opts);
	if (r == NULL)
		return NULL;
	return sock_attach(r, pk_input_open_mem(buf, len, r->name,
	    &r->opts.limits, &oerr), &oerr);
}

void
pk_sock_free(struct pk_sock_reader *r)
{
	if (r == NULL)
		return;
	pk_input_free(r->in);
	pk_arena_destroy(&r->arena);
	free(r->acc);
	free(r->lf_cmd);
	free(r->lf_login);
	free(r->lf_uid);
	free(r->name);
	free(r);
}

static int
sock_fail_input(struct pk_sock_reader *r)
{
	r->err = *pk_input_error(r->in);
	r->err.file = r->name;
	r->final = r->err.status;
	return r->final;
}

static int
sock_start(struct pk_sock_reader *r)
{
	const char *p;
	size_t n;
	int rc;

	r->started = 1;
	rc = pk_input_peek(r->in, SNIFF_BYTES, &p, &n);
	if (rc != PK_OK && rc != PK_EOF)
		return sock_fail_input(r);
	r->format = rc == PK_EOF ? PK_FMT_UNKNOWN : pk_format_detect(p, n);
	/* lsof's table begins with its header, -F output with a p field. */
	r->fields = r->format == PK_FMT_LSOF && n > 0 && p[0] == 'p';
	if (r->format == PK_FMT_SS || r->format == PK_FMT_LSOF ||
	    r->format == PK_FMT_NETSTAT)
		return PK_OK;
	if (rc == PK_EOF)
		return pk_sk_fail(r, PK_ERR_UNKNOWN_FORMAT, 0, "empty input");
	if (r->format == PK_FMT_UNKNOWN)
		return pk_sk_fail(r, PK_ERR_UNKNOWN_FORMAT, 0, "%s",
		    pk_format_unknown_msg(p, n));
	return pk_sk_fail(r, PK_ERR_UNKNOWN_FORMAT, 0,
	    "%s data is not a socket listing", pk_format_name(r->format));
}

/* Append one more input line to the record's text. */
static int
acc_add(struct pk_sock_reader *r, const char *line, size_t len, int join)
{
	size_t need = r->acclen + len + 2;
	char *p;

	if (!join)
		r->acclen = 0;
	if (need > r->acccap) {
		p = realloc(r->acc, need * 2);
		if (p == NULL)
			return pk_sk_fail(r, PK_ERR_NOMEM, 0, "out of memory");
		r->acc = p;
		r->acccap = need * 2;
	}
	if (join)
		r->acc[r->acclen++] = '\n';
	memcpy(r->acc + r->acclen, line, len);
	r->acclen += len;
	r->acc[r->acclen] = '\0';
	return PK_OK;
}

static int
sock_getline(struct pk_sock_reader *r, int join)
{
	const char *line;
	unsigned long no;
	size_t len;
	int rc;

	rc = pk_input_getline(r->in, &line, &len, &no);
	if (rc == PK_EOF)
		return PK_EOF;
	if (rc != PK_OK)
		return sock_fail_input(r);
	if (memchr(line, '\0', len) != NULL)
		return pk_sk_fail(r, PK_ERR_FORMAT, no, "NUL byte in line");
	if (!join)
		r->first = no;
	return acc_add(r, line, len, join);
}

/*
 * A record that took in more lines and still failed: its first line is
 * the bad one (a line cut short), and the lines taken in are records of
 * their own, parsed next when bad lines are skipped.
 */
static void
sock_unjoin(struct pk_sock_reader *r)
{
	const char *nl = memchr(r->acc, '\n', r->acclen);
	size_t n;

	if (nl == NULL)
		return;
	n = (size_t)(nl + 1 - r->acc);
	memmove(r->acc, nl + 1, r->acclen - n + 1);
	r->acclen -= n;
	r->first++;
	r->pending = 1;
}

/* Parse the gathered text, pulling in continuation lines as needed. */
static int
sock_record(struct pk_sock_reader *r)
{
	size_t firstlen = r->acclen;
	unsigned joins = 0;
	int rc;

	for (;;) {
		pk_arena_reset(&r->arena);
		r->proccap = 0;
		memset(&r->rec, 0, sizeof(r->rec));
		r->rec.format = r->format;
		r->rec.line = r->first;
		r->rec.pid = r->rec.fd = r->rec.peer_port = -1;
		rc = r->format == PK_FMT_SS ? pk_ss_parse(r) :
		    r->format == PK_FMT_NETSTAT ? pk_netstat_parse(r) :
		    pk_lsof_parse(r);
		if (rc != SK_MORE)
			break;
		if (++joins > SK_MAX_JOIN ||
		    r->acclen - firstlen > SK_MAX_JOIN_BYTES) {
			rc = pk_sk_fail(r, PK_ERR_LIMIT, r->first,
			    "record spans more than %d lines or %zu bytes",
			    SK_MAX_JOIN, SK_MAX_JOIN_BYTES);
			break;
		}
		rc = sock_getline(r, 1);
		if (rc == PK_EOF)
			return pk_sk_fail(r, PK_ERR_TRUNCATED, r->first,
			    "unexpected end of input inside a record");
		if (rc != PK_OK)
			return rc;
	}
	if (rc == PK_ERR_FORMAT && joins > 0)
		sock_unjoin(r);
	if (rc == PK_OK && r->arena.over)
		return pk_sk_fail(r, PK_ERR_LIMIT, r->first,
		    "record exceeds %zu bytes", r->opts.limits.max_host_bytes);
	return rc;
}

int
pk_sock_next(struct pk_sock_reader *r, const struct pk_sock **out)
{
	int rc;

	*out = NULL;
	if (!r->started && sock_start(r) != PK_OK)
		return r->final;
	if (r->fields) {
		rc = pk_lsof_f_next(r);
		if (rc == PK_OK) {
			r->nrecs++;
			*out = &r->rec;
		}
		return rc;
	}
	while (r->final == 0) {
		/* Lines a failed record had taken in come back first. */
		if (r->pending) {
			r->pending = 0;
			rc = PK_OK;
		} else
			rc = sock_getline(r, 0);
		if (rc == PK_EOF) {
			r->final = PK_EOF;
			break;
		}
		if (rc == PK_OK)
			rc = sock_record(r);
		if (rc == PK_OK) {
			r->nrecs++;
			*out = &r->rec;
			return PK_OK;
		}
		if (rc < 0)
			return rc;	/* final, or a bad line to skip */
	}
	return r->final;
}

enum pk_format
pk_sock_format(const struct pk_sock_reader *r)
{
	return r->format;
}

const struct pk_error *
pk_sock_error(const struct pk_sock_reader *r)
{
	return &r->err;
}

const char *
pk_sock_name(const struct pk_sock_reader *r)
{
	return r->name;
}

unsigned long
pk_sock_records(const struct pk_sock_reader *r)
{
	return r->nrecs;
}

unsigned long
pk_sock_skipped(const struct pk_sock_reader *r)
{
	return r->nskipped;
}

unsigned long
pk_sock_bad_lines(const struct pk_sock_reader *r)
{
	return r->nbad;
}
