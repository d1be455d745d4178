/*
 * test_normal.c - Nmap normal output (-oN) and host:port lists: every
 * real -oN file of testdata against its -oX twin on what -oN carries
 * (folded ports, scripts and their output, the version column split
 * as -oG's), and hand-made edge and hostile inputs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "portkit.h"
#include "harness.h"
#include "reading.h"

#define HDR	"# Nmap 7.93 scan initiated Mon Nov 23 20:21:49 2026 as: " \
		"nmap -oN - 127.0.0.1\n"
#define DONE	"# Nmap done at Mon Nov 23 20:22:03 2026 -- 1 IP address " \
		"(1 host up) scanned in 14.08 seconds\n"
#define HOST	"Nmap scan report for localhost (127.0.0.1)\n" \
		"Host is up (0.000024s latency).\n\n"

/* nmap's product names, for the version column's split. */
#define PROBES	"/usr/share/nmap/nmap-service-probes"

/* The VERSION column kept whole: what it holds, whatever nmap is here. */
static struct pk_reader *
open_str(const char *s)
{
	struct pk_read_opts o;

	pk_read_opts_init(&o);
	o.probes = "";
	return pk_reader_open_mem(s, strlen(s), "t", &o);
}

/* text must end with status at line after nhosts hosts, saying msg. */
static void
reject(const char *text, int status, unsigned long line,
    unsigned long nhosts, const char *msg)
{
	struct pk_reader *r = open_str(text);

	if (th_rejects(r, status, line, nhosts, msg) != NULL)
		pk_reader_free(r);
}

/* The one host of text, for checks; the reader is freed by the caller. */
static const struct pk_host *
one_host(const char *text, struct pk_reader **r)
{
	const struct pk_host *h = NULL;

	*r = open_str(text);
	if (!assert_int(pk_reader_next(*r, &h), PK_OK))
		return NULL;
	assert_int(pk_reader_format(*r), PK_FMT_NMAP_NORMAL);
	return h;
}

/* "product version (extrainfo)", as -oN prints the three in one. */
static void
joined(const struct pk_port *p, char *buf, size_t n)
{
	buf[0] = '\0';
	if (p->product != NULL)
		(void)snprintf(buf, n, "%s", p->product);
	if (p->version != NULL)
		(void)snprintf(buf + strlen(buf), n - strlen(buf), "%s%s",
		    buf[0] != '\0' ? " " : "", p->version);
	if (p->extrainfo != NULL)
		(void)snprintf(buf + strlen(buf), n - strlen(buf), "%s(%s)",
		    buf[0] != '\0' ? " " : "", p->extrainfo);
}

static void
same_scripts(const struct pk_script *a, size_t na, const struct pk_script *b,
    size_t nb)
{
	size_t i;

	if (!assert_int(na, nb))
		return;
	for (i = 0; i < na; i++) {
		assert_str(a[i].id, b[i].id);
		assert_str(a[i].output, b[i].output);
	}
}

/* split: the VERSION column was split with nmap's product names. */
static void
same_port(const struct pk_port *n, const struct pk_port *x, int split)
{
	char v[512];

	assert_int(n->proto, x->proto);
	assert_int(n->port, x->port);
	assert_str(n->state, x->state);
	assert_str(n->service, x->service != NULL ? x->service : "unknown");
	assert_str(n->tunnel, x->tunnel);
	if (split) {
		assert_str(n->product, x->product);
		assert_str(n->version, x->version);
		assert_str(n->extrainfo, x->extrainfo);
	} else {
		joined(x, v, sizeof(v));
		assert_str(n->version != NULL ? n->version : "", v);
	}
	if (n->reason != NULL) {
		assert_str(n->reason, x->reason);
		assert_int(n->reason_ttl, x->reason_ttl);
	}
	same_scripts(n->scripts, n->nscripts, x->scripts, x->nscripts);
}

static void
same_extraports(const struct pk_host *n, const struct pk_host *x)
{
	const struct pk_extraports *a, *b;
	size_t i, j;

	if (!assert_int(n->nextraports, x->nextraports))
		return;
	for (i = 0; i < n->nextraports; i++) {
		a = &n->extraports[i];
		b = &x->extraports[i];
		assert_str(a->state, b->state);
		assert_int(a->count, b->count);
		if (!assert_int(a->nreasons, b->nreasons))
			continue;
		for (j = 0; j < a->nreasons; j++) {
			assert_str(a->reasons[j].reason, b->reasons[j].reason);
			assert_int(a->reasons[j].count, b->reasons[j].count);
			assert_str(a->reasons[j].proto, b->reasons[j].proto);
		}
	}
}

static void
same_host(const struct pk_host *n, const struct pk_host *x, int split)
{
	size_t i;

	assert_str(n->host, x->host);
	assert_str(n->mac, x->mac);
	assert_str(n->hostname, x->hostname);
	assert_str(n->status, x->status);
	if (n->status_reason != NULL)
		assert_str(n->status_reason, x->status_reason);
	assert_int(n->naddrs, x->naddrs);
	same_extraports(n, x);
	same_scripts(n->hostscripts, n->nhostscripts, x->hostscripts,
	    x->nhostscripts);
	if (!assert_int(n->nports, x->nports))
		return;
	for (i = 0; i < n->nports; i++)
		same_port(&n->ports[i], &x->ports[i], split);
}

/*
 * A host in a few bytes: enough to tell a host cut short from a whole.
 * Not its host scripts: a cut just after the blank line before "Host
 * script results" keeps the host without them (pcat(1)).
 */
static void
sig(const struct pk_host *h, char *buf, size_t n)
{
	size_t i, k;

	k = (size_t)snprintf(buf, n, "%s %s %s %zu %zu %zu|",
	    h->host != NULL ? h->host : "-", h->mac != NULL ? h->mac : "-",
	    h->status, h->nports, h->nextraports, h->nosmatches);
	for (i = 0; i < h->nports && k < n; i++)
		k += (size_t)snprintf(buf + k, n - k, "%u/%s/%s/%zu/%s,",
		    h->ports[i].port, h->ports[i].state,
		    h->ports[i].service != NULL ? h->ports[i].service : "-",
		    h->ports[i].nscripts,
		    h->ports[i].version != NULL ? h->ports[i].version : "-");
}

/* Report lines whose host ended before cut: another line follows. */
static unsigned long
whole_reports(const char *buf, size_t cut)
{
	unsigned long n = 0;
	size_t i;

	for (i = 0; i + 21 <= cut; i++)
		if ((i == 0 || buf[i - 1] == '\n') &&
		    memcmp(buf + i, "Nmap scan report for ", 21) == 0)
			n++;
	return n > 0 ? n - 1 : 0;
}

/*
 * Every .nmap cut at every byte: truncated (or whole, right after a
 * run's trailer), each host delivered the same as in the whole file,
 * and every host whose report another report followed kept.
 */
TEST(test_cut_every_offset)
{
	static const char *const names[] = {
		"interrupted-sS", "multi-sS", "multi-sn", "localhost-sC",
		"localhost-sV", "basic-sS", "basic-O", "basic-sV", "resume1",
		"resume2", "append", "fw-stateful-sS", "fw-none-sA-1000",
		"nonstd-sV", NULL
	};
	char want[64][512], got[512];
	struct pk_read_opts o;
	const struct pk_host *h;
	struct pk_reader *r;
	size_t len = 0, cut;
	unsigned long n, bad;
	const char *first;
	char *buf;
	int i, rc;

	/* The cuts are about hosts: no product names read at each. */
	pk_read_opts_init(&o);
	o.probes = "";
	for (i = 0; names[i] != NULL; i++) {
		snprintf(got, sizeof(got), "%s.nmap", names[i]);
		if (!assert_true((buf = th_slurp(testdata_path(got), &len)) !=
		    NULL))
			continue;
		r = pk_reader_open_mem(buf, len, "t", &o);
		for (n = 0; pk_reader_next(r, &h) == PK_OK && n < 64; n++)
			sig(h, want[n], sizeof(want[n]));
		pk_reader_free(r);
		/* Before a report line, the content is no -oN yet. */
		first = strstr(buf, "\nNmap scan report for ");
		if (!assert_true(first != NULL)) {
			free(buf);
			continue;
		}
		cut = (size_t)(first - buf) + 22;
		for (bad = 0; cut < len && bad == 0; cut++) {
			r = pk_reader_open_mem(buf, cut, "t", &o);
			n = 0;
			while ((rc = pk_reader_next(r, &h)) == PK_OK) {
				sig(h, got, sizeof(got));
				if (n >= 64 || strcmp(got, want[n++]) != 0)
					bad++;
			}
			if (rc != PK_ERR_TRUNCATED && (rc != PK_EOF ||
			    buf[cut - 1] != '\n'))
				bad++;
			if (n < whole_reports(buf, cut))
				bad++;
			th_check(bad == 0, __FILE__, __LINE__,
			    "%s cut at %zu: status %d, %lu hosts", names[i],
			    cut, rc, n);
			pk_reader_free(r);
		}
		free(buf);
	}
}

/*
 * Every -oN of testdata against its -oX: with the VERSION column kept
 * whole (probes ""), it is the XML's three fields joined; split with
 * nmap's names, it is those three fields.
 */
static void
xml_twins(const char *probes)
{
	static const char *const names[] = {
		"append", "basic-O", "basic-sS", "basic-sSU", "basic-sV",
		"basic6-sS", "fw-none-sA-1000", "fw-none-sA", "fw-none-sS-1000",
		"fw-none-sS", "fw-stateful-sA-1000", "fw-stateful-sA",
		"fw-stateful-sS-1000", "fw-stateful-sS", "fw-stateless-sA-1000",
		"fw-stateless-sA", "fw-stateless-sS-1000", "fw-stateless-sS",
		"fw-stateless6-sA", "fw-stateless6-sS", "interrupted-sS",
		"localhost-sA", "localhost-sC", "localhost-sS", "localhost-sU",
		"localhost-sV", "localhost6-sS", "multi-sS-later", "multi-sS",
		"multi-sn-later", "multi-sn", "nonstd-sV", "nonstd6-sV",
		"resume1", "resume2", NULL
	};
	char path[64];
	struct pk_read_opts o;
	struct pk_reader *n, *x;
	const struct pk_host *nh, *xh;
	int i, nrc, xrc;

	pk_read_opts_init(&o);
	o.probes = probes;
	for (i = 0; names[i] != NULL; i++) {
		snprintf(path, sizeof(path), "%s.nmap", names[i]);
		n = pk_reader_open(testdata_path(path), &o);
		snprintf(path, sizeof(path), "%s.xml", names[i]);
		x = pk_reader_open(testdata_path(path), NULL);
		do {
			nrc = pk_reader_next(n, &nh);
			xrc = pk_reader_next(x, &xh);
			if (!assert_int(nrc, xrc))
				break;
			if (nrc == PK_OK)
				same_host(nh, xh, probes[0] != '\0');
		} while (nrc == PK_OK);
		assert_int(pk_reader_format(n), PK_FMT_NMAP_NORMAL);
		assert_int(pk_reader_hosts(n), pk_reader_hosts(x));
		/* A resumed XML is one run, its -oN two. */
		if (nrc == PK_EOF && strncmp(names[i], "resume", 6) != 0) {
			assert_str(pk_reader_scan(n)->args,
			    pk_reader_scan(x)->args);
			assert_str(pk_reader_scan(n)->version,
			    pk_reader_scan(x)->version);
			assert_int(pk_reader_scan(n)->finished, 1);
		}
		pk_reader_free(n);
		pk_reader_free(x);
	}
}

TEST(test_xml_twins)
{
	xml_twins("");
	/* nmap's own names split the column as the XML has it. */
	if (access(PROBES, R_OK) == 0)
		xml_twins(PROBES);
}

/*
 * The VERSION column split as -oG's version field is (scan/vsplit.c),
 * with the names of the file opts.probes names, read at the first
 * version; where no name settles the split the column stays whole.
 */
TEST(test_version_split)
{
	static const char text[] = HDR HOST
	    "PORT   STATE SERVICE VERSION\n"
	    "21/tcp open  ftp     Frob 1 (x)\n"
	    "22/tcp open  ssh     OpenSSH 9.2p1 Debian 2+deb12u3 "
	    "(protocol 2.0)\n"
	    "23/tcp open  telnet  (only extra)\n"
	    "80/tcp open  http?\n" DONE;
	char path[] = "/tmp/test_normal.XXXXXX";
	const struct pk_port *p;
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
		p = h->ports;
		assert_str(p[0].product, NULL);		/* unknown name */
		assert_str(p[0].version, "Frob 1 (x)");
		assert_str(p[0].extrainfo, NULL);
		assert_str(p[1].product, "OpenSSH");
		assert_str(p[1].version, "9.2p1 Debian 2+deb12u3");
		assert_str(p[1].extrainfo, "protocol 2.0");
		assert_str(p[2].product, NULL);
		assert_str(p[2].version, NULL);
		assert_str(p[2].extrainfo, "only extra");
		assert_str(p[3].version, NULL);
		assert_str(p[3].method, "table");
	}
	pk_reader_free(r);
	unlink(path);
	o.probes = "/nonexistent/nmap-service-probes";	/* kept whole */
	r = pk_reader_open_mem(text, sizeof(text) - 1, "t", &o);
	if (assert_int(pk_reader_next(r, &h), PK_OK) &&
	    assert_int(h->nports, 4)) {
		assert_str(h->ports[1].product, NULL);
		assert_str(h->ports[1].version,
		    "OpenSSH 9.2p1 Debian 2+deb12u3 (protocol 2.0)");
	}
	pk_reader_free(r);
	/* A directory opens but cannot be read through: the reader fails. */
	o.probes = "/";
	r = pk_reader_open_mem(text, sizeof(text) - 1, "t", &o);
	assert_int(pk_reader_next(r, &h), PK_ERR_IO);
	assert_int(pk_reader_error(r)->line, 6);
	pk_reader_free(r);
}

/* What only hand-made input reaches: OS lines, rDNS, -sO, old forms. */
TEST(test_handmade)
{
	struct pk_reader *r;
	const struct pk_host *h;

	h = one_host(HDR "Nmap scan report for www.example (10.0.0.5)\n"
	    "Host is up, received echo-reply ttl 63 (0.0010s latency).\n"
	    "rDNS record for 10.0.0.5: web1.example\n"
	    "Not shown: 997 closed ports\n"
	    "PORT    STATE SERVICE   REASON  VERSION\n"
	    "22/tcp  open  ssh?      syn-ack\n"
	    "25/tcp  open  smtp      syn-ack Postfix smtpd\n"
	    "| smtp-commands: \n|   PIPELINING\n|_  SIZE\n"
	    "443/tcp open  ssl/https syn-ack\n"
	    "MAC Address: 02:00:00:00:00:01 (Acme Ltd)\n"
	    "OS details: Linux 5.0 - 5.14, Linux 4.15\n" DONE, &r);
	if (h != NULL) {
		assert_str(h->status_reason, "echo-reply");
		assert_int(h->status_reason_ttl, 63);
		assert_int(h->nhostnames, 2);
		assert_str(h->hostnames[1].name, "web1.example");
		assert_str(h->hostnames[1].type, "PTR");
		assert_str(h->mac, "02:00:00:00:00:01");
		assert_str(h->addrs[1].vendor, "Acme Ltd");
		assert_int(h->nosmatches, 1);
		assert_str(h->osmatches[0].name,
		    "Linux 5.0 - 5.14, Linux 4.15");
		assert_int(h->osmatches[0].accuracy, 100);
		assert_int(h->nextraports, 1);
		assert_int(h->extraports[0].count, 997);
		assert_int(h->extraports[0].nreasons, 0);
		assert_int(h->nports, 3);
		assert_str(h->ports[0].service, "ssh");
		assert_str(h->ports[0].method, "table");	/* "ssh?" */
		assert_str(h->ports[1].method, NULL);
		assert_int(h->ports[0].reason_ttl, 0);
		assert_str(h->ports[1].version, "Postfix smtpd");
		assert_int(h->ports[1].nscripts, 1);
		assert_str(h->ports[1].scripts[0].output,
		    "\n  PIPELINING\n  SIZE");
		assert_str(h->ports[2].service, "https");
		assert_str(h->ports[2].tunnel, "ssl");
	}
	pk_reader_free(r);

	h = one_host(HDR "Nmap scan report for 10.0.0.6\nHost is up.\n"
	    "All 1000 scanned ports on 10.0.0.6 are closed\n"
	    "Aggressive OS guesses: Linux 5.0 (96%), Linux 4.15 - 5.6 (95%)"
	    "\n" DONE, &r);
	if (h != NULL) {
		assert_str(h->status, "up");
		assert_int(h->nextraports, 1);
		assert_str(h->extraports[0].state, "closed");
		assert_int(h->nosmatches, 2);
		assert_str(h->osmatches[1].name, "Linux 4.15 - 5.6");
		assert_int(h->osmatches[1].accuracy, 95);
	}
	pk_reader_free(r);

	h = one_host(HDR "Nmap scan report for ::1\nHost is up.\n\n"
	    "PROTOCOL STATE         SERVICE\n1        open          icmp\n"
	    "17       open|filtered udp\n" DONE, &r);
	if (h != NULL && assert_int(h->nports, 2)) {
		assert_int(h->ports[1].proto, PK_PROTO_IP);
		assert_int(h->ports[1].port, 17);
		assert_str(h->ports[1].state, "open|filtered");
	}
	pk_reader_free(r);

	/* A list scan (-sL) says nothing of the status. */
	h = one_host(HDR "Nmap scan report for 10.0.0.8\n" DONE, &r);
	if (h != NULL)
		assert_str(h->status, "unknown");
	pk_reader_free(r);

	/* nmap's standard output, down hosts with --reason. */
	h = one_host("Starting Nmap 7.93 ( https://nmap.org ) at 2026-11-23 "
	    "20:00 UTC\nNmap scan report for 10.0.0.7 [host down, received "
	    "no-response]\nRead data files from: /usr/share/nmap\n"
	    "Nmap done: 1 IP address (0 hosts up) scanned in 3.04 seconds\n",
	    &r);
	if (h != NULL) {
		assert_str(h->status, "down");
		assert_str(h->status_reason, "no-response");
		assert_str(pk_reader_scan(r)->version, "7.93");
		assert_str(pk_reader_scan(r)->startstr, "2026-11-23 20:00 UTC");
		assert_int(pk_reader_next(r, &h), PK_EOF);
		assert_int(pk_reader_scan(r)->finished, 1);
	}
	pk_reader_free(r);
}

TEST(test_rejects)
{
	reject(HDR HOST "PORT      STATE SERVICE\n99999/tcp open  ssh\n",
	    PK_ERR_FORMAT, 6, 0, "bad port \"99999/tcp\"");
	reject(HDR HOST "PORT   STATE SERVICE\n0/tcp  open  ssh\n",
	    PK_ERR_FORMAT, 6, 0, "bad port \"0/tcp\"");
	reject(HDR HOST "PORT    STATE SERVICE\n22/icmp open  ssh\n",
	    PK_ERR_FORMAT, 6, 0, "bad port \"22/icmp\"");
	reject(HDR HOST "PORT   STATE SERVICE\n22/tcp open ssh\n",
	    PK_ERR_FORMAT, 6, 0,
	    "misaligned port table row \"22/tcp open ssh\"");
	reject(HDR HOST "PORT   STATE SERVICE\n22/tcp shut  ssh\n",
	    PK_ERR_FORMAT, 6, 0, "bad port state \"shut\"");
	reject(HDR HOST "PORT   STATE SERVICE REASON\n"
	    "22/tcp open  ssh     syn-ack ttl x\n",
	    PK_ERR_FORMAT, 6, 0, "bad reason \"syn-ack ttl x\"");
	reject(HDR HOST "PORT   STATE SERVICE FOO\n", PK_ERR_FORMAT, 5, 0,
	    "bad port table heading \"PORT   STATE SERVICE FOO\"");
	reject(HDR HOST "PORT   SERVICE\n", PK_ERR_FORMAT, 5, 0,
	    "bad port table heading \"PORT   SERVICE\"");
	reject(HDR "Nmap scan report for localhost (127.0.0.1)\n"
	    "Not shown: many closed tcp ports (reset)\n", PK_ERR_FORMAT, 3, 0,
	    "bad \"Not shown\" item \"many closed tcp ports (reset)\"");
	reject(HDR "Nmap scan report for localhost (127.0.0.1)\n"
	    "Not shown: 5 closed tcp ports (reset), 3 shut ports\n",
	    PK_ERR_FORMAT, 3, 0, "bad \"Not shown\" item \"3 shut ports\"");
	reject(HDR "Nmap scan report for 300.0.0.1\n", PK_ERR_FORMAT, 2, 0,
	    "bad address \"300.0.0.1\"");
	reject(HDR "Nmap scan report for x (10.0.0.1) [host up]\n",
	    PK_ERR_FORMAT, 2, 0, "bad address \"x (10.0.0.1) [host up]\"");
	reject(HDR HOST "MAC Address: 02:00:00:00:00 (x)\n", PK_ERR_FORMAT, 5,
	    0, "bad MAC address line \"MAC Address: 02:00:00:00:00 (x)\"");
	reject(HDR HOST "Host script results:\n| a: b\n", PK_ERR_TRUNCATED, 6,
	    0, "truncated scan: script output cut short");
	reject(HDR HOST "Host script results:\n| a: b\nMAC Address: x\n",
	    PK_ERR_FORMAT, 7, 0,
	    "script output cut short \"MAC Address: x\"");
	reject(HDR HOST "| a: b\n", PK_ERR_FORMAT, 5, 0,
	    "script output outside a port table \"| a: b\"");
	reject(HDR HOST "PORT   STATE SERVICE\n|_a: b\n", PK_ERR_FORMAT, 6, 0,
	    "script output before any port \"|_a: b\"");
	reject(HDR HOST "Host script results:\n|_no id here\n", PK_ERR_FORMAT,
	    6, 0, "bad script output line \"|_no id here\"");
}

TEST(test_truncated)
{
	/* A host is kept once a blank line follows its ports. */
	reject(HDR HOST "PORT   STATE SERVICE\n22/tcp open  ssh\n\n",
	    PK_ERR_TRUNCATED, 7, 1, "truncated scan: no '# Nmap done' line");
	reject(HDR HOST "PORT   STATE SERVICE\n22/tcp open  ssh\n",
	    PK_ERR_TRUNCATED, 6, 0, "truncated scan: no '# Nmap done' line");
	/* The blank line after "Host is up" is not the end. */
	reject(HDR HOST, PK_ERR_TRUNCATED, 4, 0,
	    "truncated scan: no '# Nmap done' line");
	reject(HDR HOST "PORT   STATE SERVICE\n22/tcp open  ssh\n\nNm",
	    PK_ERR_TRUNCATED, 8, 1, "truncated scan: last line cut short");
	reject(HDR HOST "PORT   STATE SERVICE\n22/tcp open  s",
	    PK_ERR_TRUNCATED, 6, 0, "truncated scan: last line cut short");
	/* A down host is its line; a -sn host ends at the next one. */
	reject(HDR "Nmap scan report for 10.0.0.1 [host down]\n"
	    "Nmap scan report for 10.0.0.2\nHost is up.\n"
	    "Nmap scan report for 10.0.0.3\nHost is up.\n",
	    PK_ERR_TRUNCATED, 6, 2, "truncated scan: no '# Nmap done' line");
	reject(HDR DONE HDR, PK_ERR_TRUNCATED, 3, 0,
	    "truncated scan: no '# Nmap done' line");
}

TEST(test_hostport)
{
	struct pk_reader *r;
	const struct pk_host *h;
	unsigned long n;

	r = open_str("# naabu\n10.0.0.1:22\n10.0.0.1:80  # http\n\n"
	    "[2001:db8::1]:443\n10.0.0.1:8080");
	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_int(pk_reader_format(r), PK_FMT_HOSTPORT);
		assert_str(h->host, "10.0.0.1");
		assert_true(h->status == NULL);
		assert_int(h->nports, 2);
		assert_int(h->ports[1].port, 80);
		assert_int(h->ports[1].line, 3);
		assert_str(h->ports[1].state, "open");
		assert_int(h->ports[1].proto, PK_PROTO_TCP);
	}
	if (assert_int(pk_reader_next(r, &h), PK_OK))
		assert_str(h->host, "2001:db8::1");
	if (assert_int(pk_reader_next(r, &h), PK_OK))
		assert_int(h->ports[0].port, 8080);
	assert_int(pk_reader_next(r, &h), PK_EOF);
	pk_reader_free(r);

	r = open_str("10.0.0.1:22\n10.0.0.1:99999\n");
	assert_int(th_drain(r, &n), PK_ERR_FORMAT);
	assert_str(pk_reader_error(r)->msg, "bad port number \"99999\"");
	pk_reader_free(r);
	r = open_str("10.0.0.1:22\nhost.example:22\n");
	assert_int(th_drain(r, &n), PK_ERR_FORMAT);
	assert_str(pk_reader_error(r)->msg, "not an IP address (names are "
	    "not resolved) \"host.example\"");
	assert_int(pk_reader_error(r)->line, 2);
	pk_reader_free(r);
	r = open_str("10.0.0.1:22\n2001:db8::1:22\n");
	assert_int(th_drain(r, &n), PK_ERR_FORMAT);
	assert_str(pk_reader_error(r)->msg,
	    "IPv6 address without brackets \"2001:db8::1:22\"");
	pk_reader_free(r);
	r = open_str("10.0.0.1:22\n[10.0.0.2]:22\n");
	assert_int(th_drain(r, &n), PK_ERR_FORMAT);
	assert_str(pk_reader_error(r)->msg,
	    "brackets around an IPv4 address \"[10.0.0.2]:22\"");
	pk_reader_free(r);
	r = open_str("10.0.0.1:22\n[::1:22\n");
	assert_int(th_drain(r, &n), PK_ERR_FORMAT);
	assert_str(pk_reader_error(r)->msg,
	    "expected [ADDRESS]:PORT \"[::1:22\"");
	pk_reader_free(r);
}

TEST_MAIN(test_xml_twins, test_version_split, test_cut_every_offset,
    test_handmade, test_rejects, test_truncated, test_hostport)
