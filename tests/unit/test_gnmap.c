/*
 * test_gnmap.c - the Nmap grepable (-oG) reader: real nmap 7.93 output
 * recorded on 127.0.0.1 (tests/unit/data/gnmap/, each with its .cmd) and
 * hand-made edge and hostile inputs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "portkit.h"
#include "harness.h"
#include "reading.h"

#define DATA	"tests/unit/data/gnmap/"

#define HDR	"# Nmap 7.93 scan initiated Mon Nov 23 20:09:18 2026 as: " \
		"nmap -oG - 127.0.0.1\n"
#define DONE1	"# Nmap done at Mon Nov 23 20:09:18 2026 -- 1 IP address " \
		"(1 host up) scanned in 0.06 seconds\n"

/* The line grammar: the version field kept whole (probes ""). */
static struct pk_reader *
open_str(const char *s, size_t n)
{
	struct pk_read_opts o;

	pk_read_opts_init(&o);
	o.probes = "";
	return pk_reader_open_mem(s, n, "t", &o);
}

/* text must fail with status at line after delivering nhosts hosts. */
static void
reject(const char *text, size_t len, int status, unsigned long line,
    unsigned long nhosts, const char *msg)
{
	struct pk_reader *r = open_str(text, len);
	const struct pk_error *e;

	if ((e = th_rejects(r, status, line, nhosts, msg)) == NULL)
		return;
	assert_int(e->status, status);
	assert_str(e->file, "t");
	pk_reader_free(r);
}

static void
reject_s(const char *text, int status, unsigned long line,
    unsigned long nhosts, const char *msg)
{
	reject(text, strlen(text), status, line, nhosts, msg);
}

static void
check_port(const struct pk_port *p, int proto, unsigned port,
    const char *state, const char *service, const char *version)
{
	assert_int(p->proto, proto);
	assert_int(p->port, port);
	assert_str(p->state, state);
	assert_str(p->service, service);
	assert_str(p->version, version);
	assert_str(p->reason, NULL);
	assert_int(p->reason_ttl, -1);
	assert_str(p->product, NULL);
	assert_str(p->extrainfo, NULL);
	assert_str(p->method, NULL);
	assert_int(p->conf, -1);
	assert_str(p->owner, NULL);
	assert_str(p->rpcinfo, NULL);
	assert_int(p->ncpe, 0);
	assert_int(p->nscripts, 0);
}

TEST(test_basic_file)
{
	struct pk_reader *r = pk_reader_open(DATA "basic.gnmap", NULL);
	const struct pk_scan *s;
	const struct pk_host *h;

	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	assert_int(pk_reader_format(r), PK_FMT_GNMAP);
	assert_str(h->host, "127.0.0.1");
	assert_int(h->naddrs, 1);
	assert_int(h->addrs[0].type, PK_ADDR_IPV4);
	assert_str(h->addrs[0].vendor, NULL);
	assert_str(h->mac, NULL);
	assert_str(h->hostname, "localhost");
	assert_int(h->nhostnames, 1);
	assert_str(h->hostnames[0].type, NULL);
	assert_str(h->status, "up");
	assert_str(h->status_reason, NULL);
	assert_int(h->status_reason_ttl, -1);
	assert_int(h->starttime, -1);
	assert_int(h->endtime, -1);
	assert_int(h->line, 2);
	assert_int(h->nextraports, 0);
	assert_int(h->nosmatches, 0);
	assert_int(h->nhostscripts, 0);
	if (assert_int(h->nports, 3)) {
		check_port(&h->ports[0], PK_PROTO_TCP, 22, "closed", "ssh",
		    NULL);
		check_port(&h->ports[1], PK_PROTO_TCP, 80, "closed", "http",
		    NULL);
		check_port(&h->ports[2], PK_PROTO_TCP, 631, "closed", "ipp",
		    NULL);
		assert_str(h->ports[0].tunnel, NULL);
	}
	s = h->scan;
	assert_true(s == pk_reader_scan(r));
	assert_str(s->scanner, "nmap");
	assert_str(s->version, "7.93");
	assert_str(s->args, "nmap -p 22,80,631 -oG basic.gnmap 127.0.0.1");
	assert_str(s->startstr, "Mon Nov 23 20:20:48 2026");
	assert_int(s->start, -1);
	assert_int(s->nscaninfo, 0);
	assert_str(s->xmloutputversion, NULL);
	assert_int(s->format, PK_FMT_GNMAP);
	assert_int(s->docno, 1);
	assert_int(pk_reader_next(r, &h), PK_EOF);
	assert_true(h == NULL);
	assert_int(s->finished, 1);
	assert_str(s->exit, "success");
	assert_str(s->errormsg, NULL);
	assert_int(s->end, -1);
	assert_int(s->hosts_total, 1);
	assert_int(s->hosts_up, 1);
	assert_int(s->hosts_down, 0);
	assert_true(s->elapsed > 0.0899 && s->elapsed < 0.0901);
	assert_int(pk_reader_hosts(r), 1);
	assert_int(pk_reader_next(r, &h), PK_EOF);	/* stays at the end */
out:
	pk_reader_free(r);
}

TEST(test_ipv6_file)
{
	struct pk_reader *r = pk_reader_open(DATA "ipv6.gnmap", NULL);
	const struct pk_host *h;

	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	assert_str(h->host, "::1");
	assert_int(h->addrs[0].type, PK_ADDR_IPV6);
	assert_str(h->hostname, NULL);
	assert_int(h->nhostnames, 0);
	assert_str(h->status, "up");
	assert_int(h->nports, 3);
	assert_int(pk_reader_next(r, &h), PK_EOF);
out:
	pk_reader_free(r);
}

TEST(test_verbose_multi_file)
{
	struct pk_reader *r = pk_reader_open(DATA "verbose-multi.gnmap",
	    NULL);
	const struct pk_scaninfo *si;
	const struct pk_host *h;
	static const char *const addr[] = {
		"127.0.0.1", "127.0.0.2", "127.0.0.3"
	};
	int i;

	for (i = 0; i < 3; i++) {
		if (!assert_int(pk_reader_next(r, &h), PK_OK))
			goto out;
		assert_str(h->host, addr[i]);
		assert_str(h->hostname, i == 0 ? "localhost" : NULL);
		assert_int(h->line, 3 + 2 * i);
		if (!assert_int(h->nports, 3))
			continue;
		check_port(&h->ports[1], PK_PROTO_TCP, 18080,
		    i == 0 ? "open" : "closed", "unknown", NULL);
		check_port(&h->ports[2], PK_PROTO_UDP, 53, "closed", "domain",
		    NULL);
	}
	si = h->scan->scaninfo;
	if (assert_int(h->scan->nscaninfo, 2)) {
		assert_str(si[0].type, NULL);
		assert_str(si[0].protocol, "tcp");
		assert_int(si[0].numservices, 2);
		assert_str(si[0].services, "22,18080");
		assert_str(si[1].protocol, "udp");
		assert_int(si[1].numservices, 1);
		assert_str(si[1].services, "53");
	}
	assert_int(pk_reader_next(r, &h), PK_EOF);
	assert_int(pk_reader_scan(r)->hosts_total, 3);
	assert_int(pk_reader_scan(r)->hosts_up, 3);
out:
	pk_reader_free(r);
}

TEST(test_udp_sctp_ipproto_files)
{
	struct pk_reader *r;
	const struct pk_host *h;

	r = pk_reader_open(DATA "udp.gnmap", NULL);
	if (assert_int(pk_reader_next(r, &h), PK_OK) &&
	    assert_int(h->nports, 3))
		check_port(&h->ports[2], PK_PROTO_UDP, 161, "closed", "snmp",
		    NULL);
	pk_reader_free(r);

	/* An SCTP port with no service name is "132/filtered/sctp/////". */
	r = pk_reader_open(DATA "sctp.gnmap", NULL);
	if (assert_int(pk_reader_next(r, &h), PK_OK) &&
	    assert_int(h->nports, 2)) {
		check_port(&h->ports[0], PK_PROTO_SCTP, 80, "filtered", "http",
		    NULL);
		check_port(&h->ports[1], PK_PROTO_SCTP, 132, "filtered", NULL,
		    NULL);
	}
	pk_reader_free(r);

	/* -sO: "Protocols: 1/open/icmp/, ..." */
	r = pk_reader_open(DATA "ipproto.gnmap", NULL);
	if (assert_int(pk_reader_next(r, &h), PK_OK) &&
	    assert_int(h->nports, 4)) {
		check_port(&h->ports[0], PK_PROTO_IP, 1, "open", "icmp", NULL);
		check_port(&h->ports[3], PK_PROTO_IP, 132, "closed", "sctp",
		    NULL);
		assert_int(h->scan->nscaninfo, 1);
		assert_str(h->scan->scaninfo[0].protocol, "ip");
		assert_str(h->scan->scaninfo[0].services, "1,6,17,132");
	}
	assert_int(pk_reader_next(r, &h), PK_EOF);
	pk_reader_free(r);
}

TEST(test_ignored_file)
{
	struct pk_reader *r = pk_reader_open(DATA "ignored.gnmap", NULL);
	const struct pk_host *h;

	/* "Ports: <TAB>Ignored State: closed (1000)": no port listed. */
	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_int(h->nports, 0);
		if (assert_int(h->nextraports, 1)) {
			assert_str(h->extraports[0].state, "closed");
			assert_int(h->extraports[0].count, 1000);
			assert_int(h->extraports[0].nreasons, 0);
		}
	}
	assert_int(pk_reader_next(r, &h), PK_EOF);
	pk_reader_free(r);
}

TEST(test_list_and_ping_files)
{
	struct pk_reader *r;
	const struct pk_host *h;
	unsigned long n;

	r = pk_reader_open(DATA "listscan.gnmap", NULL);
	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_str(h->status, "unknown");
		assert_int(h->nports, 0);
	}
	assert_int(th_drain(r, &n), PK_EOF);
	assert_int(n, 1);
	assert_int(pk_reader_scan(r)->hosts_total, 2);
	assert_int(pk_reader_scan(r)->hosts_up, 0);
	assert_int(pk_reader_scan(r)->hosts_down, 2);
	pk_reader_free(r);

	r = pk_reader_open(DATA "pingscan.gnmap", NULL);
	assert_int(th_drain(r, &n), PK_EOF);
	assert_int(n, 1);
	pk_reader_free(r);
}

TEST(test_service_os_file)
{
	struct pk_read_opts o;
	struct pk_reader *r;
	const struct pk_host *h;

	pk_read_opts_init(&o);
	o.probes = "";
	r = pk_reader_open(DATA "service-os.gnmap", &o);

	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	if (assert_int(h->nports, 3)) {
		check_port(&h->ports[1], PK_PROTO_TCP, 18080, "open", "http",
		    "SimpleHTTPServer 0.6 (Python 3.11.2)");
		assert_str(h->ports[1].tunnel, NULL);
		/* "ssl|http" is nmap's "ssl/http": http in an SSL tunnel. */
		check_port(&h->ports[2], PK_PROTO_TCP, 18445, "open", "http",
		    "SimpleHTTPServer 0.6 (Python 3.11.2)");
		assert_str(h->ports[2].tunnel, "ssl");
	}
	assert_int(h->scan->nscaninfo, 1);
	assert_int(pk_reader_next(r, &h), PK_EOF);
out:
	pk_reader_free(r);
}

/*
 * The version field split with nmap-service-probes' product names, read
 * only once a port has a version; nmap's '?' is the table's guess.
 */
TEST(test_version_split)
{
	static const char text[] = HDR "Host: 10.0.0.1 ()\tPorts: "
	    "22/open/tcp//ssh//OpenSSH 9.2p1 (protocol 2.0)/, "
	    "80/open/tcp//http?///, 81/open/tcp//http//Frob 1 (x)/, "
	    "82/open/tcp//http//(only extra)/\n" DONE1;
	char path[] = "/tmp/test_gnmap.XXXXXX";
	struct pk_read_opts o;
	struct pk_reader *r;
	const struct pk_host *h;

	if (th_ssh_probes(path) != 0) {
		assert_true(0);
		return;
	}
	pk_read_opts_init(&o);
	o.probes = path;
	r = pk_reader_open_mem(text, sizeof(text) - 1, "t", &o);
	if (assert_int(pk_reader_next(r, &h), PK_OK) &&
	    assert_int(h->nports, 4)) {
		assert_str(h->ports[0].product, "OpenSSH");
		assert_str(h->ports[0].version, "9.2p1");
		assert_str(h->ports[0].extrainfo, "protocol 2.0");
		assert_str(h->ports[0].method, NULL);
		assert_str(h->ports[1].service, "http");
		assert_str(h->ports[1].method, "table");
		assert_str(h->ports[2].product, NULL);	/* unknown name */
		assert_str(h->ports[2].version, "Frob 1 (x)");
		assert_str(h->ports[2].extrainfo, NULL);
		assert_str(h->ports[3].version, NULL);
		assert_str(h->ports[3].extrainfo, "only extra");
	}
	pk_reader_free(r);
	unlink(path);
	o.probes = "/nonexistent/nmap-service-probes";	/* kept whole */
	r = pk_reader_open_mem(text, sizeof(text) - 1, "t", &o);
	if (assert_int(pk_reader_next(r, &h), PK_OK) &&
	    assert_int(h->nports, 4)) {
		assert_str(h->ports[0].product, NULL);
		assert_str(h->ports[0].version,
		    "OpenSSH 9.2p1 (protocol 2.0)");
	}
	pk_reader_free(r);
}

/* What nmap prints with -sV -O for odd versions, owners and guesses. */
static const char handmade[] =
    HDR
    "# a comment nmap never writes\n"
    "\n"
    "Host: 10.0.0.1 (a.example)\tStatus: Up\n"
    "Host: 10.0.0.1 (a.example)\tPorts: "
    "22/open/tcp/root/ssh?//OpenSSH 8.0, protocol 2.0|x (a\tb)/, "
    "111/open/udp//rpcbind/100000 2-4/rpcbind 2-4 (RPC #100000)/, "
    "443/open/tcp//ssl|unknown///\t"
    "Ignored State: filtered (995)\tOS: Linux 4.15 - 5.8|Linux 5.0\t"
    "Seq Index: 260\tIP ID Seq: All zeros\n"
    "Host: 10.0.0.2 ()\tStatus: Down\n"
    "Host: 10.0.0.1 (a.example)\tStatus: Up\n"
    "# Nmap done at Mon Nov 23 20:09:18 2026 -- 256 IP addresses "
    "(2 hosts up) scanned in 12 seconds\n";

TEST(test_handmade_fields)
{
	struct pk_reader *r = open_str(handmade, sizeof(handmade) - 1);
	const struct pk_port *p;
	const struct pk_host *h;

	if (!assert_int(pk_reader_next(r, &h), PK_OK) ||
	    !assert_int(h->nports, 3))
		goto out;
	assert_int(h->line, 4);
	p = &h->ports[0];
	assert_str(p->owner, "root");
	assert_str(p->service, "ssh");			/* "?" dropped */
	assert_str(p->version, "OpenSSH 8.0, protocol 2.0|x (a\tb)");
	p = &h->ports[1];
	assert_str(p->rpcinfo, "100000 2-4");
	assert_str(p->version, "rpcbind 2-4 (RPC #100000)");
	assert_str(h->ports[2].service, "unknown");
	assert_str(h->ports[2].tunnel, "ssl");
	if (assert_int(h->nextraports, 1)) {
		assert_str(h->extraports[0].state, "filtered");
		assert_int(h->extraports[0].count, 995);
	}
	if (assert_int(h->nosmatches, 2)) {
		assert_str(h->osmatches[0].name, "Linux 4.15 - 5.8");
		assert_int(h->osmatches[0].accuracy, 100);
		assert_str(h->osmatches[1].name, "Linux 5.0");
	}
	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	assert_str(h->host, "10.0.0.2");
	assert_str(h->status, "down");
	assert_int(h->nports, 0);
	/* Not adjacent to its first lines: a host of its own. */
	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	assert_str(h->host, "10.0.0.1");
	assert_int(h->line, 7);
	assert_int(h->nports, 0);
	assert_int(pk_reader_next(r, &h), PK_EOF);
	assert_int(h == NULL, 1);
	assert_int(pk_reader_scan(r)->hosts_total, 256);
	assert_int(pk_reader_scan(r)->hosts_down, 254);
	assert_true(pk_reader_scan(r)->elapsed == 12.0);
out:
	pk_reader_free(r);
}

TEST(test_crlf_and_gzip)
{
	static const char crlf[] =
	    "# Nmap 7.93 scan initiated X as: nmap\r\n"
	    "Host: 10.0.0.1 ()\tStatus: Up\r\n"
	    "# Nmap done at X -- 1 IP address (1 host up) scanned in "
	    "0.50 seconds\r\n";
	struct pk_reader *r = open_str(crlf, sizeof(crlf) - 1);
	const struct pk_host *h;
	unsigned long n;

	if (assert_int(pk_reader_next(r, &h), PK_OK))
		assert_str(h->status, "up");
	assert_int(pk_reader_next(r, &h), PK_EOF);
	assert_true(pk_reader_scan(r)->elapsed == 0.5);
	assert_str(pk_reader_scan(r)->args, "nmap");
	pk_reader_free(r);

	r = pk_reader_open(DATA "basic.gnmap.gz", NULL);
	assert_int(th_drain(r, &n), PK_EOF);
	assert_int(n, 1);
	pk_reader_free(r);
}

TEST(test_two_runs)
{
	/* --append-output after an interrupted run: two documents. */
	static const char two[] =
	    HDR
	    "Host: 10.0.0.1 ()\tStatus: Up\n"
	    "# Nmap 7.94 scan initiated Tue Nov 24 01:00:00 2026 as: nmap "
	    "--resume x\n"
	    "Host: 10.0.0.2 ()\tStatus: Up\n"
	    DONE1;
	struct pk_reader *r = open_str(two, sizeof(two) - 1);
	const struct pk_scan *first;
	const struct pk_host *h;

	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	first = h->scan;
	assert_int(first->docno, 1);
	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	assert_str(h->host, "10.0.0.2");
	assert_int(h->scan->docno, 2);
	assert_str(h->scan->version, "7.94");
	assert_str(h->scan->args, "nmap --resume x");
	assert_int(pk_reader_next(r, &h), PK_EOF);
	assert_int(first->finished, 0);
	assert_int(pk_reader_scan(r)->finished, 1);
out:
	pk_reader_free(r);
}

TEST(test_masscan)
{
	static const char ms[] =
	    "# Masscan 1.3.2 scan initiated Fri Nov 17 10:00:00 2023\n"
	    "# Ports scanned: TCP(3;22-22,80-81,) UDP(1;65589-65589) SCTP(0;) "
	    "PROTOCOLS(0;)\n"
	    "Timestamp: 1700000000\tHost: 10.0.0.1 ()\tPorts: "
	    "80/open/tcp//http//\n"
	    "Timestamp: 1700000002\tHost: 10.0.0.1 ()\tPorts: "
	    "65589/open/udp//domain//\n"
	    "Host: 10.0.0.1 ()\tPort: 80\tService: http\tBanner: "
	    "HTTP/1.0 200 OK\\x0d\\x0aServer: x\n"
	    "Host: 10.0.0.1 ()\tPort: 22\tService: ssh\tBanner: SSH-2.0-x\n"
	    "Timestamp: 1700000001\tHost: 10.0.0.9 ()\tPorts: "
	    "131200/open/sctp////\n"
	    "# Masscan done at Fri Nov 17 10:00:09 2023\n";
	struct pk_reader *r = open_str(ms, sizeof(ms) - 1);
	const struct pk_host *h;
	const struct pk_scan *s;

	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	s = h->scan;
	assert_str(s->scanner, "masscan");
	assert_str(s->version, "1.3.2");
	assert_str(s->startstr, "Fri Nov 17 10:00:00 2023");
	assert_str(s->args, NULL);
	assert_int(s->nscaninfo, 2);
	/* masscan's numbering and final comma undone (masscan 1.3.2). */
	assert_str(s->scaninfo[0].services, "22,80-81");
	assert_str(s->scaninfo[1].services, "53");
	assert_str(h->status, NULL);
	assert_int(h->endtime, 1700000002);
	assert_int(h->line, 3);
	if (!assert_int(h->nports, 3))
		goto out;
	check_port(&h->ports[1], PK_PROTO_UDP, 53, "open", "domain", NULL);
	assert_int(h->ports[0].port, 80);
	if (assert_int(h->ports[0].nscripts, 1)) {
		assert_str(h->ports[0].scripts[0].id, "banner");
		assert_str(h->ports[0].scripts[0].output,
		    "http: HTTP/1.0 200 OK\\x0d\\x0aServer: x");
		/* The banner's type is no service name (issue 15). */
		assert_str(h->ports[0].service, "http");
		assert_int(h->ports[0].scripts[0].nelems, 2);
		assert_str(h->ports[0].scripts[0].elems[0].key, "type");
		assert_str(h->ports[0].scripts[0].elems[0].value, "http");
		assert_str(h->ports[0].scripts[0].elems[1].value,
		    "HTTP/1.0 200 OK\\x0d\\x0aServer: x");
	}
	assert_int(h->ports[2].proto, PK_PROTO_TCP);
	assert_int(h->ports[2].port, 22);
	assert_str(h->ports[2].state, "open");
	assert_str(h->ports[2].service, NULL);
	assert_int(h->ports[2].nscripts, 1);
	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	assert_int(h->nports, 1);
	assert_int(h->ports[0].proto, PK_PROTO_SCTP);
	assert_int(h->ports[0].port, 128);
	assert_str(h->ports[0].service, NULL);
	assert_int(pk_reader_next(r, &h), PK_EOF);
	assert_int(s->finished, 1);
	assert_int(s->hosts_total, -1);
	assert_str(s->exit, NULL);
out:
	pk_reader_free(r);
}

TEST(test_bad_ports)
{
	reject_s(HDR "Host: 10.0.0.1 ()\tPorts: 70000/open/tcp//x///\n",
	    PK_ERR_FORMAT, 2, 0, "bad port number \"70000\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tPorts: -1/open/tcp//x///\n",
	    PK_ERR_FORMAT, 2, 0, "bad port number \"-1\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tPorts: abc/open/tcp//x///\n",
	    PK_ERR_FORMAT, 2, 0, "bad port number \"abc\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tPorts: 0/open/tcp//x///\n",
	    PK_ERR_FORMAT, 2, 0, "bad port number \"0\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tPorts: /open/tcp//x///\n",
	    PK_ERR_FORMAT, 2, 0, "bad port number \"\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tPorts: 22/opened/tcp//x///\n",
	    PK_ERR_FORMAT, 2, 0, "bad port state \"opened\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tPorts: 22/open/icmp//x///\n",
	    PK_ERR_FORMAT, 2, 0, "bad protocol \"icmp\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tPorts: 22/open/ip//x///\n",
	    PK_ERR_FORMAT, 2, 0, "bad protocol \"ip\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tPorts: 22/open/tcp//ssh//\n",
	    PK_ERR_FORMAT, 2, 0,
	    "incomplete port entry \"22/open/tcp//ssh//\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tPorts: 22/open\tStatus: Up\n",
	    PK_ERR_FORMAT, 2, 0,
	    "incomplete port entry \"22/open\\x09Status: Up\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tPorts: 22/open/tcp//ssh///,80\n",
	    PK_ERR_FORMAT, 2, 0,
	    "expected \", \" or TAB after port entry \",80\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tProtocols: 256/open/x/\n",
	    PK_ERR_FORMAT, 2, 0, "bad protocol number \"256\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tIgnored State: closed 997\n",
	    PK_ERR_FORMAT, 2, 0, "bad ignored state \"closed 997\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tIgnored State: shut (9)\n",
	    PK_ERR_FORMAT, 2, 0, "bad ignored state \"shut (9)\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tStatus: Up\tOS: A||B\n",
	    PK_ERR_FORMAT, 2, 0, "empty OS name \"|B\"");
}

/*
 * Port entries are split eight bytes at a time: wherever the entry falls
 * against those words (a first entry 0 to 15 bytes longer), each field
 * comes out whole, a TAB before the version fails and one inside it does
 * not.
 */
TEST(test_ports_every_offset)
{
	static const char entry[] = "22/open/tcp/own/ssl|ssh?/rpc/Open\tSSH/";
	const struct pk_host *h;
	struct pk_reader *r;
	char text[300], pad[20], cut[80];
	size_t shift, at, bad = 0;

	for (shift = 0; shift < 16; shift++) {
		memset(pad, '9', shift);
		pad[shift] = '\0';
		(void)snprintf(text, sizeof(text), HDR "Host: 10.0.0.1 ()\t"
		    "Ports: 1%s/open/udp/////, %s, 80/closed/tcp//http///\n",
		    pad, entry);
		if (shift > 3)		/* past 65535: keep the port valid */
			(void)snprintf(text, sizeof(text), HDR "Host: 10.0.0.1 "
			    "()\tPorts: 1/open/udp//%s///, %s, "
			    "80/closed/tcp//http///\n", pad, entry);
		r = open_str(text, strlen(text));
		if (pk_reader_next(r, &h) != PK_OK || h->nports != 3 ||
		    h->ports[1].port != 22 || strcmp(h->ports[1].owner, "own") ||
		    strcmp(h->ports[1].service, "ssh") ||
		    strcmp(h->ports[1].tunnel, "ssl") ||
		    strcmp(h->ports[1].rpcinfo, "rpc") ||
		    strcmp(h->ports[1].version, "Open\tSSH") ||
		    h->ports[2].port != 80 || strcmp(h->ports[2].service, "http"))
			bad++;
		pk_reader_free(r);
		/* A TAB in place of each byte before the version's start. */
		for (at = 0; at < 28; at++) {
			(void)snprintf(cut, sizeof(cut), "%s", entry);
			cut[at] = '\t';
			(void)snprintf(text, sizeof(text), HDR "Host: 10.0.0.1 "
			    "()\tPorts: 1/open/udp//%s///, %s\n", pad, cut);
			r = open_str(text, strlen(text));
			if (pk_reader_next(r, &h) != PK_ERR_FORMAT ||
			    strncmp(pk_reader_error(r)->msg, "incomplete port "
			    "entry", 21) != 0)
				bad++;
			pk_reader_free(r);
		}
	}
	assert_int(bad, 0);
}

/*
 * Lines name the host being built by an address compared whole, padded
 * to 48 bytes: one that is a prefix of the other is another host, the
 * longest one (45 bytes) is still one host, one byte more is refused.
 */
TEST(test_host_address_edges)
{
	static const char text[] = HDR
	    "Host: 10.0.0.1 ()\tStatus: Up\n"
	    "Host: 10.0.0.10 ()\tStatus: Up\n"
	    "Host: 10.0.0.10 ()\tPorts: 22/open/tcp//ssh///\n"
	    "Host: ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255 ()\t"
	    "Status: Up\n"
	    "Host: ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255 ()\t"
	    "Ports: 80/open/tcp//http///\n"
	    DONE1;
	struct pk_reader *r = open_str(text, sizeof(text) - 1);
	const struct pk_host *h;

	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_str(h->host, "10.0.0.1");
		assert_int(h->nports, 0);
	}
	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_str(h->host, "10.0.0.10");
		assert_int(h->nports, 1);
	}
	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_str(h->host,
		    "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255");
		assert_int(h->nports, 1);
	}
	assert_int(pk_reader_next(r, &h), PK_EOF);
	pk_reader_free(r);
	reject_s(HDR "Host: 0ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255 ()"
	    "\tStatus: Up\n", PK_ERR_FORMAT, 2, 0, "bad address "
	    "\"0ffff:ffff:ffff:ffff:ffff:ffff:2...\"");
}

/*
 * A host's next line is known by repeating the last one's "ADDR (NAME)"
 * head: a line that differs anywhere in it, or goes on without a TAB,
 * takes the long way, with its checks and errors.
 */
TEST(test_host_head_again)
{
	static const char text[] = HDR
	    "Host: 10.0.0.1 (a)\tStatus: Up\n"
	    "Host: 10.0.0.1 (ab)\tOS: x\tStatus: Up\n"
	    "Host: 10.0.0.1 (a)\tPorts: 22/open/tcp//ssh///\n"
	    "Host: 10.0.0.1 ()\tStatus: Up\n"
	    "Host: 10.0.0.1 (ab)\tProtocols: 6/open/tcp/\n"
	    "Host: 10.0.0.2 (a)\tStatus: Up\n"
	    "Host: 10.0.0.1 (a)\tStatus: Up\n"
	    DONE1;
	struct pk_reader *r = open_str(text, sizeof(text) - 1);
	const struct pk_host *h;

	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_str(h->host, "10.0.0.1");
		if (assert_int(h->nhostnames, 2)) {
			assert_str(h->hostnames[0].name, "a");
			assert_str(h->hostnames[1].name, "ab");
		}
		assert_int(h->nports, 2);
		assert_int(h->nosmatches, 1);
	}
	if (assert_int(pk_reader_next(r, &h), PK_OK))
		assert_str(h->host, "10.0.0.2");
	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_str(h->host, "10.0.0.1");
		assert_int(h->nhostnames, 1);
		assert_int(h->line, 8);
	}
	assert_int(pk_reader_next(r, &h), PK_EOF);
	pk_reader_free(r);
	reject_s(HDR "Host: 10.0.0.1 (a)\tStatus: Up\n"
	    "Host: 10.0.0.1 (a)\n", PK_ERR_FORMAT, 3, 0,
	    "host line without Status, Ports or Protocols field");
	reject_s(HDR "Host: 10.0.0.1 (a)\tStatus: Up\n"
	    "Host: 10.0.0.1 (a) Status: Up\n", PK_ERR_FORMAT, 3, 0,
	    "bad host name \"a) Status: Up\"");
	reject_s(HDR "Host: 10.0.0.1 (a)\tStatus: Up\n"
	    "Host: 10.0.0.1 (a)\tStatus: Down\n", PK_ERR_FORMAT, 3, 0,
	    "conflicting host status \"Down\"");
	reject_s(HDR "Host: 10.0.0.1 (a)\tStatus: Up\n"
	    "Host: 10.0.0.1 (a)\t\n", PK_ERR_FORMAT, 3, 0,
	    "unknown field \"\"");
}

TEST(test_bad_host_lines)
{
	reject_s(HDR "Host: 10.0.0.256 ()\tStatus: Up\n",
	    PK_ERR_FORMAT, 2, 0, "bad address \"10.0.0.256\"");
	reject_s(HDR "Host: ::g ()\tStatus: Up\n",
	    PK_ERR_FORMAT, 2, 0, "bad address \"::g\"");
	reject_s(HDR "Host:  ()\tStatus: Up\n",
	    PK_ERR_FORMAT, 2, 0, "bad address \"\"");
	/* The excerpt stays short, printable and on one line. */
	reject_s(HDR "Host: \"\\\x1b\xff" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    " ()\tStatus: Up\n", PK_ERR_FORMAT, 2, 0,
	    "bad address \"\\\"\\\\\\x1b\\xffaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\"");
	reject_s(HDR "Host: 10.0.0.1\tStatus: Up\n", PK_ERR_FORMAT, 2, 0,
	    "expected \" (NAME)\" after address \"\\x09Status: Up\"");
	reject_s(HDR "Host: 10.0.0.1 (x\tStatus: Up\n", PK_ERR_FORMAT, 2, 0,
	    "bad host name \"x\\x09Status: Up\"");
	reject_s(HDR "Host: 10.0.0.1 ()\n", PK_ERR_FORMAT, 2, 0,
	    "host line without Status, Ports or Protocols field");
	reject_s(HDR "Host: 10.0.0.1 ()\tOS: Linux\n", PK_ERR_FORMAT, 2, 0,
	    "host line without Status, Ports or Protocols field");
	reject_s(HDR "Host: 10.0.0.1 ()\tStatus: up\n", PK_ERR_FORMAT, 2, 0,
	    "bad host status \"up\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tStatus: Up\tStatus: Up\n",
	    PK_ERR_FORMAT, 2, 0, "repeated field \"Status\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tStatus: Up\n"
	    "Host: 10.0.0.1 ()\tStatus: Down\n", PK_ERR_FORMAT, 3, 0,
	    "conflicting host status \"Down\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tMAC: 00:11\n", PK_ERR_FORMAT, 2, 0,
	    "unknown field \"MAC\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tStatus: Up \n", PK_ERR_FORMAT, 2, 0,
	    "bad host status \"Up \"");
	reject_s(HDR "Host: 10.0.0.1 () Status: Up\n", PK_ERR_FORMAT, 2, 0,
	    "bad host name \") Status: Up\"");
	reject_s(HDR "Timestamp: x\tHost: 10.0.0.1 ()\tStatus: Up\n",
	    PK_ERR_FORMAT, 2, 0, "bad timestamp \"x\"");
	reject_s(HDR "Hostname: x\n", PK_ERR_FORMAT, 2, 0,
	    "unrecognized line \"Hostname: x\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tStatus: Up\nNmap scan report for x\n",
	    PK_ERR_FORMAT, 3, 0,
	    "unrecognized line \"Nmap scan report for x\"");
	reject_s(HDR "Host: 10.0.0.1 ()\tPort: 80\n", PK_ERR_FORMAT, 2, 0,
	    "banner line without Port or Banner field");
}

TEST(test_error_keeps_earlier_hosts)
{
	/* 10.0.0.1 is whole; 10.0.0.2's Status line is dropped with it. */
	reject_s(HDR "Host: 10.0.0.1 ()\tStatus: Up\n"
	    "Host: 10.0.0.2 ()\tStatus: Up\n"
	    "Host: 10.0.0.2 ()\tPorts: 99999/open/tcp/////\n" DONE1,
	    PK_ERR_FORMAT, 4, 1, "bad port number \"99999\"");
}

TEST(test_scan_lines)
{
	reject_s(HDR "# Nmap done at X -- 1 IP address (2 hosts up) scanned "
	    "in 1 seconds\n", PK_ERR_FORMAT, 2, 0, "malformed trailer "
	    "\"# Nmap done at X -- 1 IP address...\"");
	reject_s(HDR "# Nmap done at X\n", PK_ERR_FORMAT, 2, 0,
	    "malformed trailer \"# Nmap done at X\"");
	reject_s(HDR "# Nmap done at X -- 1 IP address (1 host up) scanned "
	    "in 1,5 seconds\n", PK_ERR_FORMAT, 2, 0, "malformed trailer "
	    "\"# Nmap done at X -- 1 IP address...\"");
	reject_s(HDR "# Ports scanned: TCP(x;1)\n", PK_ERR_FORMAT, 2, 0,
	    "malformed \"# Ports scanned\" line "
	    "\"# Ports scanned: TCP(x;1)\"");
	reject_s(HDR "# Ports scanned: TCP(1;1) FOO(0;)\n", PK_ERR_FORMAT,
	    2, 0, "malformed \"# Ports scanned\" line "
	    "\"# Ports scanned: TCP(1;1) FOO(0;...\"");
}

TEST(test_truncated)
{
	static const char nonl[] = HDR "Host: 10.0.0.1 ()\tStatus: Up\n"
	    DONE1;

	/* No trailer: every host is delivered, then the truncation. */
	reject_s(HDR "Host: 10.0.0.1 ()\tStatus: Up\n"
	    "Host: 10.0.0.1 ()\tPorts: 22/open/tcp//ssh///\n",
	    PK_ERR_TRUNCATED, 3, 1, "truncated scan: no '# Nmap done' line");
	reject_s(HDR, PK_ERR_TRUNCATED, 1, 0,
	    "truncated scan: no '# Nmap done' line");
	/* The host's own Ports line is cut: no half host. */
	reject_s(HDR "Host: 10.0.0.1 ()\tStatus: Up\n"
	    "Host: 10.0.0.1 ()\tPorts: 22/open/tcp//ssh///, 80/op",
	    PK_ERR_TRUNCATED, 3, 0, "truncated scan: last line cut short");
	reject_s(HDR "Host: 10.0.0.1 ()\tStatus: Up\nHost: 10.0.",
	    PK_ERR_TRUNCATED, 3, 0, "truncated scan: last line cut short");
	/* A cut line of another host leaves the previous one whole. */
	reject_s(HDR "Host: 10.0.0.1 ()\tStatus: Up\n"
	    "Host: 10.0.0.2 ()\tStatus: U",
	    PK_ERR_TRUNCATED, 3, 1, "truncated scan: last line cut short");
	/* Even a complete-looking trailer needs its newline. */
	reject(nonl, sizeof(nonl) - 2, PK_ERR_TRUNCATED, 3, 1,
	    "truncated scan: last line cut short");
	reject_s("# Masscan 1.3.2 scan initiated X\n"
	    "Timestamp: 1\tHost: 10.0.0.1 ()\tPorts: 80/open/tcp//http//\n",
	    PK_ERR_TRUNCATED, 2, 1,
	    "truncated scan: no '# Masscan done' line");
}

TEST(test_hostile_bytes)
{
	static const char nul[] = HDR "Host: 10.0.0.1 ()\tStatus: Up\0x\n"
	    DONE1;
	static char big[sizeof(HDR) + 200 + 8];
	struct pk_read_opts o;
	struct pk_reader *r;
	unsigned long n;
	size_t len = 200;

	reject(nul, sizeof(nul) - 1, PK_ERR_FORMAT, 2, 0, "NUL byte in line");

	/* A line over the limit is PK_ERR_LIMIT from the input layer. */
	memcpy(big, HDR, sizeof(HDR) - 1);
	memset(big + sizeof(HDR) - 1, 'H', len);
	memcpy(big + sizeof(HDR) - 1 + len, "\n", 2);
	pk_read_opts_init(&o);
	o.limits.max_line_bytes = 100;
	r = pk_reader_open_mem(big, strlen(big), "t", &o);
	assert_int(th_drain(r, &n), PK_ERR_LIMIT);
	assert_int(pk_reader_error(r)->line, 2);
	assert_str(pk_reader_error(r)->msg, "line longer than 100 bytes");
	assert_str(pk_reader_error(r)->file, "t");
	pk_reader_free(r);
}

/*
 * The input layer notes a NUL in the same pass that finds the newline,
 * across its refills: a NUL past the first 64 KiB of a line, one read
 * before the line outgrew the buffer, and a clean line that follows a
 * refill after many others.
 */
TEST(test_nul_refill)
{
	size_t hlen = sizeof(HDR) - 1, llen = 100000, i, n;
	size_t size = hlen + llen + 4096;
	char *t = malloc(size);
	char line[64];
	int k;

	if (!assert_true(t != NULL))
		return;
	for (k = 0; k < 2; k++) {
		memcpy(t, HDR, hlen);
		memset(t + hlen, 'x', llen);
		t[hlen + (k == 0 ? 80000 : 10)] = '\0';
		memcpy(t + hlen + llen, "\n" DONE1, sizeof(DONE1) + 1);
		reject(t, hlen + llen + sizeof(DONE1), PK_ERR_FORMAT, 2, 0,
		    "NUL byte in line");
	}
	/*
	 * 3,000 hosts of 30 bytes, then the NUL (line 3,002): the last
	 * host, still open, is dropped with the error.
	 */
	memcpy(t, HDR, hlen);
	n = hlen;
	for (i = 0; i < 3000; i++) {
		(void)snprintf(line, sizeof(line),
		    "Host: 10.0.%zu.%zu ()\tStatus: Up\n", i / 250, i % 250);
		if (!assert_true(n + strlen(line) + 64 < size))
			break;
		memcpy(t + n, line, strlen(line));
		n += strlen(line);
	}
	memcpy(t + n, "Host: 10.1.0.0 ()\tStatus: Up\0\n", 30);
	n += 30;
	reject(t, n, PK_ERR_FORMAT, 3002, 2999, "NUL byte in line");
	free(t);
}

TEST(test_host_limit)
{
	/* One host merged from many lines is held to max_host_bytes. */
	size_t i, cap = 2000 * 48 + 256;
	struct pk_read_opts o;
	struct pk_reader *r;
	char *buf, *p;
	unsigned long n;

	if (!assert_true((buf = malloc(cap)) != NULL))
		return;
	p = buf + sprintf(buf, "%s", HDR);
	for (i = 0; i < 2000; i++)
		p += sprintf(p, "Host: 10.0.0.1 ()\tPorts: %zu/open/tcp/////\n",
		    i + 1);
	pk_read_opts_init(&o);
	o.limits.max_host_bytes = 16384;
	r = pk_reader_open_mem(buf, (size_t)(p - buf), "t", &o);
	assert_int(th_drain(r, &n), PK_ERR_LIMIT);
	assert_int(n, 0);
	assert_str(pk_reader_error(r)->msg,
	    "host record exceeds 16384 bytes");
	pk_reader_free(r);
	free(buf);
}

/* Fields both formats carry must agree host by host, port by port. */
static void
same_host(const struct pk_host *g, const struct pk_host *x)
{
	size_t i;

	assert_str(g->host, x->host);
	assert_str(g->hostname, x->hostname);
	assert_str(g->status, x->status);
	if (!assert_int(g->nports, x->nports))
		return;
	for (i = 0; i < g->nports; i++) {
		assert_int(g->ports[i].proto, x->ports[i].proto);
		assert_int(g->ports[i].port, x->ports[i].port);
		assert_str(g->ports[i].state, x->ports[i].state);
		assert_str(g->ports[i].service, x->ports[i].service);
		assert_str(g->ports[i].tunnel, x->ports[i].tunnel);
	}
	/* -oG writes an ignored state only when there is exactly one. */
	if (x->nextraports == 1 && assert_int(g->nextraports, 1)) {
		assert_str(g->extraports[0].state, x->extraports[0].state);
		assert_int(g->extraports[0].count, x->extraports[0].count);
	} else
		assert_int(g->nextraports, 0);
}

/* The lab's nmap -oA recordings: the -oG and -oX of one run. */
TEST(test_xml_twins)
{
	static const char *const names[] = {
		"basic-sS", "basic-sSU", "basic-sV", "basic6-sS", "basic-O",
		"localhost-sS", "localhost-sU", "localhost-sV", "localhost-sA",
		"localhost-sC", "localhost6-sS", "multi-sS", "multi-sn",
		"nonstd-sV", "fw-none-sS-1000", "fw-stateful-sA-1000",
		"fw-stateless-sS", "interrupted-sS", NULL
	};
	char gpath[64];
	struct pk_reader *g, *x;
	const struct pk_host *gh, *xh;
	int i, grc, xrc;

	for (i = 0; names[i] != NULL; i++) {
		snprintf(gpath, sizeof(gpath), "%s.gnmap", names[i]);
		g = pk_reader_open(testdata_path(gpath), NULL);
		snprintf(gpath, sizeof(gpath), "%s.xml", names[i]);
		x = pk_reader_open(testdata_path(gpath), NULL);
		do {
			grc = pk_reader_next(g, &gh);
			xrc = pk_reader_next(x, &xh);
			if (!assert_int(grc, xrc))
				break;
			if (grc == PK_OK)
				same_host(gh, xh);
		} while (grc == PK_OK);
		assert_int(pk_reader_hosts(g), pk_reader_hosts(x));
		if (grc == PK_EOF) {
			assert_int(pk_reader_scan(g)->hosts_up,
			    pk_reader_scan(x)->hosts_up);
			assert_int(pk_reader_scan(g)->hosts_total,
			    pk_reader_scan(x)->hosts_total);
			assert_str(pk_reader_scan(g)->args,
			    pk_reader_scan(x)->args);
			assert_str(pk_reader_scan(g)->startstr,
			    pk_reader_scan(x)->startstr);
		}
		pk_reader_free(g);
		pk_reader_free(x);
	}
}

/* masscan -oL (1.3.2): a port a line; --banners adds banner lines. */
TEST(test_masscan_list)
{
	static const char ml[] =
	    "#masscan\n"
	    "open tcp 443 10.77.1.2 1795465477\n"
	    "open udp 53 10.77.1.2 1795465479\n"
	    "banner tcp 443 10.77.1.2 1795465480 http.server nginx/1.22.1\n"
	    "closed tcp 81 10.77.1.3 1795465478\n"
	    "# end\n";
	struct pk_reader *r = open_str(ml, sizeof(ml) - 1);
	const struct pk_host *h;

	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	assert_int(pk_reader_format(r), PK_FMT_MASSCAN_LIST);
	assert_str(h->scan->scanner, "masscan");
	assert_str(h->addrs[0].addr, "10.77.1.2");
	assert_int(h->endtime, 1795465480);
	assert_int(h->line, 2);
	if (!assert_int(h->nports, 2))
		goto out;
	assert_int(h->ports[0].port, 443);
	assert_str(h->ports[0].state, "open");
	/* A banner's type is not a service name (issue 15). */
	assert_str(h->ports[0].service, NULL);
	check_port(&h->ports[1], PK_PROTO_UDP, 53, "open", NULL, NULL);
	if (assert_int(h->ports[0].nscripts, 1))
		assert_str(h->ports[0].scripts[0].output,
		    "http.server: nginx/1.22.1");
	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	assert_str(h->addrs[0].addr, "10.77.1.3");
	if (assert_int(h->nports, 1))
		check_port(&h->ports[0], PK_PROTO_TCP, 81, "closed", NULL,
		    NULL);
	assert_int(pk_reader_next(r, &h), PK_EOF);
	assert_int(pk_reader_scan(r)->finished, 1);
out:
	pk_reader_free(r);
}

TEST_MAIN(test_version_split, test_basic_file, test_ports_every_offset, test_ipv6_file, test_verbose_multi_file,
    test_udp_sctp_ipproto_files, test_ignored_file, test_list_and_ping_files,
    test_service_os_file, test_handmade_fields, test_crlf_and_gzip,
    test_two_runs, test_masscan, test_masscan_list, test_bad_ports,
    test_host_address_edges, test_host_head_again, test_bad_host_lines,
    test_error_keeps_earlier_hosts, test_scan_lines, test_truncated,
    test_hostile_bytes, test_nul_refill, test_host_limit, test_xml_twins)
