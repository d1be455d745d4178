/*
 * test_nonstd.c - placement checks: tables, scan ports and sockets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "harness.h"

static const char svc_text[] =
    "ssh\t22/tcp\t0.182286\n"
    "http\t80/tcp\t0.484143\n"
    "http\t8008/tcp\t0.006843\n"
    "https\t443/tcp\t0.208669\n"
    "EtherNetIP-1\t2222/tcp\t0.000608\n"
    "http-proxy\t8080/tcp\t0.042052\n"
    "redis\t6379/tcp\t0.000076\n"
    "mongod\t27017/tcp\t0.000076\n";
static const char map_text[] =
    "# comment\n"
    "^(sshd|dropbear)$\tssh\n"
    "^nginx$\thttp,https\n"
    "^redis-ser(ver?)?$\tredis\n"
    "^mongod$\tmongodb\n"
    "^quiet$\t-\n";
static const char equiv_text[] =
    "equiv\thttp\thttp http-proxy http-alt\n"
    "equiv\thttps\thttps ssl/http\n"
    "equiv\tmongodb\tmongodb mongod\n"
    "alternate\thttp\t8080/tcp 8888/tcp\n"
    "alternate\tssh\t2222/tcp\n";
static const char exposed_text[] = "redis\nmongodb\n";

static struct pk_services *svc;

static struct pk_nonstd *
checker(unsigned flags)
{
	struct pk_nonstd *ns;
	struct pk_error err;

	if (svc == NULL)
		svc = pk_services_load_mem(svc_text, strlen(svc_text), "s",
		    NULL, NULL);
	ns = pk_nonstd_new(svc, flags);
	assert_int(pk_nonstd_load_mem(ns, PK_NS_MAP, map_text,
	    strlen(map_text), "map", &err), PK_OK);
	assert_int(pk_nonstd_load_mem(ns, PK_NS_EQUIV, equiv_text,
	    strlen(equiv_text), "equiv", &err), PK_OK);
	assert_int(pk_nonstd_load_mem(ns, PK_NS_EXPOSED, exposed_text,
	    strlen(exposed_text), "exposed", &err), PK_OK);
	return ns;
}

/* "kind service registered expected | evidence" for each finding. */
static const char *
render(const struct pk_ns_finding *f, size_t n)
{
	static char buf[1024];
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used,
		    "%s%s %s %s %s %s | %s", i > 0 ? "\n" : "", f[i].kind,
		    f[i].host, f[i].service ? f[i].service : "-",
		    f[i].registered ? f[i].registered : "-",
		    f[i].expected_ports ? f[i].expected_ports : "-",
		    f[i].evidence);
	return buf;
}

static const char *
port(struct pk_nonstd *ns, unsigned num, const char *service,
    const char *tunnel, const char *method)
{
	const struct pk_ns_finding *f;
	struct pk_port p;
	size_t n;

	memset(&p, 0, sizeof(p));
	p.proto = PK_PROTO_TCP;
	p.port = num;
	p.state = "open";
	p.service = service;
	p.tunnel = tunnel;
	p.method = method;
	p.conf = 10;
	assert_int(pk_nonstd_port(ns, "10.0.0.1", &p, 0, &f, &n), PK_OK);
	return render(f, n);
}

/*
 * A port as grepable or normal output gives it: no method, a product or
 * extrainfo when -sV found one; versions as pk_scan_versions says.
 */
static const char *
bare(struct pk_nonstd *ns, unsigned num, const char *service,
    const char *product, const char *extrainfo, int versions)
{
	const struct pk_ns_finding *f;
	struct pk_port p;
	size_t n;

	memset(&p, 0, sizeof(p));
	p.proto = PK_PROTO_TCP;
	p.port = num;
	p.state = "open";
	p.service = service;
	p.product = product;
	p.extrainfo = extrainfo;
	assert_int(pk_nonstd_port(ns, "10.0.0.1", &p, versions, &f, &n),
	    PK_OK);
	return render(f, n);
}

/* Judged as ptop counts a detection (pk_port_detected), in any format. */
TEST(test_scan_ports_detected)
{
	struct pk_nonstd *ns = checker(0);
	struct pk_port p;
	const struct pk_ns_finding *f;
	size_t n;

	assert_str(bare(ns, 22, "http", "nginx", NULL, 0), "nonstandard "
	    "10.0.0.1 http ssh 80/tcp,8008/tcp | http (nginx) on 22/tcp "
	    "(registered: ssh; http is registered on 80/tcp,8008/tcp)");
	/* An extrainfo alone is a detection too. */
	assert_str(bare(ns, 22, "http", NULL, "x", 0), "nonstandard "
	    "10.0.0.1 http ssh 80/tcp,8008/tcp | http on 22/tcp "
	    "(registered: ssh; http is registered on 80/tcp,8008/tcp)");
	/* A bare name: detected only when the run asked for -sV. */
	assert_str(bare(ns, 22, "http", NULL, NULL, 0), "");
	assert_str(bare(ns, 22, "http", NULL, NULL, 1), "nonstandard "
	    "10.0.0.1 http ssh 80/tcp,8008/tcp | http on 22/tcp "
	    "(registered: ssh; http is registered on 80/tcp,8008/tcp)");
	assert_str(bare(ns, 22, "unknown", NULL, NULL, 1), "");
	/* nmap's '?' (method "table") and a probed name: as in the XML. */
	memset(&p, 0, sizeof(p));
	p.proto = PK_PROTO_TCP;
	p.port = 22;
	p.state = "open";
	p.service = "http";
	p.method = "table";
	assert_int(pk_nonstd_port(ns, "h", &p, 1, &f, &n), PK_OK);
	assert_int(n, 0);
	p.method = "probed";
	assert_int(pk_nonstd_port(ns, "h", &p, 0, &f, &n), PK_OK);
	assert_int(n, 1);
	/* Only open ports. */
	p.state = "filtered";
	assert_int(pk_nonstd_port(ns, "h", &p, 1, &f, &n), PK_OK);
	assert_int(n, 0);
	pk_nonstd_free(ns);
}

TEST(test_scan_ports)
{
	struct pk_nonstd *ns = checker(0);

	assert_str(port(ns, 2222, "ssh", NULL, "probed"), "alternate "
	    "10.0.0.1 ssh EtherNetIP-1 22/tcp | ssh on 2222/tcp (registered: "
	    "EtherNetIP-1; ssh is registered on 22/tcp)");
	assert_str(port(ns, 22, "http", NULL, "probed"), "nonstandard "
	    "10.0.0.1 http ssh 80/tcp,8008/tcp | http on 22/tcp (registered: "
	    "ssh; http is registered on 80/tcp,8008/tcp)");
	assert_str(port(ns, 22, "ssh", NULL, "probed"), "");
	assert_str(port(ns, 443, "http", "ssl", "probed"), "");
	assert_str(port(ns, 8008, "http-proxy", NULL, "probed"), "");
	/* Its own registered port, though an alternate of its family. */
	assert_str(port(ns, 8080, "http-proxy", NULL, "probed"), "");
	assert_str(port(ns, 8080, "http", NULL, "probed"), "alternate "
	    "10.0.0.1 http http-proxy 80/tcp,8008/tcp | http on 8080/tcp "
	    "(registered: http-proxy; http is registered on 80/tcp,8008/tcp)");
	assert_str(port(ns, 9999, "mongodb", NULL, "probed"), "nonstandard "
	    "10.0.0.1 mongodb - 27017/tcp | mongodb on 9999/tcp (registered: "
	    "none; mongodb is registered on 27017/tcp)");
	/* Only probed names are judged. */
	assert_str(port(ns, 22, "http", NULL, "table"), "");
	assert_str(port(ns, 22, "unknown", NULL, "probed"), "");
	assert_str(port(ns, 22, "tcpwrapped", NULL, "probed"), "");
	pk_nonstd_free(ns);
	ns = checker(PK_NS_STRICT);
	assert_str(port(ns, 2222, "ssh", NULL, "probed"), "nonstandard "
	    "10.0.0.1 ssh EtherNetIP-1 22/tcp | ssh on 2222/tcp (registered: "
	    "EtherNetIP-1; ssh is registered on 22/tcp)");
	pk_nonstd_free(ns);
}

static const char *
sock(struct pk_nonstd *ns, const char *addr, const char *zone,
    unsigned num, const char *proc)
{
	const struct pk_ns_finding *f;
	struct pk_sock s;
	size_t n;

	memset(&s, 0, sizeof(s));
	s.format = PK_FMT_SS;
	s.proto = PK_PROTO_TCP;
	s.addr = addr;
	s.zone = zone;
	s.port = num;
	s.state = "listen";
	s.listening = 1;
	s.process = proc;
	s.pid = proc != NULL ? 42 : -1;
	s.fd = -1;
	s.peer_port = -1;
	assert_int(pk_nonstd_sock(ns, &s, &f, &n), PK_OK);
	return render(f, n);
}

TEST(test_sockets)
{
	struct pk_nonstd *ns = checker(PK_NS_UNKNOWN);

	assert_str(sock(ns, "0.0.0.0", NULL, 22, "sshd"), "");
	assert_str(sock(ns, "::", NULL, 443, "nginx"), "");
	assert_str(sock(ns, "0.0.0.0", NULL, 8888, "nginx"), "alternate "
	    "0.0.0.0 http - 80/tcp,8008/tcp | nginx (pid 42) listens on "
	    "0.0.0.0:8888/tcp (registered: none; http is registered on "
	    "80/tcp,8008/tcp)");
	assert_str(sock(ns, "*", NULL, 6380, "redis-ser"), "nonstandard * "
	    "redis - 6379/tcp | redis-ser (pid 42) listens on *:6380/tcp "
	    "(registered: none; redis is registered on 6379/tcp)\n"
	    "exposed * redis - 6379/tcp | redis-ser (pid 42) listens on "
	    "*:6380/tcp: redis on every interface");
	assert_str(sock(ns, "::", NULL, 27017, "mongod"), "exposed :: mongodb "
	    "mongod 27017/tcp | mongod (pid 42) listens on [::]:27017/tcp: "
	    "mongodb on every interface");
	/* Bound to one address or one interface: not exposed. */
	assert_str(sock(ns, "127.0.0.1", NULL, 6379, "redis-server"), "");
	assert_str(sock(ns, "0.0.0.0", "lo", 6379, "redis-server"), "");
	assert_str(sock(ns, "fe80::1", "eth0", 9, "odd, (name"), "unknown "
	    "fe80::1%eth0 - - - | odd, (name (pid 42) listens on "
	    "[fe80::1%eth0]:9/tcp: no service mapped to this process");
	assert_str(sock(ns, "0.0.0.0", NULL, 9, NULL), "unknown 0.0.0.0 - - "
	    "- | a process listens on 0.0.0.0:9/tcp: no process information");
	assert_str(sock(ns, "0.0.0.0", NULL, 9, "quiet"), "");
	pk_nonstd_free(ns);
}

/* Exposure from the port table, and by port when no process is named. */
TEST(test_sockets_by_table)
{
	static const char cats[] =
	    "22/tcp\tcore,remote-access\tssh\n"
	    "80/tcp\tcore,web\thttp\n"
	    "3306/tcp\tdatabase\n"
	    "6379/tcp\tdatabase\tredis\n";
	struct pk_nonstd *ns = pk_nonstd_new(svc, 0);
	struct pk_ports *pt = pk_ports_new();
	struct pk_error err;

	assert_int(pk_nonstd_load_mem(ns, PK_NS_MAP, map_text,
	    strlen(map_text), "map", &err), PK_OK);
	assert_int(pk_ports_load_mem(pt, cats, strlen(cats), "c", &err),
	    PK_OK);
	/* No table yet, no exposed list: nothing is exposed. */
	assert_str(sock(ns, "0.0.0.0", NULL, 22, "sshd"), "");
	assert_str(sock(ns, "*", NULL, 6379, NULL), "");
	pk_nonstd_set_ports(ns, pt);
	assert_str(sock(ns, "0.0.0.0", NULL, 22, "sshd"), "exposed 0.0.0.0 "
	    "ssh ssh 22/tcp | sshd (pid 42) listens on 0.0.0.0:22/tcp: ssh "
	    "on every interface");
	assert_str(sock(ns, "0.0.0.0", NULL, 80, "nginx"), "");
	assert_str(sock(ns, "*", NULL, 6379, NULL), "exposed * redis redis "
	    "6379/tcp | a process listens on *:6379/tcp: redis on every "
	    "interface (database port, no process name)");
	assert_str(sock(ns, "::", NULL, 3306, NULL), "exposed :: - - - | a "
	    "process listens on [::]:3306/tcp: 3306/tcp on every interface "
	    "(database port, no process name)");
	assert_str(sock(ns, "127.0.0.1", NULL, 6379, NULL), "");
	assert_str(sock(ns, "*", NULL, 80, NULL), "");
	/* A named process that maps to nothing is not judged by port. */
	assert_str(sock(ns, "*", NULL, 3306, "python3"), "");
	pk_nonstd_free(ns);
	pk_ports_free(pt);
}

TEST(test_map_override)
{
	static const char mine[] = "^sshd$\thttp\n";
	struct pk_nonstd *ns = checker(0);
	struct pk_error err;

	assert_int(pk_nonstd_load_mem(ns, PK_NS_MAP, mine, strlen(mine), "m",
	    &err), PK_OK);
	assert_str(sock(ns, "10.0.0.1", NULL, 22, "sshd"), "nonstandard "
	    "10.0.0.1 http ssh 80/tcp,8008/tcp | sshd (pid 42) listens on "
	    "10.0.0.1:22/tcp (registered: ssh; http is registered on "
	    "80/tcp,8008/tcp)");
	pk_nonstd_free(ns);
}

static void
bad(enum pk_ns_table t, const char *text, unsigned long line,
    unsigned long col, const char *msg)
{
	struct pk_nonstd *ns = pk_nonstd_new(NULL, 0);
	struct pk_error err;

	memset(&err, 0, sizeof(err));
	assert_int(pk_nonstd_load_mem(ns, t, text, strlen(text), "f", &err),
	    PK_ERR_FORMAT);
	assert_str(err.file, "f");
	assert_int(err.line, line);
	assert_int(err.column, col);
	assert_str(err.msg, msg);
	pk_nonstd_free(ns);
}

TEST(test_table_errors)
{
	bad(PK_NS_MAP, "# c\n^(ssh\tssh\n", 2, 6,
	    "bad pattern \"^(ssh\": missing closing parenthesis at offset 5");
	bad(PK_NS_MAP, "^sshd ssh\n", 1, 0, "expected PATTERN<TAB>SERVICES");
	bad(PK_NS_EQUIV, "equal\thttp\thttp-alt\n", 1, 0,
	    "expected equiv|alternate<TAB>NAME<TAB>LIST");
	bad(PK_NS_EQUIV, "alternate\thttp\t8080\n", 1, 0,
	    "bad port/proto \"8080\"");
	bad(PK_NS_EQUIV, "alternate\thttp\t70000/tcp\n", 1, 0,
	    "bad port/proto \"70000/tcp\"");
	bad(PK_NS_EXPOSED, "redis mongodb\n", 1, 0,
	    "expected one service name a line");
	bad(PK_NS_MAP, "^sshd$\t,,,\n", 1, 0,
	    "no service name in \",,,\" (\"-\" ignores the process)");
}

/* A pattern past PCRE2's match limit fails the check, naming both. */
TEST(test_map_match_limit)
{
	static const char map[] = "# catastrophic\n^(a|aa)+$\tssh\n";
	struct pk_sock s;
	struct pk_nonstd *ns = pk_nonstd_new(NULL, 0);
	const struct pk_ns_finding *f;
	const struct pk_error *e;
	struct pk_error err;
	size_t n;

	assert_int(pk_nonstd_load_mem(ns, PK_NS_MAP, map, strlen(map),
	    "m.map", &err), PK_OK);
	memset(&s, 0, sizeof(s));
	s.proto = PK_PROTO_TCP;
	s.addr = "0.0.0.0";
	s.port = 22;
	s.listening = 1;
	s.process = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab";
	assert_int(pk_nonstd_sock(ns, &s, &f, &n), PK_ERR_LIMIT);
	e = pk_nonstd_error(ns);
	assert_str(e->file, "m.map");
	assert_int(e->line, 2);
	assert_str(e->msg, "pattern \"^(a|aa)+$\": match limit exceeded "
	    "on process \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\"");
	pk_nonstd_free(ns);
}

TEST(test_shipped_tables)
{
	static const char *const files[] = {
		"data/nonstd-map.tsv", "data/nonstd-equiv.tsv"
	};
	struct pk_nonstd *ns = pk_nonstd_new(NULL, 0);
	struct pk_ports *pt = pk_ports_new();
	struct pk_error err;
	size_t i;

	for (i = 0; i < 2; i++)
		assert_int(pk_nonstd_load(ns, (enum pk_ns_table)i, files[i],
		    &err), PK_OK);
	assert_int(pk_ports_load(pt, "data/port-categories", &err), PK_OK);
	pk_nonstd_free(ns);
	pk_ports_free(pt);
	pk_services_free(svc);
	svc = NULL;
}

TEST_MAIN(test_scan_ports, test_scan_ports_detected, test_sockets,
    test_sockets_by_table,
    test_map_override,
    test_map_match_limit,
    test_table_errors, test_shipped_tables)
