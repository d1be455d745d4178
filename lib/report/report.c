/*
 * report.c - pk_report: inputs in, one HTML page or Markdown document
 * out.  The life cycle and the reading of the inputs; collect.c feeds the
 * engines, the section writers write.
 */
#include <stdlib.h>
#include <string.h>

#include "report/report_impl.h"

void
pk_report_opts_init(struct pk_report_opts *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->format = PK_REPORT_HTML;
	opts->detail = PK_REPORT_DETAIL;
}

struct pk_report *
pk_report_new(const struct pk_report_opts *opts)
{
	struct pk_report *rp;

	if (opts != NULL && opts->format != PK_REPORT_HTML &&
	    opts->format != PK_REPORT_MD)
		return NULL;
	if ((rp = calloc(1, sizeof(*rp))) == NULL)
		return NULL;
	if (opts != NULL)
		rp->opts = *opts;
	else
		pk_report_opts_init(&rp->opts);
	rp_hosts_init(&rp->hosts, rp->opts.detail);
	rp_map_init(&rp->nskeys);
	pk_arena_init(&rp->keep, 0);
	pk_arena_init(&rp->scratch, 0);
	return rp;
}

static void
input_free(struct rp_input *in)
{
	free(in->name);
	free(in->scanner);
	free(in->version);
	free(in->args);
}

void
pk_report_free(struct pk_report *rp)
{
	size_t i;

	if (rp == NULL)
		return;
	for (i = 0; i < rp->nin; i++)
		input_free(&rp->in[i]);
	pk_rank_free(rp->ports);
	pk_rank_free(rp->svcs);
	pk_diff_free(rp->diff);
	pk_fw_free(rp->fw);
	rp_hosts_free(&rp->hosts);
	rp_map_free(&rp->nskeys);
	pk_arena_destroy(&rp->keep);
	pk_arena_destroy(&rp->scratch);
	free(rp->ns);
	free(rp->fwh);
	free(rp->shadow);
	free(rp);
}

/* strdup that keeps NULL; *ok drops to 0 when memory runs out. */
static char *
dup_or_null(const char *s, int *ok)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		*ok = 0;
	return d;
}

/* What the summary says of an input's run: the reader's strings go. */
static int
input_scan(struct rp_input *in, const struct pk_scan *s)
{
	int ok = 1;

	in->start = -1;
	in->elapsed = -1;
	if (s == NULL)
		return PK_OK;
	in->scanner = dup_or_null(s->scanner, &ok);
	in->version = dup_or_null(s->version, &ok);
	in->args = dup_or_null(s->args, &ok);
	in->start = s->start;
	in->runs = s->docno;
	return ok ? PK_OK : PK_ERR_NOMEM;
}

/* The run's end, known once the reader is through (runstats). */
static void
input_end(struct rp_input *in, const struct pk_scan *s)
{
	if (s == NULL)
		return;
	in->finished = s->finished;
	in->elapsed = s->elapsed;
	in->end = s->end;
}

static void
input_role(struct rp_input *in, const struct pk_scan *s)
{
	if (in->since) {
		in->role = RP_SINCE;
		return;
	}
	in->role = RP_SCAN;
	if (s == NULL || pk_fw_roles(s, &in->fwr) != PK_OK)
		memset(&in->fwr, 0, sizeof(in->fwr));
	else if (in->fwr.tcp == PK_FW_ROLE_ACK)
		in->role = RP_ACK;
}

int
pk_report_input(struct pk_report *rp, const char *name,
    const struct pk_scan *scan, int since)
{
	struct rp_input *in;
	int rc;

	if (rp == NULL || name == NULL || rp->started ||
	    rp->nin == PK_REPORT_MAX_INPUTS)
		return PK_ERR_USAGE;
	in = &rp->in[rp->nin];
	memset(in, 0, sizeof(*in));
	in->since = since != 0;
	in->status = PK_EOF;
	if ((in->name = strdup(name)) == NULL) {
		input_free(in);
		return PK_ERR_NOMEM;
	}
	if ((rc = input_scan(in, scan)) != PK_OK) {
		input_free(in);
		return rc;
	}
	input_role(in, scan);
	return (int)rp->nin++;
}

/* After the stream: held ACK hosts no SYN host matched, the diff's end. */
static int
finish(struct pk_report *rp)
{
	const struct pk_fw_host *fh;
	int rc;

	while (rp->fw != NULL &&
	    (rc = pk_fw_next_unmatched(rp->fw, &fh)) != PK_EOF) {
		if (rc == PK_OK)
			rc = rp_fw_keep(rp, fh);
		if (rc == PK_ERR_NOMEM)
			return rc;
		if (rc != PK_OK)
			rp->fw_bad++;
	}
	if (rp->diff != NULL && pk_diff_finish(rp->diff) != PK_OK)
		return PK_ERR_NOMEM;
	rp->finished = 1;
	return PK_EOF;
}

int
pk_report_next(struct pk_report *rp, size_t *input)
{
	int rc;

	if (rp == NULL || input == NULL || rp->open)
		return PK_ERR_USAGE;
	if (rp->finished)
		return PK_EOF;
	if (!rp->started) {
		rp->started = 1;
		if ((rc = rp_engines(rp)) != PK_OK)
			return rc;
	}
	if (rp->next == rp->norder)
		return finish(rp);
	rp->cur = rp->order[rp->next++];
	rp->open = 1;
	*input = rp->cur;
	return PK_OK;
}

int
pk_report_host(struct pk_report *rp, size_t input, const struct pk_host *h)
{
	if (rp == NULL || h == NULL || !rp->open || input != rp->cur)
		return PK_ERR_USAGE;
	return rp_collect(rp, &rp->in[input], h);
}

int
pk_report_end(struct pk_report *rp, size_t input, const struct pk_scan *scan,
    int status)
{
	struct rp_input *in;

	if (rp == NULL || !rp->open || input != rp->cur)
		return PK_ERR_USAGE;
	in = &rp->in[input];
	rp->open = 0;
	in->done = 1;
	in->status = status;
	rp->truncated += status == PK_ERR_TRUNCATED;
	if (scan == NULL)
		return PK_OK;
	input_end(in, scan);
	if (rp->diff != NULL && in->role != RP_ACK &&
	    pk_diff_scan(rp->diff, in->role == RP_SINCE ? PK_DIFF_A :
	    PK_DIFF_B, scan) != PK_OK)
		return PK_ERR_NOMEM;
	return PK_OK;
}

unsigned
pk_report_truncated(const struct pk_report *rp)
{
	return rp != NULL ? rp->truncated : 0;
}

int
pk_report_write(struct pk_report *rp, FILE *out)
{
	struct rp_out o;

	if (rp == NULL || out == NULL || !rp->finished)
		return PK_ERR_USAGE;
	memset(&o, 0, sizeof(o));
	o.fp = out;
	o.md = rp->opts.format == PK_REPORT_MD;
	rp_page_begin(&o, rp->opts.title != NULL ? rp->opts.title :
	    "Scan report");
	rp_summary_write(&o, rp);
	rp_top_write(&o, rp);
	rp_services_write(&o, rp);
	rp_nonstd_write(&o, rp);
	rp_changes_write(&o, rp);
	rp_firewall_write(&o, rp);
	rp_hosts_write(&o, rp);
	rp_page_end(&o);
	if (o.status == 0 && fflush(out) != 0)
		o.status = PK_ERR_IO;
	return o.status;
}

size_t
pk_report_memory(const struct pk_report *rp)
{
	if (rp == NULL)
		return 0;
	return sizeof(*rp) + rp_hosts_memory(&rp->hosts) +
	    rp_map_memory(&rp->nskeys) + rp->capns * sizeof(*rp->ns) +
	    rp->keep.used + rp->capfwh * sizeof(*rp->fwh) +
	    rp->capshadow * sizeof(*rp->shadow);
}
