/*
 * reader.c - the pull iterator over scans: open, dispatch, queue, next.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ahead.h"
#include "dupcheck.h"
#include "reader_impl.h"
#include "source.h"

#define SNIFF_BYTES	4096
#define AHEAD_MIN	((uint64_t)256 << 10)

void
pk_read_opts_init(struct pk_read_opts *opts)
{
	memset(opts, 0, sizeof(*opts));
	pk_limits_fill(&opts->limits, NULL);
}

static struct pk_reader *
reader_new(const char *name, const struct pk_read_opts *opts)
{
	struct pk_reader *r;

	r = aligned_alloc(PK_CACHE_LINE, sizeof(*r));
	if (r == NULL)
		return NULL;
	memset(r, 0, sizeof(*r));
	r->name = strdup(name);
	if (r->name == NULL) {
		free(r);
		return NULL;
	}
	if (opts != NULL)
		r->opts = *opts;
	pk_limits_fill(&r->opts.limits, opts != NULL ? &opts->limits : NULL);
	pk_arena_init(&r->scan_arena, 0);
	r->err.file = r->name;
	return r;
}

/* A failed open is reported by the first pk_reader_next. */
static struct pk_reader *
reader_attach(struct pk_reader *r, struct pk_input *in,
    const struct pk_error *oerr)
{
	if (in == NULL) {
		r->err = *oerr;
		r->err.file = r->name;
		r->final = oerr->status;
		r->started = 1;
		return r;
	}
	r->in = in;
	return r;
}

struct pk_reader *
pk_reader_open(const char *path, const struct pk_read_opts *opts)
{
	struct pk_error oerr;
	struct pk_reader *r;

	r = reader_new(strcmp(path, "-") == 0 ? "<stdin>" : path, opts);
	if (r == NULL)
		return NULL;
	return reader_attach(r, pk_input_open(path, r->name,
	    &r->opts.limits, &oerr), &oerr);
}

struct pk_reader *
pk_reader_open_fd(int fd, const char *name, const struct pk_read_opts *opts)
{
	struct pk_error oerr;
	struct pk_reader *r;

	r = reader_new(name != NULL ? name : "<fd>", opts);
	if (r == NULL)
		return NULL;
	return reader_attach(r, pk_input_open_fd(fd, r->name,
	    &r->opts.limits, &oerr), &oerr);
}

struct pk_reader *
pk_reader_open_source(struct pk_source *src, const struct pk_read_opts *opts)
{
	struct pk_error oerr;
	struct pk_reader *r;

	r = reader_new(pk_source_name(src), opts);
	if (r == NULL) {
		pk_source_free(src);
		return NULL;
	}
	return reader_attach(r, pk_source_take(src, &oerr), &oerr);
}

struct pk_reader *
pk_reader_open_mem(const void *buf, size_t len, const char *name,
    const struct pk_read_opts *opts)
{
	struct pk_error oerr;
	struct pk_reader *r;

	r = reader_new(name != NULL ? name : "<memory>", opts);
	if (r == NULL)
		return NULL;
	return reader_attach(r, pk_input_open_mem(buf, len, r->name,
	    &r->opts.limits, &oerr), &oerr);
}

static void
slot_list_free(struct pk_hslot *s)
{
	struct pk_hslot *next;

	for (; s != NULL; s = next) {
		next = s->next;
		pk_arena_destroy(&s->arena);
		free(s);
	}
}

void
pk_reader_free(struct pk_reader *r)
{
	if (r == NULL)
		return;
	pk_ahead_stop(r);
	if (r->ops != NULL && r->ops->free != NULL)
		r->ops->free(r);
	slot_list_free(r->queue);
	slot_list_free(r->spare);
	slot_list_free(r->lent);
	slot_list_free(r->building);
	pk_merge_free(r->merge);
	pk_dupcheck_free(r->dups);
	pk_arena_destroy(&r->scan_arena);
	pk_input_free(r->in);
	free(r->name);
	free(r);
}

int
pk_rd_fail(struct pk_reader *r, int status, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pk_error_vset(&r->err, status, line, fmt, ap);
	va_end(ap);
	r->err.file = r->name;
	r->final = status;
	/* Every reader says the same of a cut input: what it kept. */
	if (status == PK_ERR_TRUNCATED) {
		size_t n = strlen(r->err.msg);

		(void)snprintf(r->err.msg + n, sizeof(r->err.msg) - n,
		    ": kept %lu complete host%s", pk_rd_kept(r),
		    pk_rd_kept(r) == 1 ? "" : "s");
	}
	return status;
}

/* Complete hosts delivered or waiting: what a truncated input kept. */
unsigned long
pk_rd_kept(const struct pk_reader *r)
{
	return r->ncommit;
}

int
pk_rd_fail_input(struct pk_reader *r)
{
	const struct pk_error *e = pk_input_error(r->in);

	if (e->status == PK_ERR_TRUNCATED) {
		pk_rd_host_abort(r);
		return pk_rd_fail(r, e->status, e->line, "%.160s", e->msg);
	}
	r->err = *e;
	r->err.file = r->name;
	r->final = e->status;
	return e->status;
}

/* A slot is reset once, when it is taken again (pk_rd_host_begin). */
static void
slot_recycle(struct pk_reader *r, struct pk_hslot *s)
{
	s->next = r->spare;
	r->spare = s;
}

struct pk_hb *
pk_rd_host_begin(struct pk_reader *r)
{
	struct pk_hslot *s = r->building;

	if (s == NULL && (s = r->spare) != NULL)
		r->spare = s->next;
	/* A spare too is reset now, not when recycled: by its next user. */
	if (s != NULL)
		pk_arena_reset(&s->arena);
	else if ((s = calloc(1, sizeof(*s))) != NULL)
		pk_arena_init(&s->arena, r->opts.limits.max_host_bytes);
	if (s == NULL) {
		(void)pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
		return NULL;
	}
	s->next = NULL;
	s->ports_once = 0;
	r->building = s;
	if (pk_hb_begin(&s->hb, &s->arena) == -1) {
		(void)pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
		return NULL;
	}
	s->hb.h->scan = r->scan;
	return &s->hb;
}

void
pk_rd_host_abort(struct pk_reader *r)
{
	if (r->building != NULL) {
		slot_recycle(r, r->building);
		r->building = NULL;
	}
}

int
pk_rd_host_commit(struct pk_reader *r)
{
	struct pk_hslot *s = r->building;

	if (s == NULL)
		return PK_ERR_USAGE;
	if (s->arena.over) {
		pk_rd_host_abort(r);
		return pk_rd_fail(r, PK_ERR_LIMIT, s->hb.h->line,
		    "host record exceeds %zu bytes",
		    r->opts.limits.max_host_bytes);
	}
	if (pk_hb_finish(&s->hb) == -1) {
		unsigned long line = s->hb.h->line;

		pk_rd_host_abort(r);
		return pk_rd_fail(r, PK_ERR_FORMAT, line,
		    "host without an address");
	}
	r->building = NULL;
	r->ncommit++;
	s->next = NULL;
	if (r->qtail != NULL)
		r->qtail->next = s;
	else
		r->queue = s;
	r->qtail = s;
	return PK_OK;
}

struct pk_scan *
pk_rd_scan_new(struct pk_reader *r)
{
	struct pk_scan *s;

	s = pk_arena_zalloc(&r->scan_arena, sizeof(*s));
	if (s == NULL)
		return NULL;
	s->format = r->format;
	s->start = s->end = -1;
	s->elapsed = -1;
	s->hosts_up = s->hosts_down = s->hosts_total = -1;
	s->docno = ++r->ndocs;
	r->scan = s;
	return s;
}

char *
pk_rd_scan_str(struct pk_reader *r, const char *s, size_t n)
{
	return pk_arena_strndup(&r->scan_arena, s, n);
}

static int
blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' &&
		    p[i] != '\n')
			return 0;
	return 1;
}

/*
 * Parse in a thread, when asked to, for inputs of AHEAD_MIN bytes or
 * more, from the start: decided once, as the grepable reader starts and
 * before anything is pumped, for the thread takes the queue over.
 * Starting a thread costs 0.1 to 0.2 ms: pcat took 1.09 against 0.93 ms
 * on a 1 KB file and 1.46 against 1.39 on a 100 KB one, broke even near
 * 250 KB and gained from there (2.35 against 2.70 ms on 0.6 MB, 12.3
 * against 21 on 6 MB).  Only grepable input gains: libxml2 runs slower
 * outside the main thread (its globals are looked up per thread), more
 * than a thread returns.  The input's reads must not block.
 */
static void
reader_maybe_ahead(struct pk_reader *r)
{
	if (r->opts.parse_ahead && pk_input_bounded(r->in) &&
	    pk_input_size(r->in) >= AHEAD_MIN)
		(void)pk_ahead_start(r);
}

static int
reader_start(struct pk_reader *r)
{
	const char *p;
	size_t n;
	int rc;

	r->started = 1;
	rc = pk_input_peek(r->in, SNIFF_BYTES, &p, &n);
	if (rc != PK_OK && rc != PK_EOF)
		return pk_rd_fail_input(r);
	if (rc == PK_EOF || (n < SNIFF_BYTES && blank(p, n)))
		return pk_rd_fail(r, PK_ERR_FORMAT, 0, "empty input");
	r->format = pk_format_detect(p, n);
	switch (r->format) {
	case PK_FMT_NMAP_XML:
	case PK_FMT_MASSCAN_XML:
		return pk_nmap_xml_init(r);
	case PK_FMT_GNMAP:
		if ((rc = pk_gnmap_init(r)) == PK_OK)
			reader_maybe_ahead(r);
		return rc;
	case PK_FMT_SERVICES:
	case PK_FMT_SS:
	case PK_FMT_LSOF:
		return pk_rd_fail(r, PK_ERR_FORMAT, 0,
		    "%s data is not a scan", pk_format_name(r->format));
	default:
		return pk_rd_fail(r, PK_ERR_UNKNOWN_FORMAT, 0,
		    "unknown input format (expected Nmap XML or grepable "
		    "output)");
	}
}

static int	reader_next_raw(struct pk_reader *, const struct pk_host **);

/* masscan with merge: the whole file first, then one host per address. */
static int
reader_next_merged(struct pk_reader *r, const struct pk_host **out)
{
	if (r->merge == NULL)
		r->merge_rc = pk_merge_fill(r, &r->merge, reader_next_raw);
	if (r->merge == NULL)
		return r->merge_rc;
	if ((*out = pk_merge_next(r->merge)) == NULL)
		return r->merge_rc;
	return PK_OK;
}

/* Out of memory in the caller's thread: the parse-ahead thread stops first. */
static int
reader_nomem(struct pk_reader *r, unsigned long line)
{
	pk_ahead_stop(r);
	return pk_rd_fail(r, PK_ERR_NOMEM, line, "out of memory");
}

/*
 * Warn of ports or hosts listed twice.  masscan lists a host once per
 * port, so its hosts repeat by design unless merged.  The parse-ahead
 * thread may have found a host's ports listed once already.
 */
static int
reader_check(struct pk_reader *r, const struct pk_host *h)
{
	int hosts = r->opts.dup_hosts && (r->format != PK_FMT_MASSCAN_XML ||
	    r->opts.merge);
	int once = r->lent != NULL && r->lent->hb.h == h &&
	    r->lent->ports_once;
	int rc;

	if (r->dups == NULL && (r->dups = pk_dupcheck_new(hosts)) == NULL)
		return reader_nomem(r, h->line);
	if (once)
		rc = pk_dupcheck_host_only(r->dups, h, r->name, r->opts.warn,
		    r->opts.warn_arg);
	else
		rc = pk_dupcheck_host(r->dups, h, r->name, r->opts.warn,
		    r->opts.warn_arg);
	return rc == -1 ? reader_nomem(r, h->line) : PK_OK;
}

int
pk_reader_next(struct pk_reader *r, const struct pk_host **out)
{
	int rc;

	*out = NULL;
	if (r->opts.merge && (r->merge != NULL || r->format ==
	    PK_FMT_MASSCAN_XML || (!r->started && reader_start(r) == PK_OK &&
	    r->format == PK_FMT_MASSCAN_XML)))
		rc = reader_next_merged(r, out);
	else
		rc = reader_next_raw(r, out);
	if (rc == PK_OK && r->opts.warn != NULL &&
	    (rc = reader_check(r, *out)) != PK_OK)
		*out = NULL;
	return rc;
}

/* The next queued host, pumping as needed; NULL and final at the end. */
static struct pk_hslot *
reader_take(struct pk_reader *r)
{
	struct pk_hslot *s;
	int rc;

	if (r->ahead != NULL) {
		(void)pk_ahead_next(r, &s);
		return s;
	}
	while (r->queue == NULL && r->final == 0) {
		rc = r->ops->pump(r);
		if (rc != PK_OK && r->final == 0)
			r->final = rc;
	}
	if ((s = r->queue) != NULL) {
		r->queue = s->next;
		if (r->queue == NULL)
			r->qtail = NULL;
		s->next = NULL;
	}
	return s;
}

static int
reader_next_raw(struct pk_reader *r, const struct pk_host **out)
{
	struct pk_hslot *s;

	*out = NULL;
	if (r->lent != NULL) {
		if (r->ahead != NULL)
			pk_ahead_recycle(r, r->lent);
		else
			slot_recycle(r, r->lent);
		r->lent = NULL;
	}
	if (!r->started && reader_start(r) != PK_OK && r->final == 0)
		r->final = PK_ERR_FORMAT;
	if ((s = reader_take(r)) == NULL)
		return r->final;
	r->lent = s;
	r->nhosts++;
	*out = s->hb.h;
	return PK_OK;
}

const struct pk_scan *
pk_reader_scan(const struct pk_reader *r)
{
	return r->scan;
}

enum pk_format
pk_reader_format(const struct pk_reader *r)
{
	return r->format;
}

const struct pk_error *
pk_reader_error(const struct pk_reader *r)
{
	return &r->err;
}

const char *
pk_reader_name(const struct pk_reader *r)
{
	return r->name;
}

unsigned long
pk_reader_hosts(const struct pk_reader *r)
{
	return r->nhosts;
}

int
pk_parse_port(const char *s, size_t n, unsigned max, unsigned *out)
{
	unsigned long v = 0;
	size_t i;

	if (n == 0 || n > 5)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	if (v > max)
		return -1;
	*out = (unsigned)v;
	return 0;
}

int
pk_parse_long(const char *s, size_t n, long long *out)
{
	long long v = 0;
	size_t i;

	if (n == 0 || n > 18)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

int
pk_addr_valid(enum pk_addrtype type, const char *s)
{
	unsigned char buf[16];
	int i;

	switch (type) {
	case PK_ADDR_IPV4:
		return inet_pton(AF_INET, s, buf) == 1;
	case PK_ADDR_IPV6:
		return inet_pton(AF_INET6, s, buf) == 1;
	case PK_ADDR_MAC:
		for (i = 0; i < 6; i++, s += 3)
			if (!is_hex(s[0]) || !is_hex(s[1]) ||
			    s[2] != (i == 5 ? '\0' : ':'))
				return 0;
		return 1;
	}
	return 0;
}
