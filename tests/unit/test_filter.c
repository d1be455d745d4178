/*
 * test_filter.c - record filters: each criterion, its errors, the
 * judgements of hosts, ports, rows and sockets, and the rows written.
 *
 * The records are built by hand: a host with an open ssh port, a closed
 * http port, an open|filtered udp port and three filtered ports folded
 * into extraports; a host that is down; a masscan host with no status;
 * three sockets as ss and lsof print them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "portkit.h"

static struct pk_addr h1_addrs[] = {
	{ PK_ADDR_IPV4, "10.0.0.1", NULL },
	{ PK_ADDR_MAC, "00:11:22:33:44:55", "Acme" }
};
static struct pk_port h1_ports[] = {
	{ .proto = PK_PROTO_TCP, .port = 22, .state = "open",
	  .service = "ssh", .product = "OpenSSH", .version = "9.2p1",
	  .reason_ttl = -1, .conf = 10 },
	{ .proto = PK_PROTO_TCP, .port = 80, .state = "closed",
	  .service = "http", .reason_ttl = -1, .conf = 3 },
	{ .proto = PK_PROTO_UDP, .port = 53, .state = "open|filtered",
	  .reason_ttl = -1, .conf = -1 }
};
static struct pk_extrareason h1_reasons[] = {
	{ "no-response", 3, "tcp", "100-102" }
};
static struct pk_extraports h1_extra[] = {
	{ "filtered", 3, h1_reasons, 1 }
};
static const struct pk_host h1 = {
	.host = "10.0.0.1", .mac = "00:11:22:33:44:55", .status = "up",
	.status_reason_ttl = -1, .starttime = -1, .endtime = -1, .line = 3,
	.addrs = h1_addrs, .naddrs = 2, .ports = h1_ports, .nports = 3,
	.extraports = h1_extra, .nextraports = 1
};

static struct pk_addr h2_addrs[] = { { PK_ADDR_IPV6, "2001:db8::5", NULL } };
static const struct pk_host h2 = {
	.host = "2001:db8::5", .status = "down", .status_reason_ttl = -1,
	.starttime = -1, .endtime = -1, .line = 9, .addrs = h2_addrs,
	.naddrs = 1
};

static struct pk_addr h3_addrs[] = { { PK_ADDR_IPV4, "192.168.1.9", NULL } };
static const struct pk_host h3 = {
	.host = "192.168.1.9", .status_reason_ttl = -1, .starttime = -1,
	.endtime = -1, .line = 12, .addrs = h3_addrs, .naddrs = 1
};

static const struct pk_sock s_ssh = {
	.format = PK_FMT_SS, .proto = PK_PROTO_TCP, .addr = "0.0.0.0",
	.port = 22, .state = "listen", .listening = 1, .peer_port = -1,
	.process = "sshd", .pid = 10, .fd = 3, .line = 2, .family = 4
};
static const struct pk_sock s_dns = {
	.format = PK_FMT_SS, .proto = PK_PROTO_UDP, .addr = "*", .port = 53,
	.state = "unconn", .listening = 1, .peer_port = -1, .pid = -1,
	.fd = -1, .line = 3
};
static const struct pk_sock s_web = {
	.format = PK_FMT_LSOF, .proto = PK_PROTO_TCP, .addr = "fe80::1",
	.zone = "eth0", .port = 8080, .state = "established",
	.peer_addr = "fe80::2", .peer_port = 50000, .pid = -1, .fd = -1,
	.line = 4, .family = 6
};

/* The error of a criterion that failed, as "STATUS COLUMN: message". */
static const char *
refusal(int rc, const struct pk_error *err)
{
	static char buf[400];

	if (rc == PK_OK)
		return "ok";
	if (err->status != rc || err->file != NULL || err->line != 0)
		return "status, file or line not set";
	(void)snprintf(buf, sizeof(buf), "%d %lu: %s", rc, err->column,
	    err->msg);
	return buf;
}

/* The ports of h1 that f keeps, as "22 80 53". */
static const char *
ports_kept(struct pk_filter *f)
{
	static char buf[64];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < h1.nports; i++)
		if (pk_filter_port(f, &h1.ports[i]) == 1)
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%u",
			    n > 0 ? " " : "", h1.ports[i].port);
	return buf;
}

TEST(test_filter_empty)
{
	struct pk_filter *f = pk_filter_new();

	if (!assert_true(f != NULL))
		return;
	assert_int(pk_filter_criteria(f), 0);
	assert_int(pk_filter_host(f, &h1), 1);
	assert_int(pk_filter_host(f, &h2), 1);
	assert_str(ports_kept(f), "22 80 53");
	assert_int(pk_filter_row(f, &h1, &h1.ports[0], "x.xml"), 1);
	assert_int(pk_filter_row(f, &h1, NULL, "x.xml"), 1);
	assert_int(pk_filter_sock(f, &s_dns, "ss.txt"), 1);
	pk_filter_free(f);
	pk_filter_free(NULL);
}

TEST(test_filter_usage)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;

	assert_int(pk_filter_states(NULL, "open", &err), PK_ERR_USAGE);
	assert_int(pk_filter_states(f, NULL, &err), PK_ERR_USAGE);
	assert_int(pk_filter_protos(f, NULL, NULL), PK_ERR_USAGE);
	assert_int(pk_filter_ports(f, NULL, &err), PK_ERR_USAGE);
	assert_int(pk_filter_net(f, NULL, &err), PK_ERR_USAGE);
	assert_int(pk_filter_service(f, NULL, &err), PK_ERR_USAGE);
	assert_int(pk_filter_match(f, PK_REC_PORT, NULL, "x", &err),
	    PK_ERR_USAGE);
	assert_int(pk_filter_match(f, 7, "port", "x", &err), PK_ERR_USAGE);
	assert_int(pk_filter_sock_match(f, "port", NULL, &err),
	    PK_ERR_USAGE);
	/* Errors with no err to fill, and setters on no filter. */
	assert_int(pk_filter_states(f, "nope", NULL), PK_ERR_FORMAT);
	assert_int(pk_filter_service(f, "(", NULL), PK_ERR_FORMAT);
	assert_int(pk_filter_match(f, PK_REC_PORT, "nosuch", "x", NULL),
	    PK_ERR_USAGE);
	pk_filter_up(NULL, 1);
	pk_filter_set_warn(NULL, NULL, NULL);
	assert_int(pk_filter_criteria(NULL), 0);
	/* Nothing failed was kept. */
	assert_int(pk_filter_criteria(f), 0);
	pk_filter_free(f);
}

TEST(test_filter_states)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;
	struct pk_port none = h1_ports[0];

	assert_str(refusal(pk_filter_states(f, "opened", &err), &err),
	    "-2 0: unknown port state \"opened\"");
	assert_str(refusal(pk_filter_states(f, "open,", &err), &err),
	    "-2 0: unknown port state \"\"");
	assert_str(refusal(pk_filter_states(f, "", &err), &err),
	    "-2 0: unknown port state \"\"");
	assert_int(pk_filter_criteria(f), 0);
	assert_str(ports_kept(f), "22 80 53");
	assert_int(pk_filter_states(f, "open,open|filtered", &err), PK_OK);
	assert_int(pk_filter_criteria(f), PK_FILTER_STATE);
	assert_str(ports_kept(f), "22 53");
	assert_int(pk_filter_sock(f, &s_ssh, "ss.txt"), 0);
	/* Lists add up. */
	assert_int(pk_filter_states(f, "listen", &err), PK_OK);
	assert_int(pk_filter_sock(f, &s_ssh, "ss.txt"), 1);
	assert_int(pk_filter_sock(f, &s_dns, "ss.txt"), 0);
	none.state = NULL;
	assert_int(pk_filter_port(f, &none), 0);
	pk_filter_free(f);
}

TEST(test_filter_protos)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;
	struct pk_port odd = h1_ports[0];

	/* A long word is cut as pcat has always quoted it. */
	assert_str(refusal(pk_filter_protos(f, "tcp,icmpxxxxxxxxxxxxxxxx",
	    &err), &err), "-2 0: unknown protocol \"icmpxxxxxxxxxxx\"");
	assert_str(refusal(pk_filter_protos(f, "TCP", &err), &err),
	    "-2 0: unknown protocol \"TCP\"");
	assert_int(pk_filter_criteria(f), 0);
	assert_int(pk_filter_protos(f, "udp", &err), PK_OK);
	assert_str(ports_kept(f), "53");
	assert_int(pk_filter_sock(f, &s_dns, "ss.txt"), 1);
	assert_int(pk_filter_sock(f, &s_ssh, "ss.txt"), 0);
	odd.proto = 9;
	assert_int(pk_filter_port(f, &odd), 0);
	pk_filter_free(f);
}

TEST(test_filter_category)
{
	static const char table[] = "22/tcp\tcore,remote-access\tssh\n"
	    "53/udp\tcore\n"
	    "8080/tcp\tweb\n";
	struct pk_filter *f = pk_filter_new();
	struct pk_ports *pt = pk_ports_new();
	struct pk_error err;

	assert_int(pk_ports_load_mem(pt, table, strlen(table), "t", &err),
	    PK_OK);
	/* No table: a usage error, not an empty result. */
	assert_str(refusal(pk_filter_category(f, "core", &err), &err),
	    "-8 0: no filter, list or port table");
	pk_filter_set_ports(f, pt);
	assert_str(refusal(pk_filter_category(f, "core,nosuch", &err),
	    &err), "-2 0: unknown category \"nosuch\" (the port table has "
	    "core, remote-access, web)");
	assert_str(refusal(pk_filter_category(f, "", &err), &err),
	    "-2 0: unknown category \"\" (the port table has core, "
	    "remote-access, web)");
	assert_int(pk_filter_criteria(f), 0);
	assert_int(pk_filter_category(f, "remote-access", &err), PK_OK);
	assert_int(pk_filter_criteria(f), PK_FILTER_CATEGORY);
	assert_str(ports_kept(f), "22");
	assert_int(pk_filter_category(f, "web,core", &err), PK_OK);
	assert_str(ports_kept(f), "22 53");
	assert_int(pk_filter_sock(f, &s_web, "lsof.txt"), 1);
	assert_int(pk_filter_sock(f, &s_dns, "ss.txt"), 1);
	/* The category field of a --match reads the same table. */
	assert_int(pk_filter_match(f, PK_REC_PORT, "category", "remote",
	    &err), PK_OK);
	assert_int(pk_filter_row(f, &h1, &h1.ports[0], "x.xml"), 1);
	assert_int(pk_filter_row(f, &h1, &h1.ports[2], "x.xml"), 0);
	pk_filter_free(f);
	pk_ports_free(pt);
}

TEST(test_filter_ports)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;

	assert_str(refusal(pk_filter_ports(f, "70000", &err), &err),
	    "-2 0: bad port \"70000\" in \"70000\": out of range 0-65535");
	assert_int(pk_filter_criteria(f), 0);
	assert_int(pk_filter_ports(f, "T:22,U:53", &err), PK_OK);
	assert_str(ports_kept(f), "22 53");
	/* Ports without a prefix are every protocol's. */
	assert_int(pk_filter_ports(f, "80", &err), PK_OK);
	assert_str(ports_kept(f), "22 80 53");
	assert_int(pk_filter_criteria(f), PK_FILTER_PORTS);
	assert_int(pk_filter_sock(f, &s_ssh, "ss.txt"), 1);
	assert_int(pk_filter_sock(f, &s_web, "lsof.txt"), 0);
	pk_filter_free(f);
}

TEST(test_filter_net_errors)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;

	assert_str(refusal(pk_filter_net(f, "nosuch", &err), &err),
	    "-2 0: bad address \"nosuch\"");
	assert_str(refusal(pk_filter_net(f, "10.0.0.300/8", &err), &err),
	    "-2 0: bad address \"10.0.0.300/8\"");
	assert_str(refusal(pk_filter_net(f, "10.0.0.0/33", &err), &err),
	    "-2 0: prefix length out of range: '33' (must be 0..32)");
	assert_str(refusal(pk_filter_net(f, "::/129", &err), &err),
	    "-2 0: prefix length out of range: '129' (must be 0..128)");
	assert_str(refusal(pk_filter_net(f, "10.0.0.0/", &err), &err),
	    "-2 0: invalid prefix length: ''");
	assert_str(refusal(pk_filter_net(f, "10.0.0.0/+8", &err), &err),
	    "-2 0: invalid prefix length: '+8'");
	assert_str(refusal(pk_filter_net(f, "10.0.0.0/99999999999999999999",
	    &err), &err), "-2 0: prefix length out of range: "
	    "'99999999999999999999' (must be 0..32)");
	assert_int(pk_filter_criteria(f), 0);
	/* Leading zeros are digits like any other. */
	assert_int(pk_filter_net(f, "10.0.0.0/0008", &err), PK_OK);
	assert_int(pk_filter_host(f, &h1), 1);
	pk_filter_free(f);
}

TEST(test_filter_net)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;

	/* 10.0.0.0/31 holds .0 and .1; /31 of .2 does not hold .1. */
	assert_int(pk_filter_net(f, "10.0.0.2/31", &err), PK_OK);
	assert_int(pk_filter_criteria(f), PK_FILTER_NET);
	assert_int(pk_filter_host(f, &h1), 0);
	assert_int(pk_filter_net(f, "10.0.0.0/31", &err), PK_OK);
	assert_int(pk_filter_host(f, &h1), 1);
	assert_int(pk_filter_host(f, &h2), 0);
	assert_int(pk_filter_host(f, &h3), 0);
	assert_int(pk_filter_sock(f, &s_ssh, "ss.txt"), 0);
	pk_filter_free(f);

	f = pk_filter_new();
	assert_int(pk_filter_net(f, "2001:db8::/33", &err), PK_OK);
	assert_int(pk_filter_host(f, &h2), 1);
	assert_int(pk_filter_host(f, &h1), 0);
	/* Wildcards and host names are in no network. */
	assert_int(pk_filter_net(f, "0.0.0.0/0", &err), PK_OK);
	assert_int(pk_filter_sock(f, &s_ssh, "ss.txt"), 1);
	assert_int(pk_filter_sock(f, &s_dns, "ss.txt"), 0);
	assert_int(pk_filter_sock(f, &s_web, "lsof.txt"), 0);
	assert_int(pk_filter_net(f, "fe80::/10", &err), PK_OK);
	assert_int(pk_filter_sock(f, &s_web, "lsof.txt"), 1);
	pk_filter_free(f);
}

TEST(test_filter_service)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;

	/* PCRE2's reason; the column is 1-based (pcat says "offset 1"). */
	assert_str(refusal(pk_filter_service(f, "(", &err), &err),
	    "-2 2: missing closing parenthesis");
	assert_int(pk_filter_criteria(f), 0);
	assert_int(pk_filter_service(f, "^ssh$", &err), PK_OK);
	assert_int(pk_filter_criteria(f), PK_FILTER_SERVICE);
	assert_str(ports_kept(f), "22");
	/* A failed pattern leaves the one before; a good one replaces it. */
	assert_int(pk_filter_service(f, "[", &err), PK_ERR_FORMAT);
	assert_str(ports_kept(f), "22");
	assert_int(pk_filter_service(f, "tt", &err), PK_OK);
	assert_str(ports_kept(f), "80");
	pk_filter_free(f);
}

TEST(test_filter_up)
{
	struct pk_filter *f = pk_filter_new();

	pk_filter_up(f, 1);
	assert_int(pk_filter_criteria(f), PK_FILTER_UP);
	assert_int(pk_filter_host(f, &h1), 1);
	assert_int(pk_filter_host(f, &h2), 0);
	/* masscan has no status: it lists only hosts that answered. */
	assert_int(pk_filter_host(f, &h3), 1);
	pk_filter_up(f, 0);
	assert_int(pk_filter_criteria(f), 0);
	assert_int(pk_filter_host(f, &h2), 1);
	pk_filter_free(f);
}

TEST(test_filter_match)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;

	assert_str(refusal(pk_filter_match(f, PK_REC_PORT, "nosuch", "x",
	    &err), &err), "-8 0: unknown field \"nosuch\"");
	assert_str(refusal(pk_filter_match(f, PK_REC_PORT, "port", "a(",
	    &err), &err), "-2 3: missing closing parenthesis");
	assert_int(pk_filter_criteria(f), 0);
	assert_int(pk_filter_match(f, PK_REC_PORT, "version", "^9\\.", &err),
	    PK_OK);
	assert_int(pk_filter_criteria(f), PK_FILTER_MATCH);
	assert_int(pk_filter_row(f, &h1, &h1.ports[0], "x.xml"), 1);
	/* No value: no match. */
	assert_int(pk_filter_row(f, &h1, &h1.ports[1], "x.xml"), 0);
	/* Numbers are matched as printed; every match must hold. */
	assert_int(pk_filter_match(f, PK_REC_PORT, "port", "^2", &err),
	    PK_OK);
	assert_int(pk_filter_row(f, &h1, &h1.ports[0], "x.xml"), 1);
	assert_int(pk_filter_match(f, PK_REC_PORT, "file", "^y", &err),
	    PK_OK);
	assert_int(pk_filter_row(f, &h1, &h1.ports[0], "x.xml"), 0);
	assert_int(pk_filter_row(f, &h1, &h1.ports[0], "y.xml"), 1);
	/* Port matches leave host records and sockets alone. */
	assert_int(pk_filter_row(f, &h2, NULL, "x.xml"), 1);
	assert_int(pk_filter_sock(f, &s_dns, "ss.txt"), 1);
	assert_int(pk_filter_match(f, PK_REC_HOST, "status", "^up$", &err),
	    PK_OK);
	assert_int(pk_filter_row(f, &h1, NULL, "x.xml"), 1);
	assert_int(pk_filter_row(f, &h2, NULL, "x.xml"), 0);
	assert_int(pk_filter_row(f, &h3, NULL, "x.xml"), 0);
	/* The judgement of ports is another matter. */
	assert_str(ports_kept(f), "22 80 53");
	pk_filter_free(f);
}

TEST(test_filter_sock_match)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;

	assert_str(refusal(pk_filter_sock_match(f, "product", "x", &err),
	    &err), "-8 0: unknown field \"product\"");
	assert_int(pk_filter_sock_match(f, "process", "^ss", &err), PK_OK);
	assert_int(pk_filter_sock(f, &s_ssh, "ss.txt"), 1);
	assert_int(pk_filter_sock(f, &s_dns, "ss.txt"), 0);
	assert_int(pk_filter_sock_match(f, "pid", "^10$", &err), PK_OK);
	assert_int(pk_filter_sock(f, &s_ssh, "ss.txt"), 1);
	/* Scan records do not see socket matches. */
	assert_int(pk_filter_row(f, &h1, &h1.ports[1], "x.xml"), 1);
	pk_filter_free(f);
}

struct seen {
	int		 calls;
	int		 status;
	int		 file;	/* the error named a file */
	char		 msg[256];
};

static void
warned(void *arg, const struct pk_error *e)
{
	struct seen *s = arg;

	s->calls++;
	s->status = e->status;
	s->file = e->file != NULL;
	(void)snprintf(s->msg, sizeof(s->msg), "%s", e->msg);
}

TEST(test_filter_match_limit)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_port p = h1_ports[0];
	struct seen s = { 0, 0, 0, "" };
	struct pk_error err;

	/* Nested alternatives on 40 a's: 2^40 paths, far over the limit. */
	p.service = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	assert_int(pk_filter_service(f, "^(a|a)*[^a]", &err), PK_OK);
	pk_filter_set_warn(f, warned, &s);
	assert_int(pk_filter_port(f, &p), 0);
	assert_int(s.calls, 1);
	assert_int(s.status, PK_ERR_LIMIT);
	assert_int(s.file, 0);
	assert_str(s.msg, "pattern \"^(a|a)*[^a]\" on field service: "
	    "match limit exceeded");
	/* From then on no record passes a pattern, and no second word. */
	p.service = "ab";
	assert_int(pk_filter_port(f, &p), 0);
	assert_int(s.calls, 1);
	pk_filter_free(f);
}

/* What pk_filter_write_host wrote for h, tsv without a header; rc too. */
static const char *
written(struct pk_filter *f, const struct pk_host *h, unsigned flags,
    const char *fields, int *rc)
{
	static char out[512];
	struct pk_rowctx *row;
	struct pk_writer *w;
	const struct pk_field *fl;
	char *buf = NULL;
	size_t len = 0, n;
	FILE *fp;

	row = pk_rowctx_new(flags & PK_FILTER_WR_HOSTS ? PK_REC_HOST :
	    flags & PK_FILTER_WR_SCRIPTS ? PK_REC_SCRIPT : PK_REC_PORT,
	    fields, NULL);
	if (row == NULL || (fp = open_memstream(&buf, &len)) == NULL)
		return "no row maker or stream";
	fl = pk_rowctx_fields(row, &n);
	w = pk_writer_new(fp, PK_OUT_TSV, fl, n, PK_WR_NOHEADER);
	*rc = pk_filter_write_host(f, h, flags, row, w, "x.xml");
	pk_writer_free(w);
	pk_rowctx_free(row);
	fclose(fp);
	(void)snprintf(out, sizeof(out), "%s", buf != NULL ? buf : "");
	free(buf);
	return out;
}

TEST(test_filter_write_ports)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;
	int rc;

	assert_str(written(f, &h1, 0, "port,state", &rc),
	    "22\topen\n80\tclosed\n53\topen|filtered\n");
	assert_int(rc, PK_OK);
	assert_int(pk_filter_states(f, "filtered,closed", &err), PK_OK);
	assert_str(written(f, &h1, 0, "port,state", &rc), "80\tclosed\n");
	assert_str(written(f, &h1, PK_FILTER_WR_EXPAND, "port,state,reason",
	    &rc), "80\tclosed\t\n100\tfiltered\tno-response\n"
	    "101\tfiltered\tno-response\n102\tfiltered\tno-response\n");
	assert_int(rc, PK_OK);
	/* --match on the rows, then the host's own criteria. */
	assert_int(pk_filter_match(f, PK_REC_PORT, "port", "^10[02]$", &err),
	    PK_OK);
	assert_str(written(f, &h1, PK_FILTER_WR_EXPAND, "port", &rc),
	    "100\n102\n");
	pk_filter_up(f, 1);
	assert_str(written(f, &h2, PK_FILTER_WR_EXPAND, "port", &rc), "");
	assert_int(rc, PK_OK);
	pk_filter_free(f);
}

TEST(test_filter_write_hosts)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;
	int rc;

	/* No criteria on ports: every host, with ports or not. */
	assert_str(written(f, &h2, PK_FILTER_WR_HOSTS, "host", &rc),
	    "2001:db8::5\n");
	assert_int(rc, PK_OK);
	/* With one: the hosts with a port kept, extraports when asked. */
	assert_int(pk_filter_states(f, "filtered", &err), PK_OK);
	assert_str(written(f, &h1, PK_FILTER_WR_HOSTS, "host", &rc), "");
	assert_str(written(f, &h1, PK_FILTER_WR_HOSTS | PK_FILTER_WR_EXPAND,
	    "host,status", &rc), "10.0.0.1\tup\n");
	assert_str(written(f, &h2, PK_FILTER_WR_HOSTS | PK_FILTER_WR_EXPAND,
	    "host", &rc), "");
	/* Host matches judge the host record. */
	assert_int(pk_filter_match(f, PK_REC_HOST, "host", "^192", &err),
	    PK_OK);
	assert_str(written(f, &h1, PK_FILTER_WR_HOSTS | PK_FILTER_WR_EXPAND,
	    "host", &rc), "");
	assert_int(rc, PK_OK);
	pk_filter_free(f);
}

/* A script with a table: every mixed case of keys. */
static struct pk_script_elem sc_inner[] = {
	{ "a", "1", NULL, 0 }, { NULL, "two", NULL, 0 }
};
static struct pk_script_elem sc_list[] = {
	{ NULL, "x\ny", NULL, 0 }, { NULL, "\"q\"", NULL, 0 }
};
static struct pk_script_elem sc_top[] = {
	{ "mixed", NULL, sc_inner, 2 }, { "list", NULL, sc_list, 2 },
	{ "empty", NULL, NULL, 0 }, { "e", "", NULL, 0 }
};
static struct pk_script s_port[] = {
	{ "http-title", "Site\nTitle", sc_top, 4 },
	{ "banner", "ssh: SSH-2.0", NULL, 0 }
};
static struct pk_script s_host[] = { { "ipidseq", "All zeros", NULL, 0 } };

TEST(test_filter_write_scripts)
{
	struct pk_port ports[2] = { h1_ports[0], h1_ports[1] };
	struct pk_host h = h1;
	struct pk_filter *f = pk_filter_new();
	struct pk_error err;
	int rc;

	ports[0].scripts = s_port;
	ports[0].nscripts = 2;
	h.ports = ports;
	h.nports = 2;
	h.hostscripts = s_host;
	h.nhostscripts = 1;
	/* Port scripts, then the host's, whose proto and port are empty. */
	assert_str(written(f, &h, PK_FILTER_WR_SCRIPTS,
	    "host,proto,port,script,output", &rc),
	    "10.0.0.1\ttcp\t22\thttp-title\tSite\\nTitle\n"
	    "10.0.0.1\ttcp\t22\tbanner\tssh: SSH-2.0\n"
	    "10.0.0.1\t\t\tipidseq\tAll zeros\n");
	assert_int(rc, PK_OK);
	/* The tree as JSON: all keys an object, else an array. */
	assert_str(written(f, &h, PK_FILTER_WR_SCRIPTS, "elements", &rc),
	    "{\"mixed\":[{\"a\":\"1\"},\"two\"],\"list\":[\"x\\\\ny\","
	    "\"\\\\\"q\\\\\"\"],\"empty\":[],\"e\":\"\"}\n\n\n");
	/* Script matches; a port criterion leaves the host's scripts out. */
	assert_int(pk_filter_match(f, PK_REC_SCRIPT, "output", "^ssh: ",
	    &err), PK_OK);
	assert_str(written(f, &h, PK_FILTER_WR_SCRIPTS, "script", &rc),
	    "banner\n");
	assert_int(pk_filter_match(f, PK_REC_SCRIPT, "nosuch", "x", &err),
	    PK_ERR_USAGE);
	pk_filter_free(f);
	f = pk_filter_new();
	assert_int(pk_filter_ports(f, "80", &err), PK_OK);
	assert_str(written(f, &h, PK_FILTER_WR_SCRIPTS, "script", &rc), "");
	pk_filter_free(f);
}

TEST(test_rowctx_fill_script)
{
	struct pk_rowctx *rc = pk_rowctx_new(PK_REC_SCRIPT, NULL, NULL);
	struct pk_rowctx *prc = pk_rowctx_new(PK_REC_PORT, NULL, NULL);
	const struct pk_field *f;
	const struct pk_value *v;
	size_t n;

	if (!assert_true(rc != NULL && prc != NULL))
		goto out;
	f = pk_rowctx_fields(rc, &n);
	if (assert_int(n, 5)) {
		assert_str(f[3].name, "script");
		assert_str(f[4].name, "output");
	}
	f = pk_record_fields(PK_REC_SCRIPT, &n);
	if (assert_int(n, 7))
		assert_int(f[6].type, PK_FT_JSON);
	v = pk_rowctx_fill_script(rc, &h1, NULL, &s_host[0], "f.xml");
	if (assert_true(v != NULL)) {
		assert_int(v[1].set, 0);
		assert_int(v[2].set, 0);
		assert_str(v[3].s, "ipidseq");
	}
	/* Each kind of row maker fills its own kind only. */
	assert_true(pk_rowctx_fill_script(prc, &h1, NULL, &s_host[0],
	    "f.xml") == NULL);
	assert_true(pk_rowctx_fill(rc, &h1, &h1_ports[0], "f.xml") == NULL);
out:
	pk_rowctx_free(rc);
	pk_rowctx_free(prc);
}

TEST(test_filter_write_bad_extraports)
{
	struct pk_extrareason bad = { "no-response", 3, "tcp", "100-x" };
	struct pk_extraports ex = { "filtered", 3, &bad, 1 };
	struct pk_host h = h1;
	struct pk_filter *f = pk_filter_new();
	int rc;

	h.extraports = &ex;
	assert_str(written(f, &h, PK_FILTER_WR_EXPAND, "port", &rc),
	    "22\n80\n53\n");
	assert_int(rc, PK_ERR_FORMAT);
	/* A host still kept is written, and the list still said bad. */
	h.nports = 0;
	assert_str(written(f, &h, PK_FILTER_WR_HOSTS | PK_FILTER_WR_EXPAND,
	    "host", &rc), "10.0.0.1\n");
	assert_int(rc, PK_ERR_FORMAT);
	/* Without expansion the list is not read. */
	assert_str(written(f, &h, 0, "port", &rc), "");
	assert_int(rc, PK_OK);
	pk_filter_free(f);
}

TEST(test_filter_write_sock)
{
	struct pk_filter *f = pk_filter_new();
	struct pk_sockrow *sr = pk_sockrow_new("proto,port,process", NULL);
	const struct pk_field *fl;
	struct pk_writer *w;
	struct pk_error err;
	char *buf = NULL;
	size_t len = 0, n;
	FILE *fp = open_memstream(&buf, &len);

	if (!assert_true(sr != NULL && fp != NULL))
		return;
	fl = pk_sockrow_fields(sr, &n);
	w = pk_writer_new(fp, PK_OUT_TSV, fl, n, PK_WR_NOHEADER);
	assert_int(pk_filter_states(f, "listen,unconn", &err), PK_OK);
	assert_int(pk_filter_write_sock(f, &s_ssh, sr, w, "ss.txt"), PK_OK);
	assert_int(pk_filter_write_sock(f, &s_dns, sr, w, "ss.txt"), PK_OK);
	assert_int(pk_filter_write_sock(f, &s_web, sr, w, "ss.txt"), PK_OK);
	assert_int(pk_writer_rows(w), 2);
	pk_writer_free(w);
	fclose(fp);
	assert_str(buf, "tcp\t22\tsshd\nudp\t53\t\n");
	free(buf);
	pk_sockrow_free(sr);
	pk_filter_free(f);
}

TEST_MAIN(test_filter_empty, test_filter_usage, test_filter_states,
    test_filter_protos, test_filter_category, test_filter_ports,
    test_filter_net_errors,
    test_filter_net, test_filter_service, test_filter_up, test_filter_match,
    test_filter_sock_match, test_filter_match_limit, test_filter_write_ports,
    test_filter_write_hosts, test_filter_write_bad_extraports,
    test_filter_write_sock, test_filter_write_scripts,
    test_rowctx_fill_script)
