/*
 * pnonstd - services where they do not belong: from -sV scans (what
 * answered on each port) and ss or lsof listings (which process listens
 * where), judged against nmap-services and pnonstd's tables.
 *
 * Like diff(1): exit 0 when nothing was flagged, 1 when something was,
 * 2 on trouble, and 3 when an input was truncated (its complete records
 * were still checked).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fe/fe.h"
#include "portkit.h"

#define MAX_MAPS	16

enum {
	OPT_STRICT = CHAR_MAX + 1, OPT_UNKNOWN, OPT_MAP, OPT_TABLES,
	OPT_SERVICES, OPT_DATADIR, OPT_NETDB, OPT_PORT_TABLE
};

struct cfg {
	int		 fmt;
	unsigned	 wflags;
	unsigned	 flags;		/* PK_NS_* */
	const char	*maps[MAX_MAPS];
	size_t		 nmaps;
	const char	*tables;
	const char	*services;
	const char	*datadir;
	int		 netdb;
	struct pk_services *svc;
	struct pk_nonstd *ns;
	const char	*port_table;	/* --port-table FILE */
	struct pk_ports	*ports;
	int		 unnamed;	/* said that a dump names no process */
	struct pk_writer *w;
	int		 trouble;	/* 2 or 3 once something went wrong */
	char		**seen;		/* findings of the current dump */
	size_t		 nseen;
};

static const struct option longopts[] = {
	{ "datadir", required_argument, NULL, OPT_DATADIR },
	{ "help", no_argument, NULL, 'h' },
	{ "map", required_argument, NULL, OPT_MAP },
	{ "netdb", no_argument, NULL, OPT_NETDB },
	{ "no-header", no_argument, NULL, 'H' },
	{ "output", required_argument, NULL, 'o' },
	{ "port-table", required_argument, NULL, OPT_PORT_TABLE },
	{ "services", required_argument, NULL, OPT_SERVICES },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "tables", required_argument, NULL, OPT_TABLES },
	{ "unknown", no_argument, NULL, OPT_UNKNOWN },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(void)
{
	fputs(
"Usage:\n"
" pnonstd [options] input...\n"
"\n"
"Report services running where they do not belong, from nmap -sV scans\n"
"and ss, lsof or netstat listings.  Inputs may be gzip-compressed; - reads\n"
"standard input.\n"
"\n"
"Checks:\n"
"     --strict            report well-known alternate ports as nonstandard\n"
"     --unknown           also list listeners whose process maps to nothing\n"
"     --map FILE          process patterns (PCRE2) overriding the table\n"
"     --tables DIR        read nonstd-map.tsv, nonstd-equiv.tsv and\n"
"                         port-categories from DIR\n"
"     --port-table FILE   lines over the port table (port-categories)\n"
"     --services FILE     the nmap-services file to read\n"
"     --datadir DIR       look for nmap-services in DIR first\n"
"     --netdb             resolve port names nmap-services cannot resolve\n"
"                         through the system's services database\n"
"\n"
"Output:\n"
" -o, --output FORMAT     text, tsv, csv or jsonl (default text)\n"
" -H, --no-header         no header row\n"
"\n"
" -h, --help              display this help\n"
" -V, --version           display version\n"
"\n"
"Exit status: 0 nothing flagged, 1 something flagged, 2 trouble,\n"
"3 truncated input (its complete records were checked).\n"
"See pnonstd(1).\n", stdout);
	exit(fe_close_stdout(0));
}

static void
set_trouble(struct cfg *c, int st)
{
	if (c->trouble != 2)
		c->trouble = st;
}

/* A dump may list one socket per process sharing it: report it once. */
static int
already(struct cfg *c, const struct pk_ns_finding *f)
{
	char key[512], **arr;
	size_t i;

	(void)snprintf(key, sizeof(key), "%s|%d|%u|%s", f->kind, f->proto,
	    f->port, f->host);
	for (i = 0; i < c->nseen; i++)
		if (strcmp(c->seen[i], key) == 0)
			return 1;
	arr = realloc(c->seen, (c->nseen + 1) * sizeof(*arr));
	if (arr == NULL || (arr[c->nseen] = strdup(key)) == NULL)
		fe_nomem();
	c->seen = arr;
	c->nseen++;
	return 0;
}

static void
forget(struct cfg *c)
{
	while (c->nseen > 0)
		free(c->seen[--c->nseen]);
}

static void
emit(struct cfg *c, const struct pk_ns_finding *f, size_t n, int dump)
{
	struct pk_value vals[8];
	size_t i;

	for (i = 0; i < n; i++) {
		if (dump && already(c, &f[i]))
			continue;
		pk_nonstd_values(&f[i], vals);
		if (pk_writer_row(c->w, vals) != PK_OK)
			fe_write_failed();
	}
}

static void
do_scan(struct cfg *c, struct pk_reader *r)
{
	const struct pk_ns_finding *f;
	const struct pk_host *h;
	size_t i, n;
	int rc, versions;

	while ((rc = pk_reader_next(r, &h)) == PK_OK) {
		versions = pk_scan_versions(h->scan);
		for (i = 0; i < h->nports; i++) {
			if (pk_nonstd_port(c->ns, h->host != NULL ? h->host :
			    h->mac, &h->ports[i], versions, &f, &n) != PK_OK)
				fe_nomem();
			emit(c, f, n, 0);
		}
	}
	if (rc != PK_EOF) {
		fe_warn_pkerr(pk_reader_error(r));
		set_trouble(c, rc == PK_ERR_TRUNCATED ? 3 : 2);
	}
}

/*
 * Without process names only the port says what listens: say so once,
 * and how to get the names.
 */
static void
unnamed(struct cfg *c, const struct pk_sock *s, const char *file)
{
	if (c->unnamed || !s->listening || s->process != NULL)
		return;
	c->unnamed = 1;
	fe_warnx("%s: no process names: listeners are judged by port only "
	    "(ss -p or lsof -i, run as root, name them)", file);
}

static void
do_dump(struct cfg *c, struct pk_sock_reader *r)
{
	const struct pk_ns_finding *f;
	const struct pk_sock *s;
	unsigned long bad = 0;
	size_t n;
	int rc;

	for (;;) {
		rc = pk_sock_next(r, &s);
		if (rc == PK_OK) {
			unnamed(c, s, pk_sock_name(r));
			if ((rc = pk_nonstd_sock(c->ns, s, &f, &n)) ==
			    PK_ERR_NOMEM)
				fe_nomem();
			if (rc != PK_OK) {	/* a map pattern's limit */
				fe_warn_pkerr(pk_nonstd_error(c->ns));
				set_trouble(c, 2);
				forget(c);
				return;
			}
			emit(c, f, n, 1);
		} else if (rc == PK_ERR_FORMAT &&
		    pk_sock_bad_lines(r) > bad) {
			bad = pk_sock_bad_lines(r);	/* skipped: go on */
			fe_warn_pkerr(pk_sock_error(r));
			set_trouble(c, 2);
		} else {
			break;
		}
	}
	forget(c);
	if (rc != PK_EOF) {
		fe_warn_pkerr(pk_sock_error(r));
		set_trouble(c, rc == PK_ERR_TRUNCATED ? 3 : 2);
	}
}

static int
is_scan(enum pk_format f)
{
	return f == PK_FMT_NMAP_XML || f == PK_FMT_MASSCAN_XML ||
	    f == PK_FMT_GNMAP || f == PK_FMT_MASSCAN_LIST ||
	    f == PK_FMT_NMAP_NORMAL || f == PK_FMT_HOSTPORT;
}

static void
input_scan(struct cfg *c, struct pk_source *src)
{
	struct pk_read_opts ro;
	struct pk_reader *r;

	fe_read_opts_init(&ro);
	if ((r = pk_reader_open_source(src, &ro)) != NULL)
		do_scan(c, r);
	else
		fe_nomem();
	pk_reader_free(r);
}

static void
input_dump(struct cfg *c, struct pk_source *src)
{
	struct pk_sock_opts so;
	struct pk_sock_reader *sr;

	pk_sock_opts_init(&so);
	so.services = c->svc;
	so.netdb = c->netdb;
	so.skip_bad = 1;
	if ((sr = pk_sock_open_source(src, &so)) != NULL)
		do_dump(c, sr);
	else
		fe_nomem();
	pk_sock_free(sr);
}

/*
 * The source tells a scan from a dump before any reader consumes it, so
 * standard input is read once, as it streams.  Anything that is not a
 * scan goes to the dump reader, which explains what it is instead.
 */
static void
do_input(struct cfg *c, const char *path)
{
	struct pk_source *src = pk_source_open(path, NULL);

	if (src == NULL)
		fe_nomem();
	else if (is_scan(pk_source_format(src)))
		input_scan(c, src);
	else
		input_dump(c, src);
}

static void
load_services(struct cfg *c)
{
	struct pk_error err;

	memset(&err, 0, sizeof(err));
	c->svc = pk_services_open(c->services, c->datadir, NULL, &err);
	if (c->svc == NULL) {
		fe_warn_pkerr(&err);
		exit(2);
	}
}

static void
setup(struct cfg *c)
{
	char dirbuf[PATH_MAX + 32];
	const struct pk_field *fl;
	const char *dir;
	size_t i, n;

	load_services(c);
	if ((c->ns = pk_nonstd_new(c->svc, c->flags)) == NULL)
		fe_nomem();
	dir = fe_tables_dir(c->tables, dirbuf, sizeof(dirbuf));
	if (dir == NULL)
		fe_errx(2, "no pnonstd tables found: use --tables DIR or set "
		    "PORTKIT_DATADIR");
	fe_nonstd_tables(c->ns, dir);
	c->ports = fe_ports_open(dir, c->port_table, 1);
	pk_nonstd_set_ports(c->ns, c->ports);
	for (i = 0; i < c->nmaps; i++)
		fe_nonstd_load(c->ns, PK_NS_MAP, c->maps[i]);
	fl = pk_nonstd_fields(&n);
	if ((c->w = pk_writer_new(stdout, c->fmt, fl, n, c->wflags)) == NULL)
		fe_nomem();
}

static void
parse_args(struct cfg *c, int argc, char *argv[])
{
	int ch;

	while ((ch = getopt_long(argc, argv, "Hho:V", longopts, NULL)) != -1) {
		switch (ch) {
		case 'H': c->wflags |= PK_WR_NOHEADER; break;
		case 'o':
			c->fmt = pk_outfmt_parse(optarg);
			if (c->fmt != PK_OUT_TEXT && c->fmt != PK_OUT_TSV &&
			    c->fmt != PK_OUT_CSV && c->fmt != PK_OUT_JSONL)
				fe_errx(2, "unknown output format \"%s\" "
				    "(text, tsv, csv or jsonl)", optarg);
			break;
		case OPT_DATADIR: c->datadir = optarg; break;
		case OPT_MAP:
			if (c->nmaps == MAX_MAPS)
				fe_errx(2, "too many --map options (at most "
				    "%d)", MAX_MAPS);
			c->maps[c->nmaps++] = optarg;
			break;
		case OPT_NETDB: c->netdb = 1; break;
		case OPT_PORT_TABLE: c->port_table = optarg; break;
		case OPT_SERVICES: c->services = optarg; break;
		case OPT_STRICT: c->flags |= PK_NS_STRICT; break;
		case OPT_TABLES: c->tables = optarg; break;
		case OPT_UNKNOWN: c->flags |= PK_NS_UNKNOWN; break;
		case 'h': usage();
		case 'V': fe_print_version();
		default: fe_tryhelp();
		}
	}
	if (optind >= argc) {
		fe_warnx("no input given");
		fe_tryhelp();
	}
}

int
main(int argc, char *argv[])
{
	struct cfg c;
	int i, status;

	fe_setprogname(argv[0]);
	memset(&c, 0, sizeof(c));
	parse_args(&c, argc, argv);
	setup(&c);
	for (i = optind; i < argc; i++)
		do_input(&c, argv[i]);
	if (pk_writer_flush(c.w) != PK_OK)
		fe_write_failed();
	status = c.trouble != 0 ? c.trouble : pk_writer_rows(c.w) > 0 ? 1 : 0;
	pk_writer_free(c.w);
	pk_nonstd_free(c.ns);
	pk_ports_free(c.ports);
	pk_services_free(c.svc);
	free(c.seen);
	return fe_close_stdout(status);
}
