/*
 * reader.c - the pull iterator over scans: open, recognise the format,
 * start its reader, hand out one host at a time.
 */
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "gnmap/gnmap.h"
#include "input/detect.h"
#include "input/source.h"
#include "nmap/nmap.h"
#include "normal/normal.h"
#include "scan/dupcheck.h"
#include "scan/queue.h"

#define SNIFF_BYTES	4096

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

	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return NULL;
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

void
pk_reader_free(struct pk_reader *r)
{
	if (r == NULL)
		return;
	if (r->ops != NULL && r->ops->free != NULL)
		r->ops->free(r);
	pk_rd_queue_free(r);
	pk_merge_free(r->merge);
	pk_dupcheck_free(r->dups);
	pk_input_free(r->in);
	free(r->name);
	free(r);
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
	if (r->format == PK_FMT_UNKNOWN)
		return pk_rd_fail(r, PK_ERR_UNKNOWN_FORMAT, 0, "%s",
		    pk_format_unknown_msg(p, n));
	switch (r->format) {
	case PK_FMT_NMAP_XML:
	case PK_FMT_MASSCAN_XML:
		return pk_nmap_xml_init(r);
	case PK_FMT_GNMAP:
	case PK_FMT_MASSCAN_LIST:
		return pk_gnmap_init(r);
	case PK_FMT_MASSCAN_JSON:
		return pk_masscan_json_init(r);
	case PK_FMT_NMAP_NORMAL:
		return pk_normal_init(r);
	case PK_FMT_HOSTPORT:
		return pk_hostport_init(r);
	case PK_FMT_SERVICES:
	case PK_FMT_SS:
	case PK_FMT_LSOF:
	case PK_FMT_NETSTAT:
		return pk_rd_fail(r, PK_ERR_FORMAT, 0,
		    "%s data is not a scan", pk_format_name(r->format));
	default:
		return pk_rd_fail(r, PK_ERR_UNKNOWN_FORMAT, 0, "%s",
		    pk_format_unknown_msg(p, n));
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

static int
reader_nomem(struct pk_reader *r, unsigned long line)
{
	return pk_rd_fail(r, PK_ERR_NOMEM, line, "out of memory");
}

/* masscan's XML and list, host:port lists: a host per port, by design. */
static int
split_hosts(enum pk_format f)
{
	return f == PK_FMT_MASSCAN_XML || f == PK_FMT_MASSCAN_LIST ||
	    f == PK_FMT_MASSCAN_JSON || f == PK_FMT_HOSTPORT;
}

/*
 * Warn of ports or hosts listed twice.  masscan lists a host once per
 * port, so its hosts repeat by design unless merged.
 */
static int
reader_check(struct pk_reader *r, const struct pk_host *h)
{
	int hosts = r->opts.dup_hosts && (!split_hosts(r->format) ||
	    r->opts.merge);
	int rc;

	if (r->dups == NULL && (r->dups = pk_dupcheck_new(hosts)) == NULL)
		return reader_nomem(r, h->line);
	rc = pk_dupcheck_host(r->dups, h, r->name, r->opts.warn,
	    r->opts.warn_arg);
	return rc == -1 ? reader_nomem(r, h->line) : PK_OK;
}

int
pk_reader_next(struct pk_reader *r, const struct pk_host **out)
{
	int rc;

	*out = NULL;
	if (r->opts.merge && (r->merge != NULL || split_hosts(r->format) ||
	    (!r->started && reader_start(r) == PK_OK &&
	    split_hosts(r->format))))
		rc = reader_next_merged(r, out);
	else
		rc = reader_next_raw(r, out);
	if (rc == PK_OK && r->opts.warn != NULL &&
	    (rc = reader_check(r, *out)) != PK_OK)
		*out = NULL;
	return rc;
}

static int
reader_next_raw(struct pk_reader *r, const struct pk_host **out)
{
	struct pk_hslot *s;

	*out = NULL;
	pk_rd_release(r);
	if (!r->started && reader_start(r) != PK_OK && r->final == 0)
		r->final = PK_ERR_FORMAT;
	if ((s = pk_rd_take(r)) == NULL)
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
