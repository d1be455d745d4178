/*
 * phist - each port's history over many scans, in the order the scans
 * were taken; with --changes every change from one scan to the next, with
 * --policy the open ports that a policy does not allow.
 *
 * Exit 0 when all went well, 2 on trouble, 3 when an input was truncated
 * (its complete hosts were used).  With --policy, like diff(1): 1 when
 * some open port is not allowed, 0 when none is.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fe/fe.h"
#include "portkit.h"

#define MAX_NETS	64

enum {
	OPT_CHANGES = CHAR_MAX + 1, OPT_HOST, OPT_IGNORE, OPT_POLICY,
	OPT_SINCE, OPT_STATE
};

static const char *const states[] = {
	"open", "closed", "filtered", "unfiltered", "open|filtered",
	"closed|filtered"
};
#define NSTATES	(sizeof(states) / sizeof(states[0]))

/* One input and the time its scan records. */
struct scanfile {
	const char	*path;
	long long	 t;
};

struct phist {
	int		 fmt;
	unsigned	 wflags;
	int		 changes;
	const char	*policy;	/* --policy FILE */
	struct pk_hist_policy *pol;
	unsigned	 statemask;	/* 0: any */
	struct pk_portset *ports;
	struct pk_net	 nets[MAX_NETS];
	size_t		 nnets;
	long long	 since;
	int		 has_since;
	struct pk_hist_opts hopts;
	struct pk_read_opts ropts;	/* no merging: hist joins records */
	struct scanfile	*scans;
	size_t		 nscans;
	/* Standard input is read once: kept open from the first pass. */
	struct pk_reader *in;
	const struct pk_host *in_host;
	int		 in_rc;
	struct pk_hist	*hs;
	struct pk_writer *w;
	int		 trouble;	/* 2 or 3 once something went wrong */
	unsigned long	 found;		/* ports the policy does not allow */
};

static const struct option longopts[] = {
	{ "changes", no_argument, NULL, OPT_CHANGES },
	{ "help", no_argument, NULL, 'h' },
	{ "host", required_argument, NULL, OPT_HOST },
	{ "ignore", required_argument, NULL, OPT_IGNORE },
	{ "no-header", no_argument, NULL, 'H' },
	{ "output", required_argument, NULL, 'o' },
	{ "policy", required_argument, NULL, OPT_POLICY },
	{ "ports", required_argument, NULL, 'p' },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "state", required_argument, NULL, OPT_STATE },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(void)
{
	fputs(
"Usage:\n"
" phist [options] scan...\n"
"\n"
"Follow each port that any of the Nmap XML, grepable or masscan scans\n"
"found open through all of them, in the order the scans were taken.\n"
"Files may be gzip-compressed; - reads standard input.\n"
"\n"
"What to print:\n"
"     --changes            every change from one scan to the next\n"
"     --policy FILE        open ports the policy does not allow\n"
"                            (portkit-policy(5))\n"
"     --ignore LIST        with --changes: fields not to compare\n"
"\n"
"Output:\n"
" -o, --output FORMAT      text, tsv, csv or jsonl (default text)\n"
" -H, --no-header          no header row\n"
"\n"
"Filters:\n"
"     --state LIST         states in the latest scan, e.g. open,filtered\n"
"                            (--changes: open only)\n"
" -p, --ports SPEC         ports in nmap -p syntax, e.g. T:22,80,U:53\n"
"     --host ADDR[/LEN]    hosts with an address in this network\n"
"     --since DATE         scans taken at DATE or later (UTC),\n"
"                            e.g. 2024-03-01 or 2024-03-01T12:00\n"
"\n"
" -h, --help               display this help\n"
" -V, --version            display version\n"
"\n"
"Exit status: 0 ok, 1 with --policy: ports not allowed, 2 trouble,\n"
"3 truncated input (its complete hosts were used).\n"
"See phist(1) and portkit-policy(5).\n", stdout);
	exit(fe_close_stdout(0));
}

/* Call fn for each item of a comma-separated list. */
static void
each_item(struct phist *ph, const char *arg,
    void (*fn)(struct phist *, const char *, size_t))
{
	const char *c;

	for (; (c = strchr(arg, ',')) != NULL; arg = c + 1)
		fn(ph, arg, (size_t)(c - arg));
	fn(ph, arg, strlen(arg));
}

static void
add_state(struct phist *ph, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < NSTATES; i++)
		if (strlen(states[i]) == n && memcmp(states[i], p, n) == 0)
			break;
	if (i == NSTATES)
		fe_errx(2, "unknown port state \"%.*s\"", (int)n, p);
	ph->statemask |= 1u << i;
}

static void
add_ignore(struct phist *ph, const char *p, size_t n)
{
	int f;

	if ((f = pk_diff_field_parse(p, n)) < 0)
		fe_errx(2, "--ignore: unknown field \"%.*s\"", (int)n, p);
	ph->hopts.diff.ignore |= 1u << f;
}

static void
parse_ports(struct phist *ph, const char *arg)
{
	struct pk_error err;

	if (ph->ports == NULL && (ph->ports = pk_portset_new()) == NULL)
		fe_nomem();
	if (pk_portspec_parse(ph->ports, arg, (1u << PK_PROTO_COUNT) - 1,
	    &err) != PK_OK)
		fe_errx(2, "-p: %s", err.msg);
}

static void
parse_host(struct phist *ph, const char *arg)
{
	if (ph->nnets == MAX_NETS)
		fe_errx(2, "too many --host options (at most %d)", MAX_NETS);
	if (pk_net_parse(&ph->nets[ph->nnets++], arg) != PK_OK)
		fe_errx(2, "--host: bad address or network \"%s\"", arg);
}

static void
parse_output(struct phist *ph, const char *arg)
{
	ph->fmt = pk_outfmt_parse(arg);
	if (ph->fmt != PK_OUT_TEXT && ph->fmt != PK_OUT_TSV &&
	    ph->fmt != PK_OUT_CSV && ph->fmt != PK_OUT_JSONL)
		fe_errx(2, "unknown output format \"%s\"", arg);
}

/* Options that make no sense together, and --state for --changes. */
static void
check_args(struct phist *ph, int ignore)
{
	if (ph->changes && ph->policy != NULL)
		fe_errx(2, "--changes and --policy cannot be combined");
	if (ignore && !ph->changes)
		fe_errx(2, "--ignore applies to --changes only");
	if (ph->changes && ph->statemask != 0) {
		if (ph->statemask != 1u)
			fe_errx(2, "--changes takes only --state open");
		ph->hopts.diff.flags |= PK_DIFF_OPEN_ONLY;
	}
	if (ph->changes)
		ph->hopts.flags |= PK_HIST_CHANGES;
}

static int
parse_args(struct phist *ph, int argc, char *argv[])
{
	int ch, ignore = 0;

	while ((ch = getopt_long(argc, argv, "Hho:p:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'H': ph->wflags |= PK_WR_NOHEADER; break;
		case 'o': parse_output(ph, optarg); break;
		case 'p': parse_ports(ph, optarg); break;
		case OPT_CHANGES: ph->changes = 1; break;
		case OPT_HOST: parse_host(ph, optarg); break;
		case OPT_IGNORE:
			each_item(ph, optarg, add_ignore);
			ignore = 1;
			break;
		case OPT_POLICY: ph->policy = optarg; break;
		case OPT_SINCE:
			if (pk_hist_time_parse(optarg, &ph->since) != PK_OK)
				fe_errx(2, "--since: bad date \"%s\" (e.g. "
				    "2024-03-01 or 2024-03-01T12:00)", optarg);
			ph->has_since = 1;
			break;
		case OPT_STATE: each_item(ph, optarg, add_state); break;
		case 'h': usage();
		case 'V': fe_print_version();
		default: fe_tryhelp();
		}
	}
	check_args(ph, ignore);
	if (optind >= argc) {
		fe_warnx("no scan given");
		fe_tryhelp();
	}
	return optind;
}

/* --- Ordering the scans by the time each records ------------------------ */

/*
 * Read up to the first host: the scan's time is known by then.  Readers
 * do not merge: the engine joins a host's records within a scan.
 */
static void
take_time(struct phist *ph, const char *path)
{
	struct pk_read_opts ro = ph->ropts;
	struct pk_reader *r;
	int rc;
	const struct pk_host *h;
	struct scanfile *s;
	long long t;

	/* A file is read again, which warns: not twice of one file. */
	if (strcmp(path, "-") != 0)
		ro.warn = NULL;
	r = fe_reader_open(path, &ro);
	rc = pk_reader_next(r, &h);
	if ((t = pk_hist_scan_time(pk_reader_scan(r))) < 0) {
		if (rc != PK_OK && rc != PK_EOF)
			fe_warn_pkerr(pk_reader_error(r));
		else
			fe_warn_at(pk_reader_name(r), 0, "no scan start time: "
			    "cannot place it in the series");
		ph->trouble = 2;
		pk_reader_free(r);
		return;
	}
	s = &ph->scans[ph->nscans++];
	s->path = path;
	s->t = t;
	if (strcmp(path, "-") != 0) {
		pk_reader_free(r);
		return;
	}
	ph->in = r;
	ph->in_host = h;
	ph->in_rc = rc;
}

/* Never the order of the arguments: the time, then the name. */
static int
scan_cmp(const void *x, const void *y)
{
	const struct scanfile *a = x, *b = y;

	if (a->t != b->t)
		return a->t < b->t ? -1 : 1;
	return strcmp(a->path, b->path);
}

/* --- Output ----------------------------------------------------------------- */

static void
write_change(struct phist *ph, const char *time, const char *host,
    const struct pk_diff_change *c)
{
	struct pk_value v[8];
	char field[256];

	if (ph->ports != NULL && (c->port < 0 ||
	    !pk_portset_has(ph->ports, c->proto, (unsigned)c->port)))
		return;
	pk_hist_change_values(time, host, c, v, field, sizeof(field));
	if (pk_writer_row(ph->w, v) != PK_OK)
		fe_write_failed();
}

static void
write_changes(struct phist *ph, long long t)
{
	const struct pk_diff_host *dh;
	char time[32];
	size_t n, i, j;

	dh = pk_hist_changes(ph->hs, &n);
	(void)pk_hist_time_format(t, time, sizeof(time));
	for (i = 0; i < n; i++)
		for (j = 0; j < dh[i].nchanges; j++)
			write_change(ph, time, dh[i].host, &dh[i].changes[j]);
}

/* --- Reading the scans in order ------------------------------------------ */

static int
host_selected(const struct phist *ph, const struct pk_host *h)
{
	size_t i, j;

	if (ph->nnets == 0)
		return 1;
	for (i = 0; i < ph->nnets; i++)
		for (j = 0; j < h->naddrs; j++)
			if (h->addrs[j].type != PK_ADDR_MAC &&
			    pk_net_contains(&ph->nets[i], h->addrs[j].addr))
				return 1;
	return 0;
}

static void
add_host(struct phist *ph, struct pk_reader *r, const struct pk_host *h)
{
	int rc;

	if (!host_selected(ph, h))
		return;
	if ((rc = pk_hist_add(ph->hs, h)) == PK_OK)
		return;
	if (rc == PK_ERR_NOMEM)
		fe_nomem();
	fe_warn_at(pk_reader_name(r), h->line, "host without an address: "
	    "skipped");
	ph->trouble = 2;
}

static void
read_scan(struct phist *ph, const struct scanfile *s)
{
	const struct pk_host *h = NULL;
	struct pk_reader *r;
	int rc;

	if (strcmp(s->path, "-") == 0) {
		r = ph->in;
		h = ph->in_host;
		rc = ph->in_rc;
		ph->in = NULL;
	} else {
		r = fe_reader_open(s->path, &ph->ropts);
		rc = pk_reader_next(r, &h);
	}
	if (pk_hist_begin(ph->hs, s->t) != PK_OK)
		fe_nomem();
	for (; rc == PK_OK; rc = pk_reader_next(r, &h))
		add_host(ph, r, h);
	/* A truncated scan still counts with its complete hosts. */
	if (rc != PK_EOF) {
		fe_warn_pkerr(pk_reader_error(r));
		if (rc != PK_ERR_TRUNCATED)
			ph->trouble = 2;
		else if (ph->trouble != 2)
			ph->trouble = 3;
	}
	if (pk_hist_end(ph->hs, pk_reader_scan(r)) != PK_OK)
		fe_nomem();
	pk_reader_free(r);
	if (ph->changes)
		write_changes(ph, s->t);
}

static int
state_selected(const struct phist *ph, const char *state)
{
	size_t i;

	if (ph->statemask == 0)
		return 1;
	for (i = 0; state != NULL && i < NSTATES; i++)
		if (strcmp(states[i], state) == 0)
			return (ph->statemask & (1u << i)) != 0;
	return 0;
}

/* With --policy: an open port the policy does not allow. */
static int
violates(struct phist *ph, const struct pk_hist_rec *r)
{
	int rc;

	if (r->state == NULL || strcmp(r->state, "open") != 0)
		return 0;
	rc = pk_hist_policy_allows(ph->pol, r->host, r->proto, r->port,
	    r->service);
	if (rc >= 0)
		return rc == 0;
	fe_warnx("%s: %s %u/%s: a service pattern gave up (match limit): "
	    "reported as not allowed", ph->policy, r->host, r->port,
	    pk_proto_name(r->proto));
	ph->trouble = 2;
	return 1;
}

static void
write_histories(struct phist *ph)
{
	const struct pk_hist_rec *r;
	struct pk_value v[16];
	int rc;

	while ((rc = pk_hist_next(ph->hs, &r)) == PK_OK) {
		if ((ph->ports != NULL &&
		    !pk_portset_has(ph->ports, r->proto, r->port)) ||
		    !state_selected(ph, r->state))
			continue;
		if (ph->pol != NULL && !violates(ph, r))
			continue;
		ph->found++;
		pk_hist_values(r, v);
		if (pk_writer_row(ph->w, v) != PK_OK)
			fe_write_failed();
	}
	if (rc != PK_EOF)
		fe_nomem();
}

/* The policy, the engine and the writer, before any scan is read. */
static void
start(struct phist *ph, size_t nscans)
{
	const struct pk_field *f;
	struct pk_error err;
	size_t n;

	memset(&err, 0, sizeof(err));
	if (ph->policy != NULL &&
	    (ph->pol = pk_hist_policy_load(ph->policy, &err)) == NULL) {
		fe_warn_pkerr(&err);
		exit(2);
	}
	f = ph->changes ? pk_hist_change_fields(&n) : pk_hist_fields(&n);
	if ((ph->scans = calloc(nscans, sizeof(*ph->scans))) == NULL ||
	    (ph->hs = pk_hist_new(&ph->hopts)) == NULL ||
	    (ph->w = pk_writer_new(stdout, ph->fmt, f, n, ph->wflags)) == NULL)
		fe_nomem();
}

int
main(int argc, char *argv[])
{
	struct phist ph;
	size_t i;
	int first, status;

	fe_setprogname(argv[0]);
	memset(&ph, 0, sizeof(ph));
	fe_read_opts_init(&ph.ropts);
	first = parse_args(&ph, argc, argv);
	(void)fe_stdin_once((const char *const *)argv + first,
	    (size_t)(argc - first), ph.policy != NULL &&
	    strcmp(ph.policy, "-") == 0);
	start(&ph, (size_t)(argc - first));
	for (i = 0; i < (size_t)(argc - first); i++)
		take_time(&ph, argv[first + (int)i]);
	qsort(ph.scans, ph.nscans, sizeof(*ph.scans), scan_cmp);
	for (i = 0; i < ph.nscans; i++)
		if (!ph.has_since || ph.scans[i].t >= ph.since)
			read_scan(&ph, &ph.scans[i]);
	if (!ph.changes)
		write_histories(&ph);
	if (pk_writer_flush(ph.w) != PK_OK)
		fe_write_failed();
	status = ph.trouble != 0 ? ph.trouble :
	    ph.pol != NULL && ph.found > 0 ? 1 : 0;
	pk_reader_free(ph.in);
	pk_writer_free(ph.w);
	pk_hist_free(ph.hs);
	pk_hist_policy_free(ph.pol);
	pk_portset_free(ph.ports);
	free(ph.scans);
	return fe_close_stdout(status);
}
