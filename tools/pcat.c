/*
 * pcat - print scans as text, TSV, CSV, JSON Lines, Markdown or
 * host:port lists, one record per port (or per host), with filters.
 *
 * Like grep(1): exit 0 when something was printed, 1 when nothing
 * matched, 2 on trouble, and 3 when an input was truncated but its
 * complete hosts were printed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "fe/fe.h"
#include "portkit.h"

#define MAX_NETS	64
#define MAX_MATCHES	16
#define MATCH_LIMIT	1000000

enum {
	OPT_LIST_FIELDS = CHAR_MAX + 1, OPT_HOSTS, OPT_STATE, OPT_PROTO,
	OPT_HOST, OPT_SERVICE, OPT_MATCH, OPT_UP, OPT_EXPAND, OPT_MERGE,
	OPT_CSV_SAFE, OPT_NETDB, OPT_SERVICES, OPT_DUP_HOSTS
};

/* What the records of this run are; one writer, one kind of columns. */
enum kind {
	K_NONE = -1,			/* no input read yet */
	K_PORT = PK_REC_PORT,
	K_HOST = PK_REC_HOST,
	K_SOCK = 2			/* ss or lsof dumps */
};

/*
 * Port states nmap reports, then socket states of ss and lsof dumps, as
 * bits of a filter mask.
 */
static const char *const states[] = {
	"open", "closed", "filtered", "unfiltered", "open|filtered",
	"closed|filtered", "listen", "unconn", "established", "time-wait",
	"close-wait", "syn-sent", "syn-recv", "fin-wait-1", "fin-wait-2",
	"last-ack", "closing", "close"
};
#define NSTATES	(sizeof(states) / sizeof(states[0]))

struct net {
	int		 family;
	unsigned char	 addr[16];
	unsigned	 prefix;
};

struct match {
	const char	*arg;		/* FIELD=REGEX as given */
	struct pk_rowctx *field;	/* one-field row maker (scans) */
	struct pk_sockrow *sfield;	/* one-field row maker (dumps) */
	pcre2_code	*re;
};

struct pcat {
	int		 fmt;
	int		 hosts;		/* --hosts: one row per host */
	int		 expand;
	int		 up;
	unsigned	 wflags;
	const char	*fields;
	unsigned	 statemask;	/* 0: any */
	unsigned	 protomask;	/* 0: any */
	struct pk_portset *ports;
	struct net	 nets[MAX_NETS];
	size_t		 nnets;
	pcre2_code	*service_re;
	struct match	 matches[MAX_MATCHES];
	size_t		 nmatches;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
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
	const char	*file;		/* name of the input being read */
};

static const struct option longopts[] = {
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
	{ "ports", required_argument, NULL, 'p' },
	{ "proto", required_argument, NULL, OPT_PROTO },
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
"Print Nmap XML, grepable or masscan scans, one record per port, or ss\n"
"and lsof dumps, one record per socket.  Files may be gzip-compressed;\n"
"none or - reads standard input.\n"
"\n"
"Output:\n"
" -o, --output FORMAT     text, tsv, csv, jsonl, md or list (default text)\n"
" -f, --fields LIST       fields to print, comma-separated, or all\n"
" -H, --no-header         no header row\n"
"     --hosts             one record per host instead of per port\n"
"     --list-fields[=KIND] print every field of ports, hosts or sockets\n"
"     --csv-safe          neutralise spreadsheet formulas in csv\n"
"\n"
"Filters:\n"
"     --state LIST        port or socket states, e.g. open,open|filtered\n"
" -p, --ports SPEC        ports in nmap -p syntax, e.g. T:22,80,U:53\n"
"     --proto LIST        tcp, udp, sctp, ip\n"
"     --host ADDR[/LEN]   hosts with an address in this network\n"
"     --service REGEX     service names matching a PCRE2 pattern\n"
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
	static const char *const types[] = { "string", "integer", "number" };
	size_t i, n;

	f = kind == K_SOCK ? pk_sock_fields(&n) : pk_record_fields(kind, &n);
	for (i = 0; i < n; i++)
		printf("%-12s %-8s %s\n", f[i].name, types[f[i].type],
		    f[i].desc);
	exit(fe_close_stdout(0));
}

static pcre2_code *
compile_re(const char *pat, const char *what)
{
	PCRE2_UCHAR msg[160];
	PCRE2_SIZE off;
	pcre2_code *re;
	int ec;

	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, 0, &ec,
	    &off, NULL);
	if (re == NULL) {
		(void)pcre2_get_error_message(ec, msg, sizeof(msg));
		fe_errx(2, "bad %s pattern \"%s\" at offset %zu: %s", what,
		    pat, (size_t)off, (const char *)msg);
	}
	return re;
}

static void
parse_states(struct pcat *pc, const char *arg)
{
	const char *p = arg, *c;
	size_t i, n;

	for (;;) {
		c = strchr(p, ',');
		n = c != NULL ? (size_t)(c - p) : strlen(p);
		for (i = 0; i < NSTATES; i++)
			if (strlen(states[i]) == n &&
			    memcmp(states[i], p, n) == 0)
				break;
		if (i == NSTATES)
			fe_errx(2, "unknown port state \"%.*s\"", (int)n, p);
		pc->statemask |= 1u << i;
		if (c == NULL)
			break;
		p = c + 1;
	}
}

static void
parse_protos(struct pcat *pc, const char *arg)
{
	char buf[16];
	const char *p = arg, *c;
	size_t n;
	int pr;

	for (;;) {
		c = strchr(p, ',');
		n = c != NULL ? (size_t)(c - p) : strlen(p);
		if (n >= sizeof(buf))
			n = sizeof(buf) - 1;
		memcpy(buf, p, n);
		buf[n] = '\0';
		if ((pr = pk_proto_parse(buf)) >= 0)
			pc->protomask |= 1u << pr;
		else
			fe_errx(2, "unknown protocol \"%s\"", buf);
		if (c == NULL)
			break;
		p = c + 1;
	}
}

static void
parse_net(struct pcat *pc, const char *arg)
{
	struct net *nt;
	char buf[64];
	const char *slash = strchr(arg, '/');
	size_t n = slash != NULL ? (size_t)(slash - arg) : strlen(arg);

	if (pc->nnets == MAX_NETS)
		fe_errx(2, "too many --host options (at most %d)", MAX_NETS);
	nt = &pc->nets[pc->nnets];
	/* Longer than any address: cut, it will not parse. */
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, arg, n);
	buf[n] = '\0';
	if (inet_pton(AF_INET, buf, nt->addr) == 1)
		nt->family = AF_INET;
	else if (inet_pton(AF_INET6, buf, nt->addr) == 1)
		nt->family = AF_INET6;
	else
		fe_errx(2, "bad address \"%s\"", arg);
	nt->prefix = nt->family == AF_INET ? 32 : 128;
	if (slash != NULL)
		nt->prefix = (unsigned)fe_parse_ulong(slash + 1, 0,
		    nt->prefix, "prefix length");
	pc->nnets++;
}

/* Compiled once the kind of records is known: it decides the fields. */
static void
compile_match(struct pcat *pc, struct match *m)
{
	struct pk_error err;
	const char *eq = strchr(m->arg, '=');
	char name[64];
	size_t n;

	n = eq != NULL ? (size_t)(eq - m->arg) : 0;
	if (n == 0)
		fe_errx(2, "--match wants FIELD=REGEX, not \"%s\"", m->arg);
	if (n >= sizeof(name))
		n = sizeof(name) - 1;
	memcpy(name, m->arg, n);
	name[n] = '\0';
	if (pc->kind == K_SOCK)
		m->sfield = pk_sockrow_new(name, &err);
	else
		m->field = pk_rowctx_new(pc->kind, name, &err);
	if (m->field == NULL && m->sfield == NULL)
		fe_errx(2, "--match: %s", err.msg);
	m->re = compile_re(eq + 1, "--match");
}

static int
net_contains(const struct net *nt, const struct pk_addr *a)
{
	unsigned char buf[16];
	unsigned full, rest;

	if (a->type == PK_ADDR_MAC || (a->type == PK_ADDR_IPV4) !=
	    (nt->family == AF_INET))
		return 0;
	if (inet_pton(nt->family, a->addr, buf) != 1)
		return 0;
	full = nt->prefix / 8;
	rest = nt->prefix % 8;
	if (memcmp(buf, nt->addr, full) != 0)
		return 0;
	return rest == 0 || ((buf[full] ^ nt->addr[full]) &
	    (0xff00 >> rest)) == 0;
}

static int
host_selected(const struct pcat *pc, const struct pk_host *h)
{
	size_t i, j;

	/* masscan reports only hosts that answered: no status means up. */
	if (pc->up && h->status != NULL && strcmp(h->status, "up") != 0)
		return 0;
	if (pc->nnets == 0)
		return 1;
	for (i = 0; i < pc->nnets; i++)
		for (j = 0; j < h->naddrs; j++)
			if (net_contains(&pc->nets[i], &h->addrs[j]))
				return 1;
	return 0;
}

static int
re_match(struct pcat *pc, pcre2_code *re, const char *s)
{
	int rc;

	rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, pc->md,
	    pc->mctx);
	if (rc >= 0)
		return 1;
	if (rc != PCRE2_ERROR_NOMATCH && pc->trouble == 0) {
		fe_warnx("%s: pattern match failed (error %d): record skipped",
		    pc->file, rc);
		pc->trouble = 2;
	}
	return 0;
}

static int
port_selected(struct pcat *pc, const struct pk_port *p)
{
	size_t i;

	if (pc->protomask != 0 && !(pc->protomask & (1u << p->proto)))
		return 0;
	if (pc->ports != NULL && !pk_portset_has(pc->ports, p->proto,
	    p->port))
		return 0;
	if (pc->statemask != 0) {
		for (i = 0; i < NSTATES; i++)
			if (strcmp(states[i], p->state) == 0)
				break;
		if (i == NSTATES || !(pc->statemask & (1u << i)))
			return 0;
	}
	if (pc->service_re != NULL && (p->service == NULL ||
	    !re_match(pc, pc->service_re, p->service)))
		return 0;
	return 1;
}

/* One --match test on the value a field would print. */
static int
value_matches(struct pcat *pc, pcre2_code *re, const struct pk_value *v)
{
	char num[32];

	if (!v->set)
		return 0;
	if (v->s != NULL)
		return re_match(pc, re, v->s);
	(void)snprintf(num, sizeof(num), "%lld", v->i);
	return re_match(pc, re, num);
}

/* --match: every FIELD=REGEX must hold for the record. */
static int
record_matches(struct pcat *pc, const struct pk_host *h,
    const struct pk_port *p, const struct pk_sock *sk)
{
	const struct pk_value *v;
	size_t i;

	for (i = 0; i < pc->nmatches; i++) {
		if (sk != NULL)
			v = pk_sockrow_fill(pc->matches[i].sfield, sk,
			    pc->file);
		else
			v = pk_rowctx_fill(pc->matches[i].field, h, p,
			    pc->file);
		if (v == NULL)
			fe_errx(2, "out of memory");
		if (!value_matches(pc, pc->matches[i].re, v))
			return 0;
	}
	return 1;
}

static int
emit(struct pcat *pc, const struct pk_host *h, const struct pk_port *p)
{
	const struct pk_value *v;

	if (pc->nmatches > 0 && !record_matches(pc, h, p, NULL))
		return 0;
	v = pk_rowctx_fill(pc->row, h, p, pc->file);
	if (v == NULL)
		fe_errx(2, "out of memory");
	if (pk_writer_row(pc->w, v) != PK_OK)
		fe_write_failed();
	return 0;
}

struct expand_ctx {
	struct pcat	*pc;
	const struct pk_host *h;
	int		 any;		/* --hosts: a port matched */
};

static int
expanded_port(void *arg, const struct pk_port *p)
{
	struct expand_ctx *x = arg;

	if (!port_selected(x->pc, p))
		return 0;
	if (x->pc->hosts) {
		x->any = 1;
		return 1;		/* one match is enough */
	}
	return emit(x->pc, x->h, p);
}

static int
has_port_filter(const struct pcat *pc)
{
	return pc->protomask != 0 || pc->ports != NULL ||
	    pc->statemask != 0 || pc->service_re != NULL;
}

static void
do_host(struct pcat *pc, const struct pk_host *h)
{
	struct expand_ctx x = { pc, h, 0 };
	size_t i;

	if (!host_selected(pc, h))
		return;
	for (i = 0; i < h->nports; i++) {
		if (!port_selected(pc, &h->ports[i]))
			continue;
		if (pc->hosts) {
			x.any = 1;
			break;
		}
		(void)emit(pc, h, &h->ports[i]);
	}
	if (pc->expand && !(pc->hosts && x.any) &&
	    pk_extraports_foreach(h, expanded_port, &x) == PK_ERR_FORMAT) {
		fe_warn_at(pc->file, h->line, "bad extraports port list");
		pc->trouble = 2;
	}
	if (pc->hosts && (x.any || !has_port_filter(pc)))
		(void)emit(pc, h, NULL);
}

/* A bit of the state mask for a state name; 0 when it is no state. */
static unsigned
state_bit(const char *state)
{
	size_t i;

	for (i = 0; state != NULL && i < NSTATES; i++)
		if (strcmp(states[i], state) == 0)
			return 1u << i;
	return 0;
}

static int
sock_selected(struct pcat *pc, const struct pk_sock *sk)
{
	struct pk_addr a;
	size_t i;

	if (pc->protomask != 0 && !(pc->protomask & (1u << sk->proto)))
		return 0;
	if (pc->ports != NULL && !pk_portset_has(pc->ports, sk->proto,
	    sk->port))
		return 0;
	if (pc->statemask != 0 && !(pc->statemask & state_bit(sk->state)))
		return 0;
	if (pc->nnets == 0)
		return 1;
	a.type = strchr(sk->addr, ':') != NULL ? PK_ADDR_IPV6 : PK_ADDR_IPV4;
	a.addr = sk->addr;
	a.vendor = NULL;
	for (i = 0; i < pc->nnets; i++)
		if (net_contains(&pc->nets[i], &a))
			return 1;
	return 0;
}

static void
emit_sock(struct pcat *pc, const struct pk_sock *sk)
{
	if (pc->nmatches > 0 && !record_matches(pc, NULL, NULL, sk))
		return;
	const struct pk_value *v;

	v = pk_sockrow_fill(pc->srow, sk, pc->file);
	if (v == NULL)
		fe_errx(2, "out of memory");
	if (pk_writer_row(pc->w, v) != PK_OK)
		fe_write_failed();
}

static const char *
kind_name(int kind)
{
	return kind == K_SOCK ? "socket dumps" : "scans";
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
	if (kind == K_SOCK) {
		if ((pc->srow = pk_sockrow_new(pc->fields, &err)) == NULL)
			fe_errx(2, "%s", err.msg);
		f = pk_sockrow_fields(pc->srow, &n);
	} else {
		pc->row = pk_rowctx_new(kind, pc->fields, &err);
		if (pc->row == NULL)
			fe_errx(2, "%s", err.msg);
		f = pk_rowctx_fields(pc->row, &n);
	}
	for (i = 0; i < pc->nmatches; i++)
		compile_match(pc, &pc->matches[i]);
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
	    kind_name(pc->kind), kind_name(kind));
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
	int rc;

	if (!use_kind(pc, pc->hosts ? K_HOST : K_PORT,
	    pk_source_name(src))) {
		pk_source_free(src);
		return;
	}
	if ((r = pk_reader_open_source(src, &pc->ropts)) == NULL)
		fe_errx(2, "out of memory");
	pc->file = pk_reader_name(r);
	while ((rc = pk_reader_next(r, &h)) == PK_OK)
		do_host(pc, h);
	if (rc != PK_EOF)
		input_failed(pc, rc, pk_reader_error(r));
	pk_reader_free(r);
}

/* Port names in dumps made without -n: nmap-services, when there is one. */
static void
load_services(struct pcat *pc)
{
	struct pk_error err;

	if (pc->svc_tried)
		return;
	pc->svc_tried = 1;
	memset(&err, 0, sizeof(err));
	pc->svc = pk_services_open(pc->services, NULL, NULL, &err);
	/* None found is fine (numeric dumps need none); a bad file is not. */
	if (pc->svc == NULL && err.file != NULL) {
		fe_warn_pkerr(&err);
		exit(2);
	}
	pc->sopts.services = pc->svc;
}

static void
do_dump(struct pcat *pc, struct pk_source *src)
{
	const struct pk_sock *sk;
	struct pk_sock_reader *r;
	int rc;

	if (pc->hosts || pc->service_re != NULL || pc->expand || pc->up) {
		fe_warnx("%s: --hosts, --service, --up and "
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
	load_services(pc);
	if ((r = pk_sock_open_source(src, &pc->sopts)) == NULL)
		fe_errx(2, "out of memory");
	pc->file = pk_sock_name(r);
	while ((rc = pk_sock_next(r, &sk)) == PK_OK)
		if (sock_selected(pc, sk))
			emit_sock(pc, sk);
	if (rc != PK_EOF)
		input_failed(pc, rc, pk_sock_error(r));
	pk_sock_free(r);
}

static void
do_file(struct pcat *pc, const char *path)
{
	struct pk_source *src;
	enum pk_format f;

	if ((src = pk_source_open(path, &pc->ropts.limits)) == NULL)
		fe_errx(2, "out of memory");
	f = pk_source_format(src);
	if (f == PK_FMT_SS || f == PK_FMT_LSOF)
		do_dump(pc, src);
	else
		do_scan(pc, src);
}

static void
setup(struct pcat *pc)
{
	pc->md = pcre2_match_data_create(4, NULL);
	pc->mctx = pcre2_match_context_create(NULL);
	if (pc->md == NULL || pc->mctx == NULL)
		fe_errx(2, "out of memory");
	(void)pcre2_set_match_limit(pc->mctx, MATCH_LIMIT);
}

static void
cleanup(struct pcat *pc)
{
	size_t i;

	for (i = 0; i < pc->nmatches; i++) {
		pk_rowctx_free(pc->matches[i].field);
		pk_sockrow_free(pc->matches[i].sfield);
		pcre2_code_free(pc->matches[i].re);
	}
	pcre2_code_free(pc->service_re);
	pcre2_match_data_free(pc->md);
	pcre2_match_context_free(pc->mctx);
	pk_writer_free(pc->w);
	pk_rowctx_free(pc->row);
	pk_sockrow_free(pc->srow);
	pk_services_free(pc->svc);
	pk_portset_free(pc->ports);
}

static void
parse_ports(struct pcat *pc, const char *arg)
{
	struct pk_error err;

	if (pc->ports == NULL && (pc->ports = pk_portset_new()) == NULL)
		fe_errx(2, "out of memory");
	if (pk_portspec_parse(pc->ports, arg, (1u << PK_PROTO_COUNT) - 1,
	    &err) != PK_OK)
		fe_errx(2, "-p: %s", err.msg);
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
		case 'p': parse_ports(pc, optarg); break;
		case OPT_CSV_SAFE: pc->wflags |= PK_WR_CSV_SAFE; break;
		case OPT_DUP_HOSTS: pc->ropts.dup_hosts = 1; break;
		case OPT_EXPAND: pc->expand = 1; break;
		case OPT_HOST: parse_net(pc, optarg); break;
		case OPT_HOSTS: pc->hosts = 1; break;
		case OPT_LIST_FIELDS:
			list = optarg != NULL ? optarg : "ports";
			if (strcmp(list, "ports") != 0 && strcmp(list,
			    "hosts") != 0 && strcmp(list, "sockets") != 0)
				fe_errx(2, "--list-fields takes ports, hosts "
				    "or sockets, not \"%s\"", list);
			break;
		case OPT_MATCH:
			if (pc->nmatches == MAX_MATCHES)
				fe_errx(2, "too many --match options "
				    "(at most %d)", MAX_MATCHES);
			pc->matches[pc->nmatches++].arg = optarg;
			break;
		case OPT_MERGE: pc->ropts.merge = 1; break;
		case OPT_NETDB: pc->sopts.netdb = 1; break;
		case OPT_SERVICES: pc->services = optarg; break;
		case OPT_PROTO: parse_protos(pc, optarg); break;
		case OPT_SERVICE:
			pcre2_code_free(pc->service_re);
			pc->service_re = compile_re(optarg, "--service");
			break;
		case OPT_STATE: parse_states(pc, optarg); break;
		case OPT_UP: pc->up = 1; break;
		case 'h': usage();
		case 'V': fe_print_version();
		default: fe_tryhelp();
		}
	}
	if (list != NULL)
		list_fields(strcmp(list, "sockets") == 0 ? K_SOCK :
		    strcmp(list, "hosts") == 0 || pc->hosts ? K_HOST : K_PORT);
}

/* Ports (and with --dup-hosts, hosts) listed twice: said, not fatal. */
static void
reader_warning(void *arg, const struct pk_error *w)
{
	(void)arg;
	fe_warn_pkerr(w);
}

int
main(int argc, char *argv[])
{
	struct pcat pc;
	int i, status;

	fe_setprogname(argv[0]);
	memset(&pc, 0, sizeof(pc));
	pc.kind = K_NONE;
	pk_read_opts_init(&pc.ropts);
	pc.ropts.warn = reader_warning;
	pk_sock_opts_init(&pc.sopts);
	parse_args(&pc, argc, argv);
	setup(&pc);
	if (optind >= argc)
		do_file(&pc, "-");
	for (i = optind; i < argc; i++)
		do_file(&pc, argv[i]);
	if (pc.w != NULL && pk_writer_flush(pc.w) != PK_OK)
		fe_write_failed();
	status = pc.trouble != 0 ? pc.trouble :
	    pc.w != NULL && pk_writer_rows(pc.w) > 0 ? 0 : 1;
	cleanup(&pc);
	return fe_close_stdout(status);
}
