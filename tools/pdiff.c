/*
 * pdiff - compare two scans: hosts that appeared, disappeared or changed,
 * ports that opened, closed or changed service, in pdiff's report,
 * ndiff's text or XML, or one change per record (tsv, csv, jsonl).
 *
 * Like diff(1) and ndiff: exit 0 when the scans agree, 1 when they
 * differ, 2 on trouble, 3 when an input was truncated (the differences
 * of its complete hosts are still reported; the hosts it never reached
 * are not compared).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fe/fe.h"
#include "portkit.h"

#define MAX_INPUTS	256

enum {
	OPT_IGNORE = CHAR_MAX + 1, OPT_IGNORE_OF, OPT_MERGE, OPT_SCRIPTS,
	OPT_STATE
};

/* -o: pdiff's report, ndiff's two, and the row writers. */
enum { OUT_TEXT, OUT_NDIFF, OUT_NDIFF_XML, OUT_ROWS };

struct pdiff {
	const char	*in[2][MAX_INPUTS];
	size_t		 nin[2];
	int		 out;
	int		 rowfmt;	/* pk_outfmt for OUT_ROWS */
	unsigned	 wflags;
	struct pk_diff_opts dopts;
	struct pk_read_opts ropts;
	struct pk_diff	*d;
	int		 trouble;	/* 2 or 3 once something went wrong */
	int		 failed;	/* an input could not be read */
};

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "ignore", required_argument, NULL, OPT_IGNORE },
	{ "ignore-open-filtered", no_argument, NULL, OPT_IGNORE_OF },
	{ "merge", no_argument, NULL, OPT_MERGE },
	{ "new", required_argument, NULL, 'b' },
	{ "no-header", no_argument, NULL, 'H' },
	{ "old", required_argument, NULL, 'a' },
	{ "output", required_argument, NULL, 'o' },
	{ "scripts", no_argument, NULL, OPT_SCRIPTS },
	{ "state", required_argument, NULL, OPT_STATE },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* The change records' columns (portkit-output(5)). */
static const struct pk_field fields[] = {
	{ "host", PK_FT_STR, 15, "address the host is matched on" },
	{ "proto", PK_FT_STR, 5, "tcp, udp, sctp, ip" },
	{ "port", PK_FT_INT, 5, "port number" },
	{ "field", PK_FT_STR, 10, "what changed" },
	{ "old", PK_FT_STR, 12, "value in the first scan" },
	{ "new", PK_FT_STR, 12, "value in the second scan" },
	{ "change", PK_FT_STR, 7, "added, removed, changed, not-scanned" }
};
#define NFIELDS	(sizeof(fields) / sizeof(fields[0]))

static _Noreturn void
usage(void)
{
	fputs(
"Usage:\n"
" pdiff [options] old-scan new-scan\n"
" pdiff [options] -a file... -b file...\n"
"\n"
"Compare two Nmap XML, grepable or masscan scans host by host.\n"
"Files may be gzip-compressed; - reads standard input (one side only).\n"
"\n"
"Inputs:\n"
" -a, --old FILE...        files of the first (older) scan, merged per host\n"
" -b, --new FILE...        files of the second (newer) scan, merged per host\n"
"     --merge              hold the second scan too and compare at the end\n"
"                            (automatic for several files and masscan)\n"
"\n"
"Output:\n"
" -o, --output FORMAT      text, ndiff, ndiff-xml, tsv, csv or jsonl\n"
"                            (default text)\n"
" -H, --no-header          no header row (tsv, csv)\n"
"\n"
"What to compare:\n"
"     --ignore LIST        fields not to compare, e.g. version,reason\n"
"     --state open         only port changes that involve an open port\n"
"     --ignore-open-filtered  ignore open|filtered against open or closed\n"
"     --scripts            compare script output too\n"
"\n"
" -h, --help               display this help\n"
" -V, --version            display version\n"
"\n"
"Fields: host status hostname mac os extraports state reason service\n"
"product version extrainfo tunnel script scaninfo.\n"
"Exit status: 0 no differences, 1 differences, 2 trouble,\n"
"3 truncated input (differences of its complete hosts reported).\n"
"See pdiff(1).\n", stdout);
	exit(fe_close_stdout(0));
}

static void
parse_ignore(struct pdiff *pd, const char *arg)
{
	const char *p = arg, *c;
	size_t n;
	int f;

	for (;;) {
		c = strchr(p, ',');
		n = c != NULL ? (size_t)(c - p) : strlen(p);
		if ((f = pk_diff_field_parse(p, n)) < 0)
			fe_errx(2, "--ignore: unknown field \"%.*s\"", (int)n,
			    p);
		pd->dopts.ignore |= 1u << f;
		if (c == NULL)
			break;
		p = c + 1;
	}
}

static void
parse_output(struct pdiff *pd, const char *arg)
{
	if (strcmp(arg, "text") == 0)
		pd->out = OUT_TEXT;
	else if (strcmp(arg, "ndiff") == 0)
		pd->out = OUT_NDIFF;
	else if (strcmp(arg, "ndiff-xml") == 0)
		pd->out = OUT_NDIFF_XML;
	else if ((pd->rowfmt = pk_outfmt_parse(arg)) == PK_OUT_TSV ||
	    pd->rowfmt == PK_OUT_CSV || pd->rowfmt == PK_OUT_JSONL)
		pd->out = OUT_ROWS;
	else
		fe_errx(2, "unknown output format \"%s\"", arg);
}

static void
add_input(struct pdiff *pd, int side, const char *path)
{
	if (pd->nin[side] == MAX_INPUTS)
		fe_errx(2, "too many inputs (at most %d per side)",
		    MAX_INPUTS);
	pd->in[side][pd->nin[side]++] = path;
}

/* Files after -a or -b belong to that side; bare pairs are old, new. */
static void
parse_args(struct pdiff *pd, int argc, char *argv[])
{
	int ch, side = -1, bare = 0;

	while ((ch = getopt_long(argc, argv, "-a:b:Hho:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 1:
			if (side < 0)
				add_input(pd, bare++ == 0 ? 0 : 1, optarg);
			else
				add_input(pd, side, optarg);
			break;
		case 'a': side = 0; add_input(pd, 0, optarg); break;
		case 'b': side = 1; add_input(pd, 1, optarg); break;
		case 'H': pd->wflags |= PK_WR_NOHEADER; break;
		case 'o': parse_output(pd, optarg); break;
		case OPT_IGNORE: parse_ignore(pd, optarg); break;
		case OPT_IGNORE_OF: pd->dopts.flags |= PK_DIFF_IGNORE_OF; break;
		case OPT_MERGE: pd->dopts.flags |= PK_DIFF_MERGE; break;
		case OPT_SCRIPTS: pd->dopts.flags |= PK_DIFF_SCRIPTS; break;
		case OPT_STATE:
			if (strcmp(optarg, "open") != 0)
				fe_errx(2, "--state takes only \"open\", "
				    "not \"%s\"", optarg);
			pd->dopts.flags |= PK_DIFF_OPEN_ONLY;
			break;
		case 'h': usage();
		case 'V': fe_print_version();
		default: fe_tryhelp();
		}
	}
	if (bare > 2 || (bare > 0 && side >= 0))
		fe_errx(2, "give two files, or -a FILE... -b FILE...");
	if (pd->nin[0] == 0 || pd->nin[1] == 0) {
		fe_warnx("need an old and a new scan");
		fe_tryhelp();
	}
}

/*
 * A truncated input still counts with its complete hosts; any other
 * failure leaves a side incomplete, and comparing against a missing
 * half would report every host of the other as gone.
 */
static void
set_trouble(struct pdiff *pd, int rc)
{
	if (rc == PK_ERR_TRUNCATED && pd->trouble != 2)
		pd->trouble = 3;
	else if (rc != PK_ERR_TRUNCATED)
		pd->trouble = 2, pd->failed = 1;
}

static void
nomem(void)
{
	fe_errx(2, "out of memory");
}

static void
add_host(struct pdiff *pd, struct pk_reader *r, int side,
    const struct pk_host *h)
{
	int rc = pk_diff_add(pd->d, side, h);

	if (rc == PK_OK)
		return;
	if (rc == PK_ERR_NOMEM)
		nomem();
	fe_warn_at(pk_reader_name(r), h->line, "host without an address: "
	    "skipped");
	pd->trouble = 2;
}

/* Read one input to its end; first is a host already read from r. */
static void
drain(struct pdiff *pd, struct pk_reader *r, int side,
    const struct pk_host *first, int rc)
{
	const struct pk_host *h = first;

	if (rc == PK_OK) {
		add_host(pd, r, side, h);
		while ((rc = pk_reader_next(r, &h)) == PK_OK)
			add_host(pd, r, side, h);
	}
	if (rc != PK_EOF) {
		fe_warn_pkerr(pk_reader_error(r));
		set_trouble(pd, rc);
	}
	/* The hosts it never reached are not compared. */
	if (rc == PK_ERR_TRUNCATED)
		(void)pk_diff_cut(pd->d, side);
	if (pk_diff_scan(pd->d, side, pk_reader_scan(r)) != PK_OK)
		nomem();
}

static struct pk_reader *
open_input(struct pdiff *pd, const char *path)
{
	struct pk_reader *r = pk_reader_open(path, &pd->ropts);

	if (r == NULL)
		nomem();
	return r;
}

/*
 * Side B's first input is opened (and its first host read) before side A
 * is loaded, so that a masscan file turns merging on in time; that host
 * stays valid because only other readers are used meanwhile.
 */
static void
run(struct pdiff *pd)
{
	const struct pk_host *h = NULL;
	struct pk_reader *b0, *r;
	unsigned long n;
	size_t i;
	int rc;

	b0 = open_input(pd, pd->in[1][0]);
	rc = pk_reader_next(b0, &h);
	if (pd->nin[1] > 1 || pk_reader_format(b0) == PK_FMT_MASSCAN_XML ||
	    pk_reader_format(b0) == PK_FMT_MASSCAN_LIST ||
	    pk_reader_format(b0) == PK_FMT_HOSTPORT)
		pd->dopts.flags |= PK_DIFF_MERGE;
	if (pd->out == OUT_NDIFF || pd->out == OUT_NDIFF_XML)
		pd->dopts.flags |= PK_DIFF_NDIFF;
	if ((pd->d = pk_diff_new(&pd->dopts)) == NULL)
		nomem();
	for (i = 0; i < pd->nin[0]; i++) {
		const struct pk_host *ha = NULL;
		int rca;

		r = open_input(pd, pd->in[0][i]);
		rca = pk_reader_next(r, &ha);
		drain(pd, r, PK_DIFF_A, ha, rca);
		pk_reader_free(r);
	}
	drain(pd, b0, PK_DIFF_B, h, rc);
	pk_reader_free(b0);
	for (i = 1; i < pd->nin[1]; i++) {
		r = open_input(pd, pd->in[1][i]);
		rc = pk_reader_next(r, &h);
		drain(pd, r, PK_DIFF_B, h, rc);
		pk_reader_free(r);
	}
	if (pk_diff_finish(pd->d) != PK_OK)
		nomem();
	if ((n = pk_diff_unreached(pd->d)) > 0)
		fe_warnx("%lu host%s not in the truncated scan: not compared",
		    n, n == 1 ? "" : "s");
}

static void
str_value(struct pk_value *v, const char *s)
{
	v->set = s != NULL;
	v->s = s;
}

static void
write_change(struct pk_writer *w, const char *host,
    const struct pk_diff_change *c)
{
	struct pk_value v[NFIELDS];
	char field[256];

	memset(v, 0, sizeof(v));
	str_value(&v[0], host);
	str_value(&v[1], c->proto >= 0 ? pk_proto_name(c->proto) : NULL);
	v[2].set = c->port >= 0;
	v[2].i = c->port;
	if (c->field == PK_DF_SCRIPT)
		(void)snprintf(field, sizeof(field), "script:%s", c->script);
	else
		(void)snprintf(field, sizeof(field), "%s",
		    pk_diff_field_name(c->field));
	str_value(&v[3], field);
	str_value(&v[4], c->old_value);
	str_value(&v[5], c->new_value);
	str_value(&v[6], pk_diff_kind_name(c->kind));
	if (pk_writer_row(w, v) != PK_OK)
		fe_write_failed();
}

static void
write_rows(struct pdiff *pd)
{
	const struct pk_diff_host *dh;
	struct pk_writer *w;
	size_t n, i, j;

	w = pk_writer_new(stdout, pd->rowfmt, fields, NFIELDS, pd->wflags);
	if (w == NULL)
		nomem();
	dh = pk_diff_hosts(pd->d, &n);
	for (i = 0; i < n; i++)
		for (j = 0; j < dh[i].nchanges; j++)
			write_change(w, dh[i].host, &dh[i].changes[j]);
	if (pk_writer_flush(w) != PK_OK)
		fe_write_failed();
	pk_writer_free(w);
}

static void
write_out(struct pdiff *pd)
{
	static const int fmt[] = { PK_DIFF_OUT_TEXT, PK_DIFF_OUT_NDIFF,
	    PK_DIFF_OUT_NDIFF_XML };
	int rc;

	if (pd->out == OUT_ROWS) {
		write_rows(pd);
		return;
	}
	rc = pk_diff_write(pd->d, stdout, fmt[pd->out]);
	if (rc == PK_ERR_IO)
		fe_write_failed();
	if (rc != PK_OK)
		nomem();
}

int
main(int argc, char *argv[])
{
	struct pdiff pd;
	size_t n;
	int status;

	fe_setprogname(argv[0]);
	memset(&pd, 0, sizeof(pd));
	fe_read_opts_init(&pd.ropts);
	parse_args(&pd, argc, argv);
	(void)fe_stdin_once(pd.in[1], pd.nin[1],
	    fe_stdin_once(pd.in[0], pd.nin[0], 0));
	run(&pd);
	if (pd.failed) {
		pk_diff_free(pd.d);
		return fe_close_stdout(2);
	}
	write_out(&pd);
	(void)pk_diff_hosts(pd.d, &n);
	status = pd.trouble != 0 ? pd.trouble : n > 0 ? 1 : 0;
	pk_diff_free(pd.d);
	return fe_close_stdout(status);
}
