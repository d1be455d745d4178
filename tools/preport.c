/*
 * preport - one self-contained HTML page (or Markdown document) from
 * scans: what was scanned, the most common open ports, the services,
 * services where they do not belong, what changed since earlier scans,
 * the firewall seen by an ACK scan, and the hosts; in one pass over the
 * inputs, in memory bounded by what the page lists.
 *
 * Exit 0 when the report was written, 2 on trouble (nothing is written),
 * 3 when an input was truncated (the report uses its complete hosts and
 * says so).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fe/fe.h"
#include "portkit.h"

enum {
	OPT_SINCE = CHAR_MAX + 1, OPT_SERVICES, OPT_DATADIR, OPT_TABLES
};

struct input {
	const char	*path;
	int		 since;
	struct pk_reader *r;
	const struct pk_host *first;	/* lent; NULL when none */
	int		 rc;		/* of the first pk_reader_next */
};

struct cfg {
	struct pk_report_opts opts;
	struct input	 in[PK_REPORT_MAX_INPUTS];
	size_t		 nin;
	const char	*services;
	const char	*datadir;
	const char	*tables;
	struct pk_services *svc;
	struct pk_nonstd *ns;
	struct pk_report *rp;
	int		 trouble;	/* 2 once an input failed */
};

static const struct option longopts[] = {
	{ "datadir", required_argument, NULL, OPT_DATADIR },
	{ "detail", required_argument, NULL, 'n' },
	{ "help", no_argument, NULL, 'h' },
	{ "output", required_argument, NULL, 'o' },
	{ "services", required_argument, NULL, OPT_SERVICES },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "tables", required_argument, NULL, OPT_TABLES },
	{ "title", required_argument, NULL, 't' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(void)
{
	fputs(
"Usage:\n"
" preport [options] scan...\n"
"\n"
"Write one self-contained HTML report (or Markdown) of Nmap XML, grepable\n"
"or masscan scans: summary, top ports, services, nonstandard services,\n"
"changes, firewall and hosts.  Files may be gzip-compressed; - reads\n"
"standard input.  An ACK scan among the scans fills the firewall section.\n"
"\n"
"Inputs:\n"
"     --since FILE         an earlier scan to compare with (repeatable)\n"
"     --services FILE      the nmap-services file to read\n"
"     --datadir DIR        look for nmap-services in DIR first\n"
"     --tables DIR         read pnonstd's tables from DIR\n"
"\n"
"Output:\n"
" -o, --output FORMAT      html or md (default html)\n"
" -n, --detail N           hosts listed in full (default 256)\n"
" -t, --title TEXT         the report's title (default \"Scan report\")\n"
"\n"
" -h, --help               display this help\n"
" -V, --version            display version\n"
"\n"
"Exit status: 0 report written, 2 trouble (nothing written),\n"
"3 truncated input (its complete hosts were used; the report says so).\n"
"See preport(1).\n", stdout);
	exit(fe_close_stdout(0));
}

static void
add_path(struct cfg *c, const char *path, int since)
{
	if (c->nin == PK_REPORT_MAX_INPUTS)
		fe_errx(2, "too many inputs (at most %d)",
		    PK_REPORT_MAX_INPUTS);
	c->in[c->nin].path = path;
	c->in[c->nin++].since = since;
}

/* Scans first, earlier scans after them: the summary lists them so. */
static void
parse_args(struct cfg *c, int argc, char *argv[])
{
	const char *since[PK_REPORT_MAX_INPUTS];
	size_t nsince = 0, j;
	int ch, i;

	while ((ch = getopt_long(argc, argv, "hn:o:t:V", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'n':
			c->opts.detail = fe_parse_ulong(optarg, 0, 1000000,
			    "detail");
			break;
		case 'o':
			if (strcmp(optarg, "html") == 0)
				c->opts.format = PK_REPORT_HTML;
			else if (strcmp(optarg, "md") == 0)
				c->opts.format = PK_REPORT_MD;
			else
				fe_errx(2, "unknown output format \"%s\" "
				    "(html or md)", optarg);
			break;
		case 't': c->opts.title = optarg; break;
		case OPT_DATADIR: c->datadir = optarg; break;
		case OPT_SERVICES: c->services = optarg; break;
		case OPT_SINCE:
			if (nsince == PK_REPORT_MAX_INPUTS)
				fe_errx(2, "too many inputs (at most %d)",
				    PK_REPORT_MAX_INPUTS);
			since[nsince++] = optarg;
			break;
		case OPT_TABLES: c->tables = optarg; break;
		case 'h': usage();
		case 'V': fe_print_version();
		default: fe_tryhelp();
		}
	}
	if (argc - optind == 0) {
		fe_warnx("no scan given");
		fe_tryhelp();
	}
	for (i = optind; i < argc; i++)
		add_path(c, argv[i], 0);
	for (j = 0; j < nsince; j++)
		add_path(c, since[j], 1);
}

/* --- What the sections need beside the scans --------------------------- */

/*
 * nmap-services names the ports and gives their open frequencies; a
 * report goes on without it unless it was asked for by name.
 */
static void
load_services(struct cfg *c)
{
	struct pk_error err;

	memset(&err, 0, sizeof(err));
	c->svc = pk_services_open(c->services, c->datadir, NULL, &err);
	if (c->svc != NULL)
		return;
	if (err.file != NULL) {		/* found, but bad or unreadable */
		fe_warn_pkerr(&err);
		exit(2);
	}
	if (c->datadir != NULL)
		fe_errx(2, "%s", err.msg);
}

/* pnonstd's checker, when nmap-services and its tables are there. */
static void
load_nonstd(struct cfg *c)
{
	char dirbuf[PATH_MAX + 32];
	const char *dir;

	dir = fe_tables_dir(c->tables, dirbuf, sizeof(dirbuf));
	if (c->svc == NULL || dir == NULL)
		return;
	if ((c->ns = pk_nonstd_new(c->svc, 0)) == NULL)
		fe_nomem();
	fe_nonstd_tables(c->ns, dir);
}

/* --- Inputs --------------------------------------------------------------- */

/* A dump where a scan belongs is a common slip: say so. */
static struct pk_reader *
open_reader(const char *path, const struct pk_read_opts *ro)
{
	struct pk_source *src = pk_source_open(path, &ro->limits);
	struct pk_reader *r;
	enum pk_format f;

	if (src == NULL)
		fe_nomem();
	f = pk_source_format(src);
	if (f == PK_FMT_SS || f == PK_FMT_LSOF || f == PK_FMT_NETSTAT) {
		fe_warnx("%s: %s %s listing, not a scan", pk_source_name(src),
		    f == PK_FMT_NETSTAT ? "a" : "an", pk_format_name(f));
		pk_source_free(src);
		return NULL;
	}
	if ((r = pk_reader_open_source(src, ro)) == NULL)
		fe_nomem();
	return r;
}

/* Open an input and read its first host: that tells what scan it is. */
static void
open_input(struct cfg *c, struct input *in, const struct pk_read_opts *ro)
{
	int rc;

	if ((in->r = open_reader(in->path, ro)) == NULL) {
		c->trouble = 2;
		return;
	}
	in->rc = pk_reader_next(in->r, &in->first);
	if (in->rc != PK_OK && in->rc != PK_EOF &&
	    in->rc != PK_ERR_TRUNCATED) {
		fe_warn_pkerr(pk_reader_error(in->r));
		c->trouble = 2;
		return;
	}
	rc = pk_report_input(c->rp, pk_reader_name(in->r),
	    pk_reader_scan(in->r), in->since);
	if (rc == PK_ERR_NOMEM)
		fe_nomem();
	if (rc < 0)
		fe_errx(2, "%s: cannot add this input", pk_reader_name(in->r));
}

/* Give the report every host of one input, then its end. */
static void
feed(struct cfg *c, size_t i)
{
	struct input *in = &c->in[i];
	const struct pk_host *h = in->first;
	int rc = in->rc;

	while (rc == PK_OK) {
		if (pk_report_host(c->rp, i, h) != PK_OK)
			fe_nomem();
		rc = pk_reader_next(in->r, &h);
	}
	if (rc != PK_EOF) {
		fe_warn_pkerr(pk_reader_error(in->r));
		if (rc != PK_ERR_TRUNCATED)
			c->trouble = 2;
	}
	if (pk_report_end(c->rp, i, pk_reader_scan(in->r), rc) != PK_OK)
		fe_nomem();
}

static void
run(struct cfg *c)
{
	struct pk_read_opts ro;
	size_t i;
	int rc;

	fe_read_opts_init(&ro);
	for (i = 0; i < c->nin; i++)
		open_input(c, &c->in[i], &ro);
	if (c->trouble)
		return;
	while ((rc = pk_report_next(c->rp, &i)) == PK_OK)
		feed(c, i);
	if (rc != PK_EOF)
		fe_errx(2, "%s", pk_strerror(rc));
}

static void
cleanup(struct cfg *c)
{
	size_t i;

	for (i = 0; i < c->nin; i++)
		pk_reader_free(c->in[i].r);
	pk_report_free(c->rp);
	pk_nonstd_free(c->ns);
	pk_services_free(c->svc);
}

int
main(int argc, char *argv[])
{
	const char *paths[PK_REPORT_MAX_INPUTS];
	struct cfg c;
	size_t i;
	int rc, status = 0;

	fe_setprogname(argv[0]);
	memset(&c, 0, sizeof(c));
	pk_report_opts_init(&c.opts);
	parse_args(&c, argc, argv);
	for (i = 0; i < c.nin; i++)
		paths[i] = c.in[i].path;
	(void)fe_stdin_once(paths, c.nin, 0);
	load_services(&c);
	load_nonstd(&c);
	c.opts.services = c.svc;
	c.opts.nonstd = c.ns;
	if ((c.rp = pk_report_new(&c.opts)) == NULL)
		fe_nomem();
	run(&c);
	if (c.trouble == 0) {
		if ((rc = pk_report_write(c.rp, stdout)) == PK_ERR_IO)
			fe_write_failed();
		if (rc != PK_OK)
			fe_errx(2, "%s", pk_strerror(rc));
		status = pk_report_truncated(c.rp) > 0 ? 3 : 0;
	}
	cleanup(&c);
	return fe_close_stdout(c.trouble != 0 ? c.trouble : status);
}
