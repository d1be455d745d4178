/*
 * pfirewall - tell where packet filters sit and what kind they are, from
 * a SYN (or connect) scan set against an ACK scan of the same hosts.
 *
 * The ACK scan and any UDP-only scans are held compactly by the library;
 * the SYN scan is streamed.  Like diff(1): exit 0 when no filtering was
 * found, 1 when some was, 2 on trouble, 3 when an input was truncated
 * (its complete hosts were used).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fe/fe.h"
#include "portkit.h"

#define MAX_INPUTS	8

enum { OPT_HOSTS = CHAR_MAX + 1, OPT_HOST, OPT_LISTENING };

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "host", required_argument, NULL, OPT_HOST },
	{ "hosts", no_argument, NULL, OPT_HOSTS },
	{ "listening", required_argument, NULL, OPT_LISTENING },
	{ "no-header", no_argument, NULL, 'H' },
	{ "output", required_argument, NULL, 'o' },
	{ "per-port", no_argument, NULL, 'e' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

struct input {
	struct pk_reader *r;
	const struct pk_host *first;	/* lent; NULL when none */
	int		 rc;		/* of the first pk_reader_next */
	struct pk_fw_roles roles;
};

struct pfw {
	int		 fmt;
	int		 per_port;	/* -e */
	int		 hosts;		/* --hosts */
	const char	*host;		/* --host: the dump's host */
	unsigned	 wflags;
	struct pk_fw	*fw;
	struct pk_writer *w;
	int		 trouble;	/* 2 or 3 once something went wrong */
	int		 found;		/* a host shows filtering */
	unsigned long	 nhosts;
};

/* The writer for the records of kind (enum pk_fw_rec); none for text. */
static void
pfw_start(struct pfw *pf, int kind)
{
	const struct pk_field *f;
	size_t n;

	if (pf->fmt == PK_OUT_TEXT && kind != PK_FW_REC_LISTEN)
		return;
	f = pk_fw_fields(kind, &n);
	if ((pf->w = pk_writer_new(stdout, pf->fmt, f, n, pf->wflags)) ==
	    NULL)
		fe_nomem();
}

static void
put_row(struct pfw *pf, const struct pk_value *v)
{
	if (pk_writer_row(pf->w, v) != PK_OK)
		fe_write_failed();
}

static void
emit_one(struct pfw *pf, const struct pk_fw_host *fh,
    const struct pk_fw_row *r, const char *ports, unsigned long count)
{
	struct pk_value v[PK_FW_MAXFIELDS];

	/* Text goes to stdout unchecked: fe_close_stdout checks it once. */
	if (pf->fmt == PK_OUT_TEXT) {
		(void)pk_fw_write_row(stdout, r, ports, count);
		return;
	}
	pk_fw_row_values(fh, r, ports, count, v);
	put_row(pf, v);
}

/* -e: every port of every segment, in port order. */
static void
emit_ports(struct pfw *pf, const struct pk_fw_host *fh)
{
	const struct pk_fw_seg *sg;
	char num[8];
	size_t i;
	unsigned p;

	for (i = 0; i < fh->nsegs; i++) {
		sg = &fh->segs[i];
		for (p = sg->lo; p <= sg->hi; p++) {
			(void)snprintf(num, sizeof(num), "%u", p);
			emit_one(pf, fh, &fh->rows[sg->row], num, 1);
		}
	}
}

static void
pfw_emit_host(struct pfw *pf, const struct pk_fw_host *fh)
{
	struct pk_value v[PK_FW_MAXFIELDS];
	size_t i;

	pf->found |= fh->filtering;
	if (pf->hosts && pf->fmt != PK_OUT_TEXT) {
		pk_fw_host_values(fh, v);
		put_row(pf, v);
		return;
	}
	if (pf->fmt == PK_OUT_TEXT)
		printf("%s%s: %s\n", pf->nhosts++ > 0 && !pf->hosts ? "\n" :
		    "", fh->host, fh->summary);
	if (pf->hosts)
		return;
	if (pf->per_port) {
		emit_ports(pf, fh);
		return;
	}
	for (i = 0; i < fh->nrows; i++)
		emit_one(pf, fh, &fh->rows[i], fh->rows[i].ports,
		    fh->rows[i].count);
}

/* The total line of the text report (NULL: none); flush the writer. */
static void
pfw_finish(struct pfw *pf, const char *total)
{
	if (pf->fmt == PK_OUT_TEXT && total != NULL)
		printf("%s%s\n", pf->nhosts > 0 && !pf->hosts ? "\n" : "",
		    total);
	if (pf->w != NULL && pk_writer_flush(pf->w) != PK_OK)
		fe_write_failed();
	pk_writer_free(pf->w);
	pf->w = NULL;
}

static _Noreturn void
usage(void)
{
	fputs(
"Usage:\n"
" pfirewall [options] SYN-SCAN ACK-SCAN [UDP-SCAN ...]\n"
" pfirewall [options] --listening DUMP SCAN\n"
"\n"
"Infer packet filters from a SYN (or connect) scan and an ACK scan of\n"
"the same hosts; roles come from the scans, not the argument order.\n"
"With --listening, compare an ss, lsof or netstat dump with a scan\n"
"from outside.\n"
"\n"
"Output:\n"
" -o, --output FORMAT     text, tsv, csv or jsonl (default text)\n"
" -H, --no-header         no header row\n"
" -e, --per-port          one record per port, not per evidence group\n"
"     --hosts             one record per host: its summary\n"
"     --listening DUMP    classify the sockets listening in DUMP\n"
"     --host ADDR         with --listening: the scanned host of DUMP\n"
"\n"
" -h, --help              display this help\n"
" -V, --version           display version\n"
"\n"
"Exit status: 0 no filtering found, 1 filtering found, 2 trouble,\n"
"3 truncated input (its complete hosts were used).\n"
"See pfirewall(1).\n", stdout);
	exit(fe_close_stdout(0));
}

/* A dump where a scan belongs is a common slip: say what to do instead. */
static struct pk_source *
open_source(const char *path, const struct pk_limits *lim, int want_dump)
{
	struct pk_source *src = pk_source_open(path, lim);
	enum pk_format f;

	if (src == NULL)
		fe_nomem();
	else if (!want_dump) {
		f = pk_source_format(src);
		if (f != PK_FMT_SS && f != PK_FMT_LSOF && f != PK_FMT_NETSTAT)
			return src;
		fe_warnx("%s: %s %s listing, not a scan (compare it with "
		    "--listening DUMP SCAN)", pk_source_name(src),
		    f == PK_FMT_NETSTAT ? "a" : "an", pk_format_name(f));
		pk_source_free(src);
		exit(2);
	}
	return src;
}

static void
open_input(struct input *in, const char *path, const struct pk_read_opts *o)
{
	in->r = pk_reader_open_source(open_source(path, &o->limits, 0), o);
	if (in->r == NULL)
		fe_nomem();
	in->rc = pk_reader_next(in->r, &in->first);
	if (in->rc != PK_OK && in->rc != PK_EOF &&
	    in->rc != PK_ERR_TRUNCATED) {
		fe_warn_pkerr(pk_reader_error(in->r));
		exit(2);
	}
	if (pk_fw_roles(pk_reader_scan(in->r), &in->roles) != PK_OK)
		fe_errx(2, "%s: no scan type (scaninfo or nmap arguments)",
		    pk_reader_name(in->r));
}

static const char *
role_word(const struct pk_fw_roles *ro)
{
	if (ro->tcp_type != NULL)
		return ro->tcp_type;
	return ro->udp ? "udp" : "unknown";
}

/* Pick the SYN (streamed) input; check there is one ACK scan. */
static size_t
check_roles(struct input *in, size_t n)
{
	size_t i, syn = n, ack = n;
	int udp[3] = { 0, 0, 0 };

	for (i = 0; i < n; i++) {
		const struct pk_fw_roles *ro = &in[i].roles;
		size_t *slot = ro->tcp == PK_FW_ROLE_SYN ? &syn :
		    ro->tcp == PK_FW_ROLE_ACK ? &ack : NULL;

		if (slot != NULL && *slot != n)
			fe_errx(2, "%s and %s are both %s scans: give one SYN "
			    "or connect scan and one ACK scan",
			    pk_reader_name(in[*slot].r),
			    pk_reader_name(in[i].r), role_word(ro));
		if (slot != NULL)
			*slot = i;
		if (ro->tcp == PK_FW_ROLE_OTHER && !ro->udp)
			fe_errx(2, "%s: a %s scan is not used: give a SYN or "
			    "connect scan and an ACK scan",
			    pk_reader_name(in[i].r), ro->tcp_type);
		if (ro->udp && udp[ro->udp]++ > 0)
			fe_errx(2, "%s: a second UDP scan of the same kind",
			    pk_reader_name(in[i].r));
	}
	if (syn == n)
		fe_errx(2, "no SYN or connect scan among the inputs");
	if (ack == n)
		fe_errx(2, "no ACK scan among the inputs (%s is a %s scan)",
		    pk_reader_name(in[syn].r), role_word(&in[syn].roles));
	return syn;
}

/* Note the end of an input: trouble is 2, or 3 for a truncated one. */
static void
input_end(struct pfw *pf, struct input *in, int rc)
{
	if (rc == PK_EOF)
		return;
	fe_warn_pkerr(pk_reader_error(in->r));
	if (rc == PK_ERR_TRUNCATED && pf->trouble != 2)
		pf->trouble = 3;
	else
		pf->trouble = 2;
}

static void
engine_failed(struct pfw *pf, const struct input *in,
    const struct pk_host *h, int rc)
{
	fe_warn_at(pk_reader_name(in->r), h != NULL ? h->line : 0, "%s",
	    rc == PK_ERR_FORMAT ? "bad extraports port list" :
	    pk_strerror(rc));
	if (rc == PK_ERR_NOMEM)
		exit(2);
	pf->trouble = 2;
}

static void
hold_input(struct pfw *pf, struct input *in)
{
	const struct pk_host *h = in->first;
	int rc = in->rc, e;

	while (rc == PK_OK) {
		if ((e = pk_fw_hold(pf->fw, h, &in->roles)) != PK_OK)
			engine_failed(pf, in, h, e);
		rc = pk_reader_next(in->r, &h);
	}
	input_end(pf, in, rc);
}

static void
stream_input(struct pfw *pf, struct input *in)
{
	const struct pk_fw_host *fh;
	const struct pk_host *h = in->first;
	int rc = in->rc, e;

	while (rc == PK_OK) {
		if ((e = pk_fw_host(pf->fw, h, &in->roles, &fh)) != PK_OK)
			engine_failed(pf, in, h, e);
		else
			pfw_emit_host(pf, fh);
		rc = pk_reader_next(in->r, &h);
	}
	input_end(pf, in, rc);
	while ((e = pk_fw_next_unmatched(pf->fw, &fh)) != PK_EOF) {
		if (e != PK_OK)
			engine_failed(pf, in, NULL, e);
		else
			pfw_emit_host(pf, fh);
	}
}

static int
run_scans(struct pfw *pf, int argc, char *argv[])
{
	struct input in[MAX_INPUTS];
	struct pk_read_opts ro;
	size_t i, n = (size_t)argc, syn;

	if (argc < 2)
		fe_errx(2, "give a SYN (or connect) scan and an ACK scan");
	if (n > MAX_INPUTS)
		fe_errx(2, "too many scans (at most %d)", MAX_INPUTS);
	fe_read_opts_init(&ro);
	ro.merge = 1;			/* masscan: one host per address */
	memset(in, 0, sizeof(in));
	for (i = 0; i < n; i++)
		open_input(&in[i], argv[i], &ro);
	syn = check_roles(in, n);
	if ((pf->fw = pk_fw_new()) == NULL)
		fe_nomem();
	for (i = 0; i < n; i++)
		if (i != syn)
			hold_input(pf, &in[i]);
	pfw_start(pf, pf->hosts ? PK_FW_REC_HOST : PK_FW_REC_PORT);
	stream_input(pf, &in[syn]);
	pfw_finish(pf, pk_fw_summary(pf->fw));
	for (i = 0; i < n; i++)
		pk_reader_free(in[i].r);
	pk_fw_free(pf->fw);
	return pf->trouble != 0 ? pf->trouble : pf->found ? 1 : 0;
}

/* --- --listening: sockets of a host against a scan from outside ------ */

/* Keep the listeners of the dump. */
static void
read_dump(struct pk_fw_listen *fl, const char *path)
{
	struct pk_sock_reader *r;
	struct pk_services *svc = fe_dump_services(NULL);
	struct pk_sock_opts so;
	const struct pk_sock *s;
	int rc;

	pk_sock_opts_init(&so);
	so.services = svc;
	r = pk_sock_open_source(open_source(path, NULL, 1), &so);
	if (r == NULL)
		fe_nomem();
	while ((rc = pk_sock_next(r, &s)) == PK_OK)
		if ((rc = pk_fw_listen_add(fl, s)) == PK_ERR_NOMEM)
			fe_nomem();
		else if (rc != PK_OK)
			fe_errx(2, "%s:%lu: more listening sockets or addresses "
			    "of its own than one host has: not one host's dump",
			    pk_sock_name(r), s->line);
	if (rc != PK_EOF) {
		fe_warn_pkerr(pk_sock_error(r));
		exit(2);
	}
	pk_sock_free(r);
	pk_services_free(svc);
}

/* Each host of the scan against the sockets; the reader's status. */
static int
match_scan(struct pk_fw_listen *fl, struct pk_reader *r)
{
	const struct pk_host *h;
	int rc;

	while ((rc = pk_reader_next(r, &h)) == PK_OK)
		if (pk_fw_listen_host(fl, h) != PK_OK)
			fe_nomem();
	return rc;
}

/* A dump is one host: keep the scanned host that is its own; 0 or 2. */
static int
pick_host(struct pfw *pf, struct pk_fw_listen *fl, const char *scan)
{
	size_t n;
	int rc = pk_fw_listen_pick(fl, pf->host, &n);

	if (rc == PK_EOF && pf->host != NULL)
		fe_warnx("%s: no host up with address %s", scan, pf->host);
	else if (rc == PK_EOF)
		fe_warnx("%s: %s", scan, n > 0 ? "the host the dump's "
		    "addresses name is down" : "no host up to compare the "
		    "dump with");
	else if (rc != PK_OK)
		fe_warnx("%s holds %zu hosts up and the dump does not say "
		    "which is its host: give --host ADDR", scan, n);
	return rc == PK_OK ? 0 : 2;
}

/* The dump is small and held; the scan is streamed. */
static int
pfw_listening(struct pfw *pf, const char *dump, int argc, char *argv[])
{
	struct pk_fw_listen *fl;
	const struct pk_fw_lrow *rows = NULL;
	struct pk_value v[PK_FW_MAXFIELDS];
	struct pk_read_opts ro;
	struct input in;
	size_t i, n;

	if (argc != 1)
		fe_errx(2, "--listening takes one scan of the dump's host");
	if ((fl = pk_fw_listen_new()) == NULL)
		fe_nomem();
	read_dump(fl, dump);
	memset(&in, 0, sizeof(in));
	fe_read_opts_init(&ro);
	ro.merge = 1;
	in.r = pk_reader_open_source(open_source(argv[0], NULL, 0), &ro);
	if (in.r == NULL)
		fe_nomem();
	input_end(pf, &in, match_scan(fl, in.r));
	n = 0;
	if (pick_host(pf, fl, pk_reader_name(in.r)) != 0) {
		pf->trouble = 2;
	} else {
		pfw_start(pf, PK_FW_REC_LISTEN);
		if (pk_fw_listen_classify(fl, &rows, &n) != PK_OK)
			fe_nomem();
	}
	for (i = 0; i < n; i++) {
		pk_fw_lrow_values(&rows[i], v);
		put_row(pf, v);
		pf->found |= rows[i].filtering;
	}
	pfw_finish(pf, NULL);
	pk_reader_free(in.r);
	pk_fw_listen_free(fl);
	return pf->trouble != 0 ? pf->trouble : pf->found ? 1 : 0;
}

int
main(int argc, char *argv[])
{
	struct pfw pf;
	const char *dump = NULL;
	int ch, status;

	fe_setprogname(argv[0]);
	memset(&pf, 0, sizeof(pf));
	while ((ch = getopt_long(argc, argv, "eHho:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'e': pf.per_port = 1; break;
		case 'H': pf.wflags |= PK_WR_NOHEADER; break;
		case 'o':
			pf.fmt = pk_outfmt_parse(optarg);
			if (pf.fmt < 0 || pf.fmt > PK_OUT_JSONL)
				fe_errx(2, "unknown output format \"%s\"",
				    optarg);
			break;
		case OPT_HOSTS: pf.hosts = 1; break;
		case OPT_HOST: pf.host = optarg; break;
		case OPT_LISTENING: dump = optarg; break;
		case 'h': usage();
		case 'V': fe_print_version();
		default: fe_tryhelp();
		}
	}
	argc -= optind;
	argv += optind;
	(void)fe_stdin_once((const char *const *)argv, (size_t)argc,
	    dump != NULL && strcmp(dump, "-") == 0);
	if (pf.host != NULL && dump == NULL)
		fe_errx(2, "--host goes with --listening DUMP SCAN");
	if (dump != NULL)
		status = pfw_listening(&pf, dump, argc, argv);
	else
		status = run_scans(&pf, argc, argv);
	return fe_close_stdout(status);
}
