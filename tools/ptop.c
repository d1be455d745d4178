/*
 * ptop - the ports nmap --top-ports would scan, and the ports open in
 * your own scans, ranked.
 *
 * Mode 1 (no operand) reads nmap-services and prints nmap 7.93's exact
 * choice for --top-ports N or --port-ratio R.  Mode 2 streams scans and
 * ranks ports (services, products) by the number of distinct up hosts
 * where they are open; --counts and --merge split that work over shards.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "fe/fe.h"

#define EXIT_TRUNC	3		/* a scan ended early */

enum {
	OPT_ASSUME_DISTINCT = CHAR_MAX + 1,
	OPT_RATIO,
	OPT_COVERAGE,
	OPT_PROTO,
	OPT_BY,
	OPT_STATE,
	OPT_PER_SCAN,
	OPT_COUNTS,
	OPT_MERGE,
	OPT_SERVICES,
	OPT_DATADIR,
	OPT_PORT_TABLE
};

struct cfg {
	long		 top;		/* -n; 0 when not given */
	double		 ratio;		/* --ratio; -1 when not given */
	double		 coverage;	/* --coverage; -1 when not given */
	int		 proto;		/* -1: all */
	int		 proto_set;
	int		 spec;		/* -o spec */
	enum pk_outfmt	 fmt;
	unsigned	 wflags;
	int		 by;
	unsigned	 states;
	int		 per_scan;
	int		 counts;
	int		 merge;
	int		 distinct;	/* --assume-distinct */
	const char	*services;
	const char	*datadir;
	int		 verbose;
	struct pk_services *svc;	/* NULL when none could be loaded */
	int		 svc_tried;	/* load_services was called */
	const char	*port_table;	/* --port-table FILE */
	struct pk_ports	*ports;		/* --by category's table */
};

static const struct option longopts[] = {
	{ "assume-distinct", no_argument,	NULL, OPT_ASSUME_DISTINCT },
	{ "by",		required_argument,	NULL, OPT_BY },
	{ "counts",	no_argument,		NULL, OPT_COUNTS },
	{ "coverage",	required_argument,	NULL, OPT_COVERAGE },
	{ "datadir",	required_argument,	NULL, OPT_DATADIR },
	{ "help",	no_argument,		NULL, 'h' },
	{ "merge",	no_argument,		NULL, OPT_MERGE },
	{ "no-header",	no_argument,		NULL, 'H' },
	{ "output",	required_argument,	NULL, 'o' },
	{ "per-scan",	no_argument,		NULL, OPT_PER_SCAN },
	{ "port-table",	required_argument,	NULL, OPT_PORT_TABLE },
	{ "proto",	required_argument,	NULL, OPT_PROTO },
	{ "ratio",	required_argument,	NULL, OPT_RATIO },
	{ "services",	required_argument,	NULL, OPT_SERVICES },
	{ "state",	required_argument,	NULL, OPT_STATE },
	{ "top",	required_argument,	NULL, 'n' },
	{ "verbose",	no_argument,		NULL, 'v' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 }
};

static _Noreturn void
usage(void)
{
	fputs(
"\nUsage:\n"
" ptop [options] [-n N | --ratio R | --coverage SHARE]\n"
" ptop [options] scan...\n"
" ptop [options] --merge counts...\n"
"\nRank ports: those nmap would scan for its top ports (no scan given), or\n"
"those open on the most hosts of your scans.\n"
"\nOptions:\n"
" -n, --top N              the N most frequent ports per protocol\n"
"                            (default 1000), or the first N rows of a ranking\n"
"     --ratio R            ports whose open-frequency is at least R\n"
"                            (nmap's port ratio)\n"
"     --coverage SHARE     the fewest ports covering SHARE of the\n"
"                            open-frequency mass\n"
"     --proto PROTO        tcp, udp, sctp or all (default tcp)\n"
"     --by KEY             rank scans by port, service, product or\n"
"                            category\n"
"     --state LIST         port states that count (default open)\n"
"     --per-scan           rank each scan on its own\n"
"     --assume-distinct    no host is in two records: keep no host table\n"
"     --counts             write partial counts for --merge\n"
"     --merge              sum the partial counts in the files named\n"
" -o, --output FORMAT      text, tsv, csv, jsonl or spec (default text)\n"
" -H, --no-header          leave out the header row\n"
"     --services FILE      the nmap-services file to read\n"
"     --datadir DIR        look for nmap-services in DIR first\n"
"     --port-table FILE    lines over the installed port-categories\n"
" -v, --verbose            say which nmap-services file is read\n"
"\n"
" -h, --help               display this help\n"
" -V, --version            display version\n"
"\nSee ptop(1).\n", stdout);
	exit(fe_close_stdout(0));
}

/* --- The services database ---------------------------------------------- */

/*
 * Mode 1 cannot work without nmap-services; mode 2 only loses the
 * registered names and the lift, so a file that cannot be found there is
 * not an error (one named with --services or --datadir still is).
 */
static int
services_report(struct cfg *c, struct pk_error *err, int required)
{
	if (c->svc != NULL) {
		if (c->verbose)
			fe_warnx("using %s", pk_services_name(c->svc));
		return 0;
	}
	if (err->file != NULL)		/* found, but bad or unreadable */
		fe_warn_pkerr(err);
	else if (!required && c->datadir == NULL) {
		if (c->verbose)
			fe_warnx("no nmap-services: %s", err->msg);
		return 0;
	} else
		fe_warnx("%s", err->msg);
	return 2;
}

/* Load nmap-services; given rk, keep only the entries it will name. */
static int
load_services(struct cfg *c, int required, const struct pk_rank *rk)
{
	struct pk_portset *want = NULL;
	struct pk_error err;

	c->svc_tried = 1;
	if (rk != NULL && (want = pk_rank_ports(rk)) == NULL)
		fe_nomem();
	memset(&err, 0, sizeof(err));
	c->svc = pk_services_open_ports(c->services, c->datadir, NULL, want,
	    &err);
	pk_portset_free(want);
	return services_report(c, &err, required);
}

/*
 * Mode 2 needs nmap-services only to name the ranked ports: it is read
 * when the first ranking is printed, for a single ranking only its
 * ports' entries (bench/README.md: a thread cost more than it saved).
 * With --services, --datadir or -v it is read first, so that what is
 * said of it comes first.
 */
static int
rank_services(struct cfg *c, const struct pk_rank *rk)
{
	return c->svc_tried ? 0 : load_services(c, 0, rk);
}

/* The table of mode 1 (nmap's choice) or of mode 2 (a ranking). */
static struct pk_writer *
new_writer(const struct cfg *c, int ranking)
{
	const struct pk_field *f;
	struct pk_writer *w;
	size_t n;

	f = ranking ? pk_rank_fields(c->by, c->per_scan, &n) :
	    pk_services_top_fields(&n);
	if ((w = pk_writer_new(stdout, c->fmt, f, n, c->wflags)) == NULL)
		fe_nomem();
	return w;
}

/* --- Mode 1: what nmap would scan ------------------------------------- */

static int
run_top(struct cfg *c)
{
	struct pk_writer *w;
	int by = c->ratio >= 0 ? PK_TOP_RATIO : c->coverage >= 0 ?
	    PK_TOP_COVERAGE : PK_TOP_COUNT, st;
	double arg = by == PK_TOP_RATIO ? c->ratio : by == PK_TOP_COVERAGE ?
	    c->coverage : (double)c->top;
	char *s;

	if ((st = load_services(c, 1, NULL)) != 0)
		return st;
	if (c->spec) {
		s = pk_services_top_spec(c->svc, c->proto, by, arg);
		if (s == NULL)
			fe_nomem();
		puts(s);
		free(s);
	} else {
		w = new_writer(c, 0);
		if (pk_services_top_write(c->svc, c->proto, by, arg, w) != PK_OK)
			st = 2;
		if (pk_writer_flush(w) != PK_OK)
			st = 2;
		pk_writer_free(w);
	}
	pk_services_free(c->svc);
	return st;
}

/* --- Mode 2: what is open in your scans -------------------------------- */

static int
rank_print(struct cfg *c, struct pk_rank *rk, const char *scan,
    struct pk_writer *w)
{
	int rc = pk_rank_write(rk, c->svc, scan, (size_t)c->top, w);

	if (rc == PK_ERR_NOMEM)
		fe_nomem();
	return rc == PK_OK ? 0 : 2;
}

static const char *const tracking_text[] = {
	[PK_RANK_TRACKED] = "hosts tracked",
	[PK_RANK_DISTINCT] = "hosts assumed distinct",
	[PK_RANK_ONE_RUN] = "one nmap run: hosts not tracked"
};

/* Count one scan into rk; returns 0, 2 (trouble) or 3 (truncated). */
static int
count_scan(struct cfg *c, struct pk_rank *rk, const char *path,
    unsigned flags)
{
	struct pk_rank_input in;
	struct pk_read_opts ro;
	struct pk_error err;
	int rc;

	fe_read_opts_init(&ro);
	rc = pk_rank_add_file(rk, path, flags, &ro, &in, &err);
	if (rc == PK_ERR_NOMEM)
		fe_nomem();
	if (rc != PK_OK)
		fe_warn_pkerr(&err);
	if (c->verbose)
		fe_warnx("%s: %lu hosts read, %lu up hosts counted, %lu "
		    "repeats merged, %s, %zu bytes held", in.name, in.records,
		    pk_rank_hosts(rk), pk_rank_duplicates(rk),
		    tracking_text[in.tracking], pk_rank_memory(rk));
	return rc == PK_OK ? 0 : rc == PK_ERR_TRUNCATED ? EXIT_TRUNC : 2;
}

/* The worse of two exit statuses: 2 (trouble) beats 3 (truncated). */
static int
worse(int a, int b)
{
	return a == 2 || b == 2 ? 2 : a > b ? a : b;
}

static struct pk_rank *
new_rank(const struct cfg *c)
{
	struct pk_rank *rk = pk_rank_new(c->by, c->states);

	if (rk == NULL)
		fe_nomem();
	if (c->distinct)
		(void)pk_rank_set_distinct(rk, 1);
	pk_rank_set_ports(rk, c->ports);
	return rk;
}

/*
 * Count the scan (merge the counts) at path into rk.  A ranking of a
 * single scan may skip host tracking (PK_RANK_ALONE); counts keep it,
 * so that their merge can refuse overlaps.
 */
static int
add_one(struct cfg *c, struct pk_rank *rk, const char *path, int alone)
{
	struct pk_error err;

	if (!c->merge)
		return count_scan(c, rk, path,
		    alone && !c->counts ? PK_RANK_ALONE : 0);
	if (pk_rank_merge(rk, path, &err) == PK_OK)
		return 0;
	fe_warn_pkerr(&err);
	return 2;
}

static int
run_rank(struct cfg *c, int argc, char *argv[])
{
	struct pk_writer *w = NULL;
	struct pk_rank *rk = NULL;
	int i, st = 0, bad = 0;

	if (!c->counts && (c->verbose || c->services != NULL ||
	    c->datadir != NULL) && load_services(c, 0, NULL) != 0)
		return 2;
	if (!c->counts)
		w = new_writer(c, 1);
	for (i = 0; i < argc; i++) {
		if (rk == NULL)
			rk = new_rank(c);
		st = worse(st, add_one(c, rk, argv[i],
		    argc == 1 || c->per_scan));
		if (c->per_scan) {
			if ((bad = rank_services(c, NULL)) != 0)
				break;
			st = worse(st, rank_print(c, rk, argv[i], w));
			pk_rank_free(rk);
			rk = NULL;
		}
	}
	if (bad == 0 && !c->counts)
		bad = rank_services(c, rk);
	/*
	 * Without the services the table would lack names; a partial sum
	 * would pass for the answer: print nothing.
	 */
	if (bad != 0 || (c->merge && st != 0))
		st = worse(st, bad);
	else if (c->counts && pk_rank_write_counts(rk, stdout) != PK_OK)
		st = 2;
	else if (!c->per_scan && !c->counts)
		st = worse(st, rank_print(c, rk, NULL, w));
	if (w != NULL && pk_writer_flush(w) != PK_OK)
		st = 2;
	pk_writer_free(w);
	pk_rank_free(rk);
	pk_services_free(c->svc);
	return st;
}

/* --- Options ------------------------------------------------------------ */

static void
parse_output(struct cfg *c, const char *s)
{
	int f;

	if ((c->spec = strcmp(s, "spec") == 0) != 0)	/* the last -o wins */
		return;
	f = pk_outfmt_parse(s);
	if (f != PK_OUT_TEXT && f != PK_OUT_TSV && f != PK_OUT_CSV &&
	    f != PK_OUT_JSONL)
		fe_errx(2, "invalid output format: '%s' (text, tsv, csv, "
		    "jsonl or spec)", s);
	c->fmt = (enum pk_outfmt)f;
}

static void
parse_option(struct cfg *c, int ch)
{
	switch (ch) {
	case 'n':
		c->top = (long)fe_parse_ulong(optarg, 1, 65536, "count");
		break;
	case OPT_RATIO:
		c->ratio = fe_parse_double(optarg, 0, 1, "ratio");
		if (c->ratio >= 1)
			fe_errx(2, "ratio out of range: '%s' (must be at "
			    "least 0 and below 1, as nmap --port-ratio)",
			    optarg);
		break;
	case OPT_COVERAGE:
		c->coverage = fe_parse_double(optarg, 0, 1, "coverage");
		break;
	case OPT_PROTO:
		c->proto_set = 1;
		if (strcmp(optarg, "all") == 0)
			c->proto = -1;
		else if ((c->proto = pk_proto_parse(optarg)) < 0 ||
		    c->proto > PK_PROTO_SCTP)
			fe_errx(2, "invalid protocol: '%s' (tcp, udp, sctp "
			    "or all)", optarg);
		break;
	case OPT_BY:
		if ((c->by = pk_rank_key_parse(optarg)) < 0)
			fe_errx(2, "invalid key: '%s' (port, service, "
			    "product or category)", optarg);
		break;
	case OPT_STATE:
		if (pk_rank_states_parse(optarg, &c->states) != PK_OK)
			fe_errx(2, "invalid state list: '%s'", optarg);
		break;
	case 'o':
		parse_output(c, optarg);
		break;
	default:
		fe_tryhelp();
	}
}

static void
parse_flag(struct cfg *c, int ch)
{
	switch (ch) {
	case OPT_PER_SCAN:
		c->per_scan = 1;
		break;
	case OPT_ASSUME_DISTINCT:
		c->distinct = 1;
		break;
	case OPT_COUNTS:
		c->counts = 1;
		break;
	case OPT_MERGE:
		c->merge = 1;
		break;
	case OPT_SERVICES:
		c->services = optarg;
		break;
	case OPT_DATADIR:
		c->datadir = optarg;
		break;
	case OPT_PORT_TABLE:
		c->port_table = optarg;
		break;
	case 'H':
		c->wflags |= PK_WR_NOHEADER;
		break;
	case 'v':
		c->verbose = 1;
		break;
	case 'h':
		usage();
	case 'V':
		fe_print_version();
	default:
		parse_option(c, ch);
	}
}

/* Options that only make sense in one mode, or not together. */
static void
check_modes(const struct cfg *c, int nargs)
{
	int sel = (c->top > 0) + (c->ratio >= 0) + (c->coverage >= 0);

	if (nargs == 0 && (c->counts || c->merge))
		fe_errx(2, "--%s needs files", c->counts ? "counts" : "merge");
	if (nargs == 0 && sel > 1)
		fe_errx(2, "-n, --ratio and --coverage are exclusive");
	if (nargs == 0 && c->coverage == 0)
		fe_errx(2, "coverage out of range: '0' (must be above 0)");
	if (nargs == 0)
		return;
	if (c->ratio >= 0 || c->coverage >= 0 || c->spec || c->proto_set)
		fe_errx(2, "--ratio, --coverage, --proto and -o spec describe "
		    "nmap-services: they take no scan");
	if (c->counts + c->merge + c->per_scan > 1)
		fe_errx(2, "--counts, --merge and --per-scan are exclusive");
}

int
main(int argc, char *argv[])
{
	struct cfg c;
	int ch;

	fe_setprogname(argv[0]);
	memset(&c, 0, sizeof(c));
	c.ratio = c.coverage = -1;
	c.fmt = PK_OUT_TEXT;
	c.by = PK_RANK_PORT;
	c.states = 1;			/* open */
	while ((ch = getopt_long(argc, argv, "Hhn:o:Vv", longopts,
	    NULL)) != -1)
		parse_flag(&c, ch);
	argc -= optind;
	argv += optind;
	check_modes(&c, argc);
	if (argc == 0) {
		if (c.top == 0 && c.ratio < 0 && c.coverage < 0)
			c.top = 1000;	/* nmap's default scan */
		return fe_close_stdout(run_top(&c));
	}
	/* Counts to merge were counted by category already. */
	if (c.by == PK_RANK_CATEGORY && !c.merge)
		c.ports = fe_ports_open(NULL, c.port_table, 1);
	ch = run_rank(&c, argc, argv);
	pk_ports_free(c.ports);
	return fe_close_stdout(ch);
}
