/*
 * pcat - print scans as text, TSV, CSV, JSON Lines, Markdown or
 * host:port lists, one record per port (or per host), with filters.
 *
 * Like grep(1): exit 0 when something was printed, 1 when nothing
 * matched, 2 on trouble, and 3 when an input was truncated but its
 * complete hosts were printed.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fe/fe.h"
#include "portkit.h"

#define MAX_NETS	64
#define MAX_MATCHES	16

enum {
	OPT_LIST_FIELDS = CHAR_MAX + 1, OPT_HOSTS, OPT_STATE, OPT_PROTO,
	OPT_HOST, OPT_SERVICE, OPT_MATCH, OPT_UP, OPT_EXPAND, OPT_MERGE,
	OPT_CSV_SAFE, OPT_NETDB, OPT_SERVICES, OPT_DUP_HOSTS, OPT_SCRIPTS,
	OPT_CATEGORY, OPT_PORT_TABLE
};

/* What the records of this run are; one writer, one kind of columns. */
enum kind {
	K_NONE = -1,			/* no input read yet */
	K_PORT = PK_REC_PORT,
	K_HOST = PK_REC_HOST,
	K_SCRIPT = PK_REC_SCRIPT,	/* --scripts */
	K_SOCK = 3			/* ss or lsof dumps */
};

/* jsonl script records carry the tree as well as the text. */
static const char scripts_jsonl[] = "host,proto,port,script,output,elements";

struct pcat {
	int		 fmt;
	unsigned	 wrflags;	/* --hosts, --expand-extraports */
	unsigned	 wflags;
	const char	*fields;
	struct pk_filter *filt;		/* --state, -p, --host, ... */
	size_t		 nnets;		/* --host options given */
	const char	*matches[MAX_MATCHES];	/* --match FIELD=REGEX */
	size_t		 nmatches;
	struct pk_read_opts ropts;
	struct pk_sock_opts sopts;
	const char	*services;	/* --services FILE */
	struct pk_services *svc;	/* loaded for the first dump */
	int		 svc_tried;
	int		 kind;		/* enum kind */
	struct pk_rowctx *row;
	struct pk_sockrow *srow;
	struct pk_writer *w;
	int		 trouble;	/* 2 or 3 once something went wrong */
	int		 stopped;	/* a pattern hit its limit: no more */
	const char	*file;		/* name of the input being read */
	const char	*category;	/* --category LIST */
	const char	*port_table;	/* --port-table FILE */
	struct pk_ports	*ports;		/* loaded when something needs it */
	int		 ports_tried;
};

static const struct option longopts[] = {
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "csv-safe", no_argument, NULL, OPT_CSV_SAFE },
	{ "dup-hosts", no_argument, NULL, OPT_DUP_HOSTS },
	{ "expand-extraports", no_argument, NULL, OPT_EXPAND },
	{ "fields", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "host", required_argument, NULL, OPT_HOST },
	{ "hosts", no_argument, NULL, OPT_HOSTS },
	{ "list-fields", optional_argument, NULL, OPT_LIST_FIELDS },
	{ "match", required_argument, NULL, OPT_MATCH },
	{ "merge", no_argument, NULL, OPT_MERGE },
	{ "netdb", no_argument, NULL, OPT_NETDB },
	{ "no-header", no_argument, NULL, 'H' },
	{ "output", required_argument, NULL, 'o' },
	{ "port-table", required_argument, NULL, OPT_PORT_TABLE },
	{ "ports", required_argument, NULL, 'p' },
	{ "proto", required_argument, NULL, OPT_PROTO },
	{ "scripts", no_argument, NULL, OPT_SCRIPTS },
	{ "service", required_argument, NULL, OPT_SERVICE },
	{ "services", required_argument, NULL, OPT_SERVICES },
	{ "state", required_argument, NULL, OPT_STATE },
	{ "up", no_argument, NULL, OPT_UP },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(void)
{
	fputs(
"Usage:\n"
" pcat [options] [file ...]\n"
"\n"
"Print Nmap XML, grepable and normal output, masscan scans and host:port\n"
"lists, one record per port, or ss, lsof and netstat dumps, one record per\n"
"socket.  Files may be gzip-compressed; none or - reads standard input.\n"
"\n"
"Output:\n"
" -o, --output FORMAT     text, tsv, csv, jsonl, md or list (default text)\n"
" -f, --fields LIST       fields to print, comma-separated, or all\n"
" -H, --no-header         no header row\n"
"     --hosts             one record per host instead of per port\n"
"     --scripts           one record per script result (and banner)\n"
"     --list-fields[=KIND] print every field of ports, hosts, scripts\n"
"                         or sockets\n"
"     --csv-safe          neutralise spreadsheet formulas in csv\n"
"\n"
"Filters:\n"
"     --state LIST        port or socket states, e.g. open,open|filtered\n"
" -p, --ports SPEC        ports in nmap -p syntax, e.g. T:22,80,U:53\n"
"     --proto LIST        tcp, udp, sctp, ip\n"
"     --host ADDR[/LEN]   hosts with an address in this network\n"
"     --service REGEX     service names matching a PCRE2 pattern\n"
"     --category LIST     ports in one of these categories, e.g.\n"
"                         database,remote-access\n"
"     --match FIELD=REGEX records whose field matches a PCRE2 pattern\n"
"     --up                hosts that are up only\n"
"     --expand-extraports also print ports folded into extraports\n"
"     --merge             masscan: one host per address\n"
"     --dup-hosts         warn of hosts listed twice (keeps every address)\n"
"\n"
"Socket dumps:\n"
"     --services FILE     nmap-services file for port names in dumps\n"
"     --netdb             also resolve port names through /etc/services\n"
"\n"
"Port table:\n"
"     --port-table FILE   lines over the installed port-categories\n"
"\n"
" -h, --help              display this help\n"
" -V, --version           display version\n"
"\n"
"Exit status: 0 records printed, 1 nothing matched, 2 trouble,\n"
"3 truncated input (its complete hosts were printed).\n"
"See pcat(1) and portkit-output(5).\n", stdout);
	exit(fe_close_stdout(0));
}

static void
list_fields(int kind)
{
	const struct pk_field *f;
	size_t n;

	f = kind == K_SOCK ? pk_sock_fields(&n) : pk_record_fields(kind, &n);
	fe_list_fields(f, n);
}

/*
 * A pattern PCRE2 gave up on: the answer would be missing records, so
 * pcat stops there (exit 2), naming the pattern and the field.
 */
static void
match_failed(void *arg, const struct pk_error *e)
{
	struct pcat *pc = arg;

	if (pc->stopped)
		return;
	fe_warnx("%s: %s", pc->file, e->msg);
	pc->trouble = 2;
	pc->stopped = 1;
}

/*
 * After the kept records of one host or socket (of input line) were
 * written: a bad extraports list is trouble, no memory or no output fatal.
 */
static void
written(struct pcat *pc, int rc, unsigned long line)
{
	if (rc == PK_ERR_FORMAT) {
		fe_warn_at(pc->file, line, "bad extraports port list");
		pc->trouble = 2;
	} else if (rc == PK_ERR_IO)
		fe_write_failed();
	else if (rc != PK_OK)
		fe_nomem();
}

/* Does the run ask for the category field, as a column or a --match? */
static int
wants_category(const struct pcat *pc, const struct pk_field *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(f[i].name, "category") == 0)
			return 1;
	for (i = 0; i < pc->nmatches; i++)
		if (strncmp(pc->matches[i], "category=", 9) == 0)
			return 1;
	return 0;
}

/*
 * The port table, once: required by --category, wanted by the category
 * field, which stays empty (said once) when there is none.
 */
static void
load_ports(struct pcat *pc, int need)
{
	if (pc->ports_tried)
		return;
	pc->ports_tried = 1;
	pc->ports = fe_ports_open(NULL, pc->port_table, need);
	pk_filter_set_ports(pc->filt, pc->ports);
}

/*
 * The first input decides the kind of records, hence the columns: build
 * the row maker, the writer and the --match fields for it.
 */
static void
start_kind(struct pcat *pc, int kind)
{
	const struct pk_field *f;
	struct pk_error err;
	size_t i, n;

	pc->kind = kind;
	if (kind == K_SCRIPT && pc->fields == NULL && pc->fmt == PK_OUT_JSONL)
		pc->fields = scripts_jsonl;
	if (kind == K_SOCK) {
		if ((pc->srow = pk_sockrow_new(pc->fields, &err)) == NULL)
			fe_errx(2, "%s", err.msg);
		f = pk_sockrow_fields(pc->srow, &n);
	} else {
		pc->row = pk_rowctx_new(kind, pc->fields, &err);
		if (pc->row == NULL)
			fe_errx(2, "%s", err.msg);
		/* People read "ssl/http"; tsv, csv, jsonl keep the tunnel. */
		pk_rowctx_show_tunnel(pc->row, pc->fmt == PK_OUT_TEXT ||
		    pc->fmt == PK_OUT_MD);
		f = pk_rowctx_fields(pc->row, &n);
		if (pc->port_table != NULL || wants_category(pc, f, n))
			load_ports(pc, 0);
		pk_rowctx_set_ports(pc->row, pc->ports);
	}
	for (i = 0; i < pc->nmatches; i++)
		fe_filter_match(pc->filt, kind == K_SOCK ? -1 : kind,
		    pc->matches[i]);
	pc->w = pk_writer_new(stdout, pc->fmt, f, n, pc->wflags);
	if (pc->w == NULL)
		fe_errx(2, "output format %s needs the host field",
		    pk_outfmt_name(pc->fmt));
}

/* One run prints one kind of record: a file of the other kind is refused. */
static int
use_kind(struct pcat *pc, int kind, const char *name)
{
	if (pc->kind == K_NONE)
		start_kind(pc, kind);
	if (pc->kind == kind)
		return 1;
	fe_warnx("%s: %s and %s cannot be mixed in one run", name,
	    pc->kind == K_SOCK ? "socket dumps" : "scans",
	    kind == K_SOCK ? "socket dumps" : "scans");
	pc->trouble = 2;
	return 0;
}

static void
input_failed(struct pcat *pc, int rc, const struct pk_error *err)
{
	fe_warn_pkerr(err);
	if (rc == PK_ERR_TRUNCATED && pc->trouble != 2)
		pc->trouble = 3;
	else
		pc->trouble = 2;
}

static void
do_scan(struct pcat *pc, struct pk_source *src)
{
	const struct pk_host *h;
	struct pk_reader *r;
	int rc = PK_EOF;

	if (!use_kind(pc, pc->wrflags & PK_FILTER_WR_HOSTS ? K_HOST :
	    pc->wrflags & PK_FILTER_WR_SCRIPTS ? K_SCRIPT : K_PORT,
	    pk_source_name(src))) {
		pk_source_free(src);
		return;
	}
	if ((r = pk_reader_open_source(src, &pc->ropts)) == NULL)
		fe_nomem();
	pc->file = pk_reader_name(r);
	while (!pc->stopped && (rc = pk_reader_next(r, &h)) == PK_OK)
		written(pc, pk_filter_write_host(pc->filt, h, pc->wrflags,
		    pc->row, pc->w, pc->file), h->line);
	if (!pc->stopped && rc != PK_EOF)
		input_failed(pc, rc, pk_reader_error(r));
	pk_reader_free(r);
}

static void
do_dump(struct pcat *pc, struct pk_source *src)
{
	const struct pk_sock *sk;
	struct pk_sock_reader *r;
	int rc = PK_EOF;

	if (pc->wrflags != 0 || (pk_filter_criteria(pc->filt) &
	    (PK_FILTER_SERVICE | PK_FILTER_UP))) {
		fe_warnx("%s: --hosts, --scripts, --service, --up and "
		    "--expand-extraports apply to scans, not socket dumps",
		    pk_source_name(src));
		pc->trouble = 2;
		pk_source_free(src);
		return;
	}
	if (!use_kind(pc, K_SOCK, pk_source_name(src))) {
		pk_source_free(src);
		return;
	}
	/* Port names in dumps made without -n: nmap-services, if any. */
	if (!pc->svc_tried) {
		pc->svc_tried = 1;
		pc->sopts.services = pc->svc = fe_dump_services(pc->services);
	}
	if ((r = pk_sock_open_source(src, &pc->sopts)) == NULL)
		fe_nomem();
	pc->file = pk_sock_name(r);
	while (!pc->stopped && (rc = pk_sock_next(r, &sk)) == PK_OK)
		written(pc, pk_filter_write_sock(pc->filt, sk, pc->srow,
		    pc->w, pc->file), sk->line);
	if (!pc->stopped && rc != PK_EOF)
		input_failed(pc, rc, pk_sock_error(r));
	pk_sock_free(r);
}

static void
do_file(struct pcat *pc, const char *path)
{
	struct pk_source *src;
	enum pk_format f;

	if ((src = pk_source_open(path, &pc->ropts.limits)) == NULL)
		fe_nomem();
	f = pk_source_format(src);
	if (f == PK_FMT_SS || f == PK_FMT_LSOF || f == PK_FMT_NETSTAT)
		do_dump(pc, src);
	else
		do_scan(pc, src);
}

static void
cleanup(struct pcat *pc)
{
	pk_filter_free(pc->filt);
	pk_writer_free(pc->w);
	pk_rowctx_free(pc->row);
	pk_sockrow_free(pc->srow);
	pk_services_free(pc->svc);
	pk_ports_free(pc->ports);
}

/* --category: the table first, for the names it knows. */
static void
set_category(struct pcat *pc)
{
	struct pk_error err;

	load_ports(pc, 1);
	if (pk_filter_category(pc->filt, pc->category, &err) == PK_OK)
		return;
	if (err.status == PK_ERR_NOMEM)
		fe_nomem();
	fe_warnx("--category: %s", err.msg);
	cleanup(pc);
	exit(2);
}

static void
parse_args(struct pcat *pc, int argc, char *argv[])
{
	const char *list = NULL;
	int ch;

	while ((ch = getopt_long(argc, argv, "f:Hho:p:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'f': pc->fields = optarg; break;
		case 'H': pc->wflags |= PK_WR_NOHEADER; break;
		case 'o':
			if ((pc->fmt = pk_outfmt_parse(optarg)) < 0)
				fe_errx(2, "unknown output format \"%s\"",
				    optarg);
			break;
		case 'p': fe_filter_set(pc->filt, "-p", optarg); break;
		case OPT_HOST:
			if (pc->nnets++ == MAX_NETS)
				fe_errx(2, "too many --host options (at most "
				    "%d)", MAX_NETS);
			fe_filter_set(pc->filt, "--host", optarg);
			break;
		case OPT_PROTO:
			fe_filter_set(pc->filt, "--proto", optarg);
			break;
		case OPT_SERVICE:
			fe_filter_set(pc->filt, "--service", optarg);
			break;
		case OPT_STATE:
			fe_filter_set(pc->filt, "--state", optarg);
			break;
		case OPT_CATEGORY: pc->category = optarg; break;
		case OPT_CSV_SAFE: pc->wflags |= PK_WR_CSV_SAFE; break;
		case OPT_DUP_HOSTS: pc->ropts.dup_hosts = 1; break;
		case OPT_EXPAND: pc->wrflags |= PK_FILTER_WR_EXPAND; break;
		case OPT_HOSTS: pc->wrflags |= PK_FILTER_WR_HOSTS; break;
		case OPT_LIST_FIELDS:
			list = optarg != NULL ? optarg : "ports";
			if (strcmp(list, "ports") != 0 && strcmp(list,
			    "hosts") != 0 && strcmp(list, "sockets") != 0 &&
			    strcmp(list, "scripts") != 0)
				fe_errx(2, "--list-fields takes ports, hosts, "
				    "scripts or sockets, not \"%s\"", list);
			break;
		case OPT_MATCH:
			if (pc->nmatches == MAX_MATCHES)
				fe_errx(2, "too many --match options "
				    "(at most %d)", MAX_MATCHES);
			pc->matches[pc->nmatches++] = optarg;
			break;
		case OPT_MERGE: pc->ropts.merge = 1; break;
		case OPT_NETDB: pc->sopts.netdb = 1; break;
		case OPT_SCRIPTS:
			pc->wrflags |= PK_FILTER_WR_SCRIPTS;
			pc->ropts.skip_script_trees = 0;
			break;
		case OPT_PORT_TABLE: pc->port_table = optarg; break;
		case OPT_SERVICES: pc->services = optarg; break;
		case OPT_UP: pk_filter_up(pc->filt, 1); break;
		case 'h': usage();
		case 'V': fe_print_version();
		default: fe_tryhelp();
		}
	}
	if ((pc->wrflags & PK_FILTER_WR_HOSTS) &&
	    (pc->wrflags & PK_FILTER_WR_SCRIPTS))
		fe_errx(2, "--hosts and --scripts cannot be used together");
	if (pc->category != NULL && list == NULL)
		set_category(pc);
	if (list != NULL)
		list_fields(strcmp(list, "sockets") == 0 ? K_SOCK :
		    strcmp(list, "scripts") == 0 ||
		    (strcmp(list, "ports") == 0 &&
		    (pc->wrflags & PK_FILTER_WR_SCRIPTS)) ? K_SCRIPT :
		    strcmp(list, "hosts") == 0 ||
		    (pc->wrflags & PK_FILTER_WR_HOSTS) ? K_HOST : K_PORT);
}

int
main(int argc, char *argv[])
{
	struct pcat pc;
	int i, status;

	fe_setprogname(argv[0]);
	/*
	 * The writer hands stdout whole 64 KiB blocks; through stdio's own
	 * 4 KiB buffer each became two write calls (4 KiB copied, then the
	 * rest): 0.5-1% of pcat -o tsv's CPU time into a file, 2% into
	 * a pipe.
	 */
	(void)setvbuf(stdout, NULL, _IONBF, 0);
	memset(&pc, 0, sizeof(pc));
	pc.kind = K_NONE;
	fe_read_opts_init(&pc.ropts);
	pk_sock_opts_init(&pc.sopts);
	if ((pc.filt = pk_filter_new()) == NULL)
		fe_nomem();
	pk_filter_set_warn(pc.filt, match_failed, &pc);
	parse_args(&pc, argc, argv);
	if (optind >= argc)
		do_file(&pc, "-");
	for (i = optind; i < argc && !pc.stopped; i++)
		do_file(&pc, argv[i]);
	if (pc.w != NULL && pk_writer_flush(pc.w) != PK_OK)
		fe_write_failed();
	status = pc.trouble != 0 ? pc.trouble :
	    pc.w != NULL && pk_writer_rows(pc.w) > 0 ? 0 : 1;
	cleanup(&pc);
	return fe_close_stdout(status);
}
