/*
 * test_reader.c - the scan reader on small documents shaped like real
 * Nmap 7.93 and masscan output: every field, multi-run files, stray
 * elements, and the errors a hostile file must get.
 */
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "portkit.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<!DOCTYPE nmaprun>\n" \
	"<?xml-stylesheet href=\"file:///usr/bin/../share/nmap/nmap.xsl\" " \
	"type=\"text/xsl\"?>\n"
#define RUN "<nmaprun scanner=\"nmap\" args=\"nmap -sS -sV 127.0.0.1\" " \
	"start=\"1700000000\" startstr=\"Tue Nov 14 22:13:20 2023\" " \
	"version=\"7.93\" xmloutputversion=\"1.05\">\n" \
	"<scaninfo type=\"syn\" protocol=\"tcp\" numservices=\"3\" " \
	"services=\"22,80,443\"/>\n<verbose level=\"0\"/>\n"
#define STATS "<runstats><finished time=\"1700000010\" " \
	"timestr=\"x\" summary=\"s\" elapsed=\"10.25\" exit=\"success\"/>" \
	"<hosts up=\"1\" down=\"0\" total=\"1\"/></runstats>\n</nmaprun>\n"

static const char host1[] =
    "<host starttime=\"1700000001\" endtime=\"1700000009\">"
    "<status state=\"up\" reason=\"localhost-response\" reason_ttl=\"0\"/>\n"
    "<address addr=\"127.0.0.1\" addrtype=\"ipv4\"/>\n"
    "<address addr=\"00:11:22:33:44:55\" addrtype=\"mac\" vendor=\"Acme &amp; Co\"/>\n"
    "<hostnames><hostname name=\"localhost\" type=\"user\"/>"
    "<hostname name=\"localhost\" type=\"PTR\"/></hostnames>\n"
    "<ports><extraports state=\"closed\" count=\"2\">"
    "<extrareasons reason=\"reset\" count=\"2\" proto=\"tcp\" ports=\"1-2\"/>"
    "</extraports>\n"
    "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\" "
    "reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"ssh\" "
    "product=\"OpenSSH\" version=\"9.2p1 Debian 2+deb12u3\" "
    "extrainfo=\"protocol 2.0\" ostype=\"Linux\" method=\"probed\" "
    "conf=\"10\"><cpe>cpe:/a:openbsd:openssh:9.2p1</cpe>"
    "<cpe>cpe:/o:linux:linux_kernel</cpe></service>"
    "<taskprogress task=\"Service scan\" time=\"1\" percent=\"50\"/></port>\n"
    "<port protocol=\"tcp\" portid=\"443\"><state state=\"open\" "
    "reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"http\" "
    "tunnel=\"ssl\" method=\"probed\" conf=\"10\"/>"
    "<script id=\"http-title\" output=\"a &lt;b&gt; &amp;#38; c&#xa;d\">"
    "<elem key=\"title\">x</elem></script>"
    "<script id=\"ssl-cert\" output=\"Subject: x\"/></port>\n"
    "<port protocol=\"udp\" portid=\"53\"><state state=\"open|filtered\" "
    "reason=\"no-response\" reason_ttl=\"0\"/></port>\n"
    "</ports>\n<os><osmatch name=\"Linux 5.0 - 5.14\" accuracy=\"98\" "
    "line=\"1\"/></os>\n"
    "<hostscript><script id=\"clock-skew\" output=\"0s\"/></hostscript>\n"
    "</host>\n";

struct doc {
	struct pk_reader *r;
	const struct pk_host *h;
	int	 rc;
};

static struct pk_reader *
open_str(const char *s)
{
	return pk_reader_open_mem(s, strlen(s), "t.xml", NULL);
}

static char *
cat3(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *s = malloc(la + lb + lc + 1);

	memcpy(s, a, la);
	memcpy(s + la, b, lb);
	memcpy(s + la + lb, c, lc + 1);
	return s;
}

TEST(test_reader_fields)
{
	char *doc = cat3(HEAD RUN, host1, STATS);
	struct pk_reader *r = open_str(doc);
	const struct pk_host *h;
	const struct pk_port *p;
	const struct pk_scan *s;

	if (!assert_int(pk_reader_next(r, &h), PK_OK))
		goto out;
	assert_str(h->host, "127.0.0.1");
	assert_str(h->mac, "00:11:22:33:44:55");
	assert_str(h->addrs[1].vendor, "Acme & Co");
	assert_str(h->hostname, "localhost");
	assert_int(h->nhostnames, 2);
	assert_str(h->hostnames[1].type, "PTR");
	assert_str(h->status, "up");
	assert_str(h->status_reason, "localhost-response");
	assert_int(h->starttime, 1700000001);
	assert_int(h->endtime, 1700000009);
	assert_int(h->line, 7);
	assert_int(h->nports, 3);
	p = &h->ports[0];
	assert_int(p->port, 22);
	assert_int(p->proto, PK_PROTO_TCP);
	assert_str(p->state, "open");
	assert_int(p->reason_ttl, 64);
	assert_str(p->product, "OpenSSH");
	assert_str(p->version, "9.2p1 Debian 2+deb12u3");
	assert_str(p->extrainfo, "protocol 2.0");
	assert_str(p->ostype, "Linux");
	assert_str(p->method, "probed");
	assert_int(p->conf, 10);
	if (assert_int(p->ncpe, 2))
		assert_str(p->cpe[1], "cpe:/o:linux:linux_kernel");
	p = &h->ports[1];
	assert_str(p->tunnel, "ssl");
	if (assert_int(p->nscripts, 2)) {
		assert_str(p->scripts[0].id, "http-title");
		assert_str(p->scripts[0].output, "a <b> &#38; c\nd");
	}
	assert_int(h->ports[2].proto, PK_PROTO_UDP);
	assert_str(h->ports[2].state, "open|filtered");
	assert_int(h->ports[2].ncpe, 0);
	if (assert_int(h->nextraports, 1) &&
	    assert_int(h->extraports[0].nreasons, 1)) {
		assert_int(h->extraports[0].count, 2);
		assert_str(h->extraports[0].reasons[0].ports, "1-2");
	}
	if (assert_int(h->nosmatches, 1))
		assert_int(h->osmatches[0].accuracy, 98);
	if (assert_int(h->nhostscripts, 1))
		assert_str(h->hostscripts[0].id, "clock-skew");
	assert_int(pk_reader_next(r, &h), PK_EOF);
	s = pk_reader_scan(r);
	if (assert_true(s != NULL)) {
		assert_str(s->args, "nmap -sS -sV 127.0.0.1");
		assert_int(s->start, 1700000000);
		assert_str(s->version, "7.93");
		if (assert_int(s->nscaninfo, 1))
			assert_str(s->scaninfo[0].services, "22,80,443");
		assert_int(s->finished, 1);
		assert_str(s->exit, "success");
		assert_int(s->hosts_up, 1);
		assert_true(s->elapsed > 10.2 && s->elapsed < 10.3);
		assert_int(s->format, PK_FMT_NMAP_XML);
	}
out:
	pk_reader_free(r);
	free(doc);
}

static int
count_port(void *arg, const struct pk_port *p)
{
	int *n = arg;

	*n = *n * 10 + (int)p->port;
	return strcmp(p->state, "closed") == 0 ? 0 : -1;
}

TEST(test_reader_dup_and_extraports)
{
	char *doc = cat3(HEAD RUN, host1, STATS);
	struct pk_reader *r = open_str(doc);
	const struct pk_host *h;
	struct pk_host *copy = NULL;
	int n = 0;

	if (assert_int(pk_reader_next(r, &h), PK_OK))
		copy = pk_host_dup(h);
	assert_int(pk_reader_next(r, &h), PK_EOF);
	pk_reader_free(r);
	free(doc);
	if (!assert_true(copy != NULL))
		return;
	/* The copy outlives the reader. */
	assert_str(copy->host, "127.0.0.1");
	assert_str(copy->ports[1].scripts[1].id, "ssl-cert");
	assert_str(copy->ports[0].cpe[0], "cpe:/a:openbsd:openssh:9.2p1");
	assert_true(copy->scan == NULL);
	assert_int(pk_extraports_foreach(copy, count_port, &n), 0);
	assert_int(n, 12);
	pk_host_free(copy);
	pk_host_free(NULL);
}

/* Read every host; return the status after the last one. */
static int
drain(const char *s, unsigned long *hosts, char *first, size_t firstlen)
{
	struct pk_reader *r = open_str(s);
	const struct pk_host *h;
	int rc;

	if (first != NULL)
		first[0] = '\0';
	while ((rc = pk_reader_next(r, &h)) == PK_OK)
		if (first != NULL && first[0] == '\0')
			(void)snprintf(first, firstlen, "%s", h->host);
	*hosts = pk_reader_hosts(r);
	if (first != NULL && rc != PK_EOF)
		(void)snprintf(first, firstlen, "%s:%lu: %s",
		    pk_reader_error(r)->file, pk_reader_error(r)->line,
		    pk_reader_error(r)->msg);
	pk_reader_free(r);
	return rc;
}

TEST(test_reader_appended_runs)
{
	char *one = cat3(HEAD RUN, host1, STATS);
	char *two = cat3(one, one, "\n");
	unsigned long n;

	assert_int(drain(two, &n, NULL, 0), PK_EOF);
	assert_int(n, 2);
	free(two);
	/* Hosts after </nmaprun>, with no new header (resumed twice). */
	two = cat3(one, host1, "<runstats><finished time=\"1\"/></runstats>");
	assert_int(drain(two, &n, NULL, 0), PK_ERR_TRUNCATED);
	assert_int(n, 2);
	free(two);
	free(one);
}

TEST(test_reader_masscan)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?>\r\n<!-- masscan v1.0 scan -->\r\n"
	    "<nmaprun scanner=\"masscan\" start=\"1700000000\" "
	    "version=\"1.0-BETA\"  xmloutputversion=\"1.03\">\r\n"
	    "<scaninfo type=\"syn\" protocol=\"tcp\" />\r\n"
	    "<host endtime=\"1700000001\"><address addr=\"10.0.0.1\" "
	    "addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"80\">"
	    "<state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/>"
	    "</port></ports></host>\r\n"
	    "<runstats><finished time=\"1700000002\" timestr=\"x\" "
	    "elapsed=\"2\" /><hosts up=\"1\" down=\"0\" total=\"1\" />"
	    "</runstats>\r\n</nmaprun>\r\n";
	struct pk_reader *r = open_str(doc);
	const struct pk_host *h;

	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_true(h->status == NULL);
		assert_str(h->host, "10.0.0.1");
		assert_int(h->ports[0].port, 80);
	}
	assert_int(pk_reader_next(r, &h), PK_EOF);
	assert_int(pk_reader_format(r), PK_FMT_MASSCAN_XML);
	pk_reader_free(r);
}

TEST(test_reader_masscan_merge)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?>\r\n<nmaprun scanner=\"masscan\">\r\n"
	    "<host><address addr=\"10.0.0.2\" addrtype=\"ipv4\"/><ports>"
	    "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\"/>"
	    "</port></ports></host>\r\n"
	    "<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>"
	    "<port protocol=\"tcp\" portid=\"80\"><state state=\"open\"/>"
	    "</port></ports></host>\r\n"
	    "<host><address addr=\"10.0.0.2\" addrtype=\"ipv4\"/><ports>"
	    "<port protocol=\"udp\" portid=\"53\"><state state=\"open\"/>"
	    "</port></ports></host>\r\n</nmaprun>\r\n";
	struct pk_read_opts o;
	struct pk_reader *r;
	const struct pk_host *h;

	pk_read_opts_init(&o);
	o.merge = 1;
	r = pk_reader_open_mem(doc, strlen(doc), "m.xml", &o);
	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_str(h->host, "10.0.0.2");
		if (assert_int(h->nports, 2))
			assert_int(h->ports[1].proto, PK_PROTO_UDP);
	}
	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_str(h->host, "10.0.0.1");
		assert_int(h->nports, 1);
	}
	assert_int(pk_reader_next(r, &h), PK_EOF);
	assert_int(pk_reader_next(r, &h), PK_EOF);
	pk_reader_free(r);
}

TEST(test_reader_script_tree)
{
	static const char doc[] = HEAD RUN
	    "<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>"
	    "<port protocol=\"tcp\" portid=\"443\"><state state=\"open\"/>"
	    "<script id=\"ssl-cert\" output=\"Subject: x&#xa;\">"
	    "<table key=\"subject\"><elem key=\"commonName\">x</elem>"
	    "<table><elem>deep</elem><port portid=\"1\"/></table></table>"
	    "<elem key=\"md5\"></elem></script>"
	    "<script id=\"plain\" output=\"p\"/></port></ports>"
	    "<hostscript><script id=\"h\" output=\"o\"><elem>v</elem>"
	    "</script></hostscript></host>\n</nmaprun>\n";
	struct pk_reader *r = open_str(doc);
	const struct pk_script_elem *e;
	const struct pk_script *sc;
	const struct pk_host *h;
	struct pk_host *copy = NULL;
	struct pk_read_opts o;

	if (!assert_int(pk_reader_next(r, &h), PK_OK) ||
	    !assert_int(h->ports[0].nscripts, 2))
		goto out;
	copy = pk_host_dup(h);
	if (!assert_true(copy != NULL))
		goto out;
	/* The copy holds the whole tree too. */
	sc = &copy->ports[0].scripts[0];
	assert_str(sc->output, "Subject: x\n");
	if (!assert_int(sc->nelems, 2))
		goto out;
	e = &sc->elems[0];
	assert_str(e->key, "subject");
	assert_true(e->value == NULL);
	if (assert_int(e->nchildren, 2)) {
		assert_str(e->children[0].key, "commonName");
		assert_str(e->children[0].value, "x");
		/* A <port> inside a table is no port. */
		assert_true(e->children[1].key == NULL);
		if (assert_int(e->children[1].nchildren, 1))
			assert_str(e->children[1].children[0].value, "deep");
	}
	assert_str(sc->elems[1].key, "md5");
	assert_str(sc->elems[1].value, "");
	assert_int(copy->nports, 1);
	assert_int(copy->ports[0].scripts[1].nelems, 0);
	if (assert_int(copy->nhostscripts, 1) &&
	    assert_int(copy->hostscripts[0].nelems, 1))
		assert_str(copy->hostscripts[0].elems[0].value, "v");
	/* skip_script_trees: the same scripts and output, no tree. */
	pk_reader_free(r);
	pk_read_opts_init(&o);
	o.skip_script_trees = 1;
	r = pk_reader_open_mem(doc, strlen(doc), "t.xml", &o);
	if (assert_int(pk_reader_next(r, &h), PK_OK) &&
	    assert_int(h->ports[0].nscripts, 2)) {
		assert_str(h->ports[0].scripts[0].output, "Subject: x\n");
		assert_int(h->ports[0].scripts[0].nelems, 0);
		assert_true(h->ports[0].scripts[0].elems == NULL);
		assert_int(h->nports, 1);
		assert_int(h->hostscripts[0].nelems, 0);
	}
out:
	pk_host_free(copy);
	pk_reader_free(r);
}

/* masscan --banners: a banner is a script of its port, never a service. */
TEST(test_reader_masscan_banners)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?>\r\n<nmaprun scanner=\"masscan\">\r\n"
	    "<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>"
	    "<port protocol=\"tcp\" portid=\"80\"><state state=\"open\"/>"
	    "</port></ports></host>\r\n"
	    "<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>"
	    "<port protocol=\"tcp\" portid=\"80\"><state state=\"open\" "
	    "reason=\"response\"/><service name=\"title\" banner=\"lab\">"
	    "</service></port></ports></host>\r\n</nmaprun>\r\n";
	struct pk_read_opts o;
	struct pk_reader *r;
	const struct pk_host *h;
	const struct pk_script *sc;

	pk_read_opts_init(&o);
	o.merge = 1;
	r = pk_reader_open_mem(doc, strlen(doc), "m.xml", &o);
	if (assert_int(pk_reader_next(r, &h), PK_OK) &&
	    assert_int(h->nports, 1) &&
	    assert_int(h->ports[0].nscripts, 1)) {
		assert_true(h->ports[0].service == NULL);
		sc = &h->ports[0].scripts[0];
		assert_str(sc->id, "banner");
		assert_str(sc->output, "title: lab");
		if (assert_int(sc->nelems, 2)) {
			assert_str(sc->elems[0].key, "type");
			assert_str(sc->elems[0].value, "title");
			assert_str(sc->elems[1].key, "banner");
			assert_str(sc->elems[1].value, "lab");
		}
	}
	assert_int(pk_reader_next(r, &h), PK_EOF);
	pk_reader_free(r);
}

/* masscan -oJ and -oD give the same records. */
TEST(test_reader_masscan_json)
{
	static const char oj[] = "[\n"
	    "{   \"ip\": \"10.0.0.1\",   \"timestamp\": \"1700000000\", "
	    "\"ports\": [ {\"port\": 22, \"proto\": \"tcp\", \"status\": "
	    "\"open\", \"reason\": \"syn-ack\", \"ttl\": 64} ] }\n,\n"
	    "{   \"ip\": \"10.0.0.1\",   \"timestamp\": \"1700000005\", "
	    "\"ports\": [ {\"port\": 22, \"proto\": \"tcp\", \"service\": "
	    "{\"name\": \"ssh\", \"banner\": \"SSH-2.0\\u000d\\u0026\"} } ] }\n"
	    "]\n";
	static const char od[] =
	    "{\"ip\":\"10.0.0.1\",\"timestamp\":\"1700000000\",\"port\":22,"
	    "\"proto\":\"tcp\",\"rec_type\":\"status\",\"data\":{\"status\":"
	    "\"open\",\"reason\":\"syn-ack\",\"ttl\":64}}\n"
	    "{\"ip\":\"10.0.0.1\",\"timestamp\":\"1700000005\",\"port\":22,"
	    "\"proto\":\"tcp\",\"rec_type\":\"banner\",\"data\":"
	    "{\"service_name\":\"ssh\",\"banner\":\"SSH-2.0\\u000d&\"}}\n";
	const char *docs[2] = { oj, od };
	struct pk_reader *r;
	const struct pk_host *h;
	size_t i;

	for (i = 0; i < 2; i++) {
		r = pk_reader_open_mem(docs[i], strlen(docs[i]), "m.json",
		    NULL);
		if (assert_int(pk_reader_next(r, &h), PK_OK) &&
		    assert_int(h->nports, 1)) {
			assert_int(pk_reader_format(r), PK_FMT_MASSCAN_JSON);
			assert_str(h->scan->scanner, "masscan");
			assert_int(h->endtime, 1700000005);
			assert_str(h->ports[0].state, "open");
			assert_str(h->ports[0].reason, "syn-ack");
			assert_int(h->ports[0].reason_ttl, 64);
			if (assert_int(h->ports[0].nscripts, 1))
				assert_str(h->ports[0].scripts[0].output,
				    "ssh: SSH-2.0\\x0d\\x26");
		}
		assert_int(pk_reader_next(r, &h), PK_EOF);
		pk_reader_free(r);
	}
}

TEST(test_reader_masscan_json_errors)
{
	static const struct {
		const char	*doc;
		int		 rc;
		const char	*msg;
	} cases[] = {
		{ "[\n{\"ip\": \"10.0.0.1\", \"ports\": [ {\"port\": 22, "
		  "\"proto\": \"tcp\", \"status\": \"open\"} ] }\n",
		  PK_ERR_TRUNCATED, "truncated scan: no closing \"]\"" },
		{ "[\n{\"ip\": \"10.0.0.1\", \"ports\": [ {\"port\": 22",
		  PK_ERR_TRUNCATED, "truncated scan: last line cut short" },
		{ "[\n{\"ip\": \"10.0.0.1\", \"ports\": [ {\"port\" 22} ] }\n]\n",
		  PK_ERR_FORMAT, "masscan JSON: expected ':' at column 40" },
		{ "{\"ip\": \"10.0.0.1\", \"ports\": [ {\"port\": 0, \"proto\": "
		  "\"tcp\", \"status\": \"open\"} ] }\n",
		  PK_ERR_FORMAT, "masscan JSON: bad port or protocol" },
		{ "{\"ip\": \"10.0.0.1\", \"port\": 1, \"proto\": \"tcp\", "
		  "\"rec_type\": \"x\", \"data\": {}}\n",
		  PK_ERR_FORMAT, "masscan JSON: unknown rec_type" },
		{ "{\"ip\": \"10.0.0.999\", \"ports\": []}\n",
		  PK_ERR_FORMAT, "masscan JSON: bad address" },
		{ "[\n]\n{\"ip\": \"10.0.0.1\", \"ports\": []}\n",
		  PK_ERR_UNKNOWN_FORMAT, NULL },
		{ "[\n]\n", PK_EOF, NULL },
		{ "{\"ip\": \"1.2.3.4\", \"ports\": [] } {}\n",
		  PK_ERR_FORMAT, "masscan JSON: one record object per line "
		  "expected" },
		{ "{\"ip\": \"1.2.3.4\", \"ports\": [\"\\ud800\"]}\n",
		  PK_ERR_FORMAT, "masscan JSON: bad port or protocol" },
	};
	struct pk_reader *r;
	const struct pk_host *h;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		r = pk_reader_open_mem(cases[i].doc, strlen(cases[i].doc),
		    "e.json", NULL);
		while ((rc = pk_reader_next(r, &h)) == PK_OK)
			continue;
		th_check(rc == cases[i].rc, __FILE__, __LINE__,
		    "case %zu: status %d", i, rc);
		if (cases[i].msg != NULL)
			th_check(strncmp(pk_reader_error(r)->msg,
			    cases[i].msg, strlen(cases[i].msg)) == 0,
			    __FILE__, __LINE__,
			    "case %zu: \"%s\"", i, pk_reader_error(r)->msg);
		pk_reader_free(r);
	}
}

TEST(test_reader_ipv6_and_mac_only)
{
	static const char hosts[] =
	    "<host><status state=\"up\" reason=\"arp-response\"/>"
	    "<address addr=\"AA:BB:CC:DD:EE:FF\" addrtype=\"mac\"/></host>\n"
	    "<host><status state=\"up\"/><address addr=\"::1\" "
	    "addrtype=\"ipv6\"/><address addr=\"127.0.0.2\" "
	    "addrtype=\"ipv4\"/><hostnames/></host>\n";
	char *doc = cat3(HEAD RUN, hosts, STATS);
	struct pk_reader *r = open_str(doc);
	const struct pk_host *h;

	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_true(h->host == NULL);
		assert_str(h->mac, "AA:BB:CC:DD:EE:FF");
		assert_int(h->nports, 0);
	}
	if (assert_int(pk_reader_next(r, &h), PK_OK)) {
		assert_str(h->host, "::1");
		assert_int(h->naddrs, 2);
		assert_true(h->hostname == NULL);
	}
	assert_int(pk_reader_next(r, &h), PK_EOF);
	pk_reader_free(r);
	free(doc);
}

TEST(test_reader_errors)
{
	static const struct {
		const char	*doc;
		int		 rc;
		const char	*msg;
	} cases[] = {
		{ HEAD RUN "<host><address addr=\"1.2.3\" addrtype=\"ipv4\"/>",
		  PK_ERR_FORMAT, "t.xml:7: bad ipv4 address \"1.2.3\"" },
		{ HEAD RUN "<host><address addr=\"x\" addrtype=\"ipx\"/>",
		  PK_ERR_FORMAT, "t.xml:7: <address> without a valid addr "
		  "and addrtype" },
		{ HEAD RUN "<host><address addr=\"::1\" addrtype=\"ipv6\"/>"
		  "<ports><port protocol=\"tcp\" portid=\"1\"/></ports></host>",
		  PK_ERR_FORMAT, "t.xml:7: port 1/tcp has no <state>" },
		{ HEAD RUN "<host><address addr=\"::1\" addrtype=\"ipv6\"/>"
		  "<ports><port protocol=\"gre\" portid=\"1\"/>",
		  PK_ERR_FORMAT, "t.xml:7: unknown protocol \"gre\"" },
		{ HEAD RUN "<host><status state=\"up\" reason_ttl=\"-3\"/>",
		  PK_ERR_FORMAT, "t.xml:7: bad number in reason_ttl=\"-3\"" },
		{ HEAD RUN "<host></hots>", PK_ERR_FORMAT, "t.xml:7: Opening "
		  "and ending tag mismatch: host line 7 and hots" },
		{ "<?xml version=\"1.0\"?><!DOCTYPE nmaprun PUBLIC \"x\" "
		  "\"http://127.0.0.1:9/x.dtd\"><nmaprun/>", PK_ERR_FORMAT,
		  "t.xml:1: external DTD refused" },
		{ "<?xml version=\"1.0\"?><!DOCTYPE html><nmaprun/>",
		  PK_ERR_FORMAT, "t.xml:1: only <!DOCTYPE nmaprun> is "
		  "accepted" },
		{ HEAD RUN "<host", PK_ERR_TRUNCATED, "t.xml:7: truncated "
		  "scan: input ends inside <host>: kept 0 complete hosts" },
	};
	char got[512];
	unsigned long n;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int(drain(cases[i].doc, &n, got, sizeof(got)),
		    cases[i].rc);
		assert_str(got, cases[i].msg);
	}
}

TEST(test_reader_detect)
{
	static const struct {
		const char	*s;
		enum pk_format	 f;
	} cases[] = {
		{ HEAD RUN, PK_FMT_NMAP_XML },
		{ "<?xml version=\"1.0\"?>\n<nmaprun scanner=\"masscan\">",
		  PK_FMT_MASSCAN_XML },
		{ "# Nmap 7.93 scan initiated Mon Nov 23 20:00:00 2026 as: "
		  "nmap -oG - 127.0.0.1\nHost: 127.0.0.1 ()\tStatus: Up\n",
		  PK_FMT_GNMAP },
		{ "# Nmap 7.93 scan initiated x as: nmap -oG - 10.0.0.9\n"
		  "# Nmap done at x -- 1 IP address (0 hosts up) scanned\n",
		  PK_FMT_GNMAP },
		{ "# Nmap 7.93 scan initiated x as: nmap -oN - 1\n"
		  "Nmap scan report for localhost (127.0.0.1)\n",
		  PK_FMT_NMAP_NORMAL },
		{ "Starting Nmap 7.93 ( https://nmap.org ) at 2026-11-23 20:00 "
		  "UTC\nNmap scan report for localhost (127.0.0.1)\n",
		  PK_FMT_NMAP_NORMAL },
		{ "Nmap scan report for 10.0.0.1 [host down]\n",
		  PK_FMT_NMAP_NORMAL },
		{ "# Nmap 7.93 scan initiated x as: nmap -v -oN - 10.0.0.9\n"
		  "Read data files from: /usr/share/nmap\n"
		  "# Nmap done at x -- 1 IP address (0 hosts up) scanned\n",
		  PK_FMT_NMAP_NORMAL },
		{ "10.0.0.1:22\n10.0.0.1:80\n[2001:db8::1]:443\n",
		  PK_FMT_HOSTPORT },
		{ "# naabu\n\n  10.0.0.1:22  # ssh\r\n10.0.0.2:8", PK_FMT_HOSTPORT },
		{ "10.0.0.1:22\nbad line\n", PK_FMT_UNKNOWN },
		{ "10.0.0.1:22\n10.0.0.1:99999\nx.example:22\n",
		  PK_FMT_HOSTPORT },
		{ "scanme.example:22\n", PK_FMT_HOSTPORT },
		{ "-x:22\n", PK_FMT_UNKNOWN },
		{ "10.0.0.1:22 x\n", PK_FMT_UNKNOWN },
		{ "10.0.0.1:0\n", PK_FMT_UNKNOWN },
		{ "10.0.0.1:65536\n", PK_FMT_UNKNOWN },
		{ "a:b\n", PK_FMT_UNKNOWN },
		{ "2001:db8::1:443\n", PK_FMT_UNKNOWN },
		{ "10.0.0.1:22#x\n", PK_FMT_UNKNOWN },
		{ "tcpmux\t1/tcp\t0.001995\t# TCP Port Service Multiplexer\n",
		  PK_FMT_SERVICES },
		{ "# comment\nssh\t22/tcp\t0.182286\n", PK_FMT_SERVICES },
		{ "Netid State  Recv-Q Send-Q Local Address:Port  Peer "
		  "Address:PortProcess\n", PK_FMT_SS },
		{ "tcp   LISTEN 0      128          0.0.0.0:22        "
		  "0.0.0.0:*\n", PK_FMT_SS },
		{ "LISTEN 0      128          0.0.0.0:22        0.0.0.0:*\n",
		  PK_FMT_SS },
		{ "COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\n",
		  PK_FMT_LSOF },
		{ "p812\ncsshd\nf3\n", PK_FMT_LSOF },
		{ "p812\nn*:22\n", PK_FMT_LSOF },
		{ "p12x\n", PK_FMT_UNKNOWN },
		{ "Active Internet connections (only servers)\n", PK_FMT_NETSTAT },
		{ "Proto Recv-Q Send-Q Local Address           Foreign Address"
		  "         State\n", PK_FMT_NETSTAT },
		{ "(Not all processes could be identified, non-owned process "
		  "info\n will not be shown, you would have to be root to see "
		  "it all.)\nActive Internet connections (w/o servers)\n",
		  PK_FMT_NETSTAT },
		{ "tcp6       0      0 :::22                   :::*         "
		  "           LISTEN      -\n", PK_FMT_NETSTAT },
		{ "udp        0      0 0.0.0.0:53              0.0.0.0:*\n",
		  PK_FMT_NETSTAT },
		{ "tcp        0      0\n", PK_FMT_UNKNOWN },
		{ "(just a note)\nhello\n", PK_FMT_UNKNOWN },
		{ "#masscan\nopen tcp 22 10.77.1.2 1795465477\n# end\n",
		  PK_FMT_MASSCAN_LIST },
		{ "#masscan\n# end\n", PK_FMT_MASSCAN_LIST },
		{ "#masscanner\n", PK_FMT_UNKNOWN },
		{ "[\n{   \"ip\": \"10.77.1.2\",   \"timestamp\": \"1\", "
		  "\"ports\": [ ] }\n", PK_FMT_MASSCAN_JSON },
		{ "{\"ip\":\"10.77.1.2\",\"port\":3306,\"rec_type\":"
		  "\"status\"}\n", PK_FMT_MASSCAN_JSON },
		{ "{\"ip\": \"10.77.1.2\"}\n", PK_FMT_UNKNOWN },
		{ "[1, 2]\n", PK_FMT_UNKNOWN },
		{ "[\n]\n", PK_FMT_MASSCAN_JSON },
		{ "[\n]\n\n", PK_FMT_MASSCAN_JSON },
		{ "[]", PK_FMT_UNKNOWN },
		{ "\xff\xfe<\0?\0", PK_FMT_NMAP_XML },
		{ "hello\n", PK_FMT_UNKNOWN },
		{ "", PK_FMT_UNKNOWN },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		th_check(pk_format_detect(cases[i].s, strlen(cases[i].s) +
		    (cases[i].s[0] == '\xff' ? 6 - strlen(cases[i].s) : 0)) ==
		    cases[i].f, __FILE__, __LINE__, "case %zu: got %s", i,
		    pk_format_name(pk_format_detect(cases[i].s,
		    strlen(cases[i].s))));
	assert_str(pk_format_name(PK_FMT_GNMAP), "gnmap");
	assert_str(pk_format_name(PK_FMT_MASSCAN_LIST), "masscan-list");
	assert_str(pk_format_name(PK_FMT_MASSCAN_JSON), "masscan-json");
	assert_str(pk_format_name(PK_FMT_NMAP_NORMAL), "nmap-normal");
	assert_str(pk_format_name(PK_FMT_HOSTPORT), "hostport");
	assert_str(pk_format_name((enum pk_format)99), "unknown");
}

TEST(test_reader_open_errors)
{
	const struct pk_host *h;
	struct pk_reader *r;

	r = pk_reader_open("/nonexistent/scan.xml", NULL);
	assert_int(pk_reader_next(r, &h), PK_ERR_IO);
	assert_str(pk_reader_error(r)->msg,
	    "cannot open: No such file or directory");
	assert_str(pk_reader_error(r)->file, "/nonexistent/scan.xml");
	assert_true(h == NULL);
	/* Errors are final. */
	assert_int(pk_reader_next(r, &h), PK_ERR_IO);
	pk_reader_free(r);
	pk_reader_free(NULL);
	assert_str(pk_strerror(PK_ERR_TRUNCATED), "truncated input");
	assert_str(pk_strerror(42), "unknown status");
}

struct warned {
	int	 n;
	char	 last[512];
};

static void
on_warn(void *arg, const struct pk_error *w)
{
	struct warned *wd = arg;

	wd->n++;
	(void)snprintf(wd->last, sizeof(wd->last), "%s:%lu: %s", w->file,
	    w->line, w->msg);
}

/* Read doc ("d.xml") with o, its warnings counted in wd: all its ports. */
static int
read_warned(const char *doc, struct pk_read_opts *o, struct warned *wd)
{
	const struct pk_host *h;
	struct pk_reader *r;
	int n = 0;

	o->warn = on_warn;
	o->warn_arg = wd;
	r = pk_reader_open_mem(doc, strlen(doc), "d.xml", o);
	while (pk_reader_next(r, &h) == PK_OK)
		n += (int)h->nports;
	pk_reader_free(r);
	return n;
}

TEST(test_reader_duplicates)
{
	static const char hosts[] =
	    "<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>"
	    "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\"/>"
	    "</port><port protocol=\"tcp\" portid=\"22\"><state "
	    "state=\"closed\"/></port></ports></host>\n"
	    "<host><address addr=\"10.0.0.2\" addrtype=\"ipv4\"/><ports>"
	    "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\"/>"
	    "</port></ports></host>\n"
	    "<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/></host>\n";
	char *doc = cat3(HEAD RUN, hosts, STATS);
	struct warned wd = { 0, "" };
	struct pk_read_opts o;

	pk_read_opts_init(&o);
	/* Both ports delivered, one warning; the host check is off. */
	assert_int(read_warned(doc, &o, &wd), 3);
	assert_int(wd.n, 1);
	assert_str(wd.last, "d.xml:7: warning: port 22/tcp of 10.0.0.1 "
	    "listed twice");
	o.dup_hosts = 1;
	wd.n = 0;
	(void)read_warned(doc, &o, &wd);
	assert_int(wd.n, 2);
	assert_str(wd.last, "d.xml:9: warning: host 10.0.0.1 listed again "
	    "(first at line 7)");
	free(doc);
}

/*
 * Ports out of order are checked mark by mark, rising ones by order
 * alone: a repeat after a rising run is still seen, a number on two
 * protocols is no repeat, and nothing of a host stays marked for the
 * next.
 */
#define PORT_X(proto, num)						\
	"<port protocol=\"" proto "\" portid=\"" num "\"><state "		\
	"state=\"open\"/></port>"

TEST(test_reader_duplicates_order)
{
	static const char hosts[] =
	    "<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>"
	    PORT_X("tcp", "80") PORT_X("tcp", "22") PORT_X("udp", "53")
	    PORT_X("udp", "22") "</ports></host>\n"
	    "<host><address addr=\"10.0.0.2\" addrtype=\"ipv4\"/><ports>"
	    PORT_X("tcp", "22") PORT_X("tcp", "80") PORT_X("tcp", "443")
	    PORT_X("udp", "80") PORT_X("tcp", "80") "</ports></host>\n"
	    "<host><address addr=\"10.0.0.3\" addrtype=\"ipv4\"/><ports>"
	    PORT_X("tcp", "443") PORT_X("tcp", "80") PORT_X("tcp", "22")
	    "</ports></host>\n";
	char *doc = cat3(HEAD RUN, hosts, STATS);
	struct warned wd = { 0, "" };
	struct pk_read_opts o;

	pk_read_opts_init(&o);
	assert_int(read_warned(doc, &o, &wd), 12);
	assert_int(wd.n, 1);
	assert_str(wd.last, "d.xml:8: warning: port 80/tcp of 10.0.0.2 "
	    "listed twice");
	free(doc);
}
#undef PORT_X

TEST(test_reader_source)
{
	static const char dump[] =
	    "State  Recv-Q Send-Q Local Address:Port Peer Address:Port\n"
	    "LISTEN 0      128          0.0.0.0:22        0.0.0.0:*\n";
	char path[] = "/tmp/pk-test-source.XXXXXX";
	const struct pk_host *h;
	const struct pk_sock *sk;
	struct pk_source *src;
	struct pk_reader *r;
	struct pk_sock_reader *sr;
	FILE *f;
	int fd;

	/* A scan: recognised, then read whole by the scan reader. */
	fd = mkstemp(path);
	if (!assert_true(fd != -1))
		return;
	f = fdopen(fd, "w");
	fputs(HEAD RUN, f);
	fputs(host1, f);
	fputs(STATS, f);
	fclose(f);
	src = pk_source_open(path, NULL);
	assert_int(pk_source_format(src), PK_FMT_NMAP_XML);
	assert_int(pk_source_format(src), PK_FMT_NMAP_XML);
	assert_str(pk_source_name(src), path);
	r = pk_reader_open_source(src, NULL);
	assert_int(pk_reader_next(r, &h), PK_OK);
	assert_int(pk_reader_next(r, &h), PK_EOF);
	pk_reader_free(r);
	/* A dump: the same source handed to the socket reader. */
	f = fopen(path, "w");
	fputs(dump, f);
	fclose(f);
	src = pk_source_open(path, NULL);
	assert_int(pk_source_format(src), PK_FMT_SS);
	sr = pk_sock_open_source(src, NULL);
	if (assert_int(pk_sock_next(sr, &sk), PK_OK))
		assert_int(sk->port, 22);
	assert_int(pk_sock_next(sr, &sk), PK_EOF);
	pk_sock_free(sr);
	/* Unreadable: no format, the reason kept; a reader repeats it. */
	unlink(path);
	src = pk_source_open(path, NULL);
	assert_int(pk_source_format(src), PK_FMT_UNKNOWN);
	assert_int(pk_source_error(src)->status, PK_ERR_IO);
	r = pk_reader_open_source(src, NULL);
	assert_int(pk_reader_next(r, &h), PK_ERR_IO);
	pk_reader_free(r);
	pk_source_free(NULL);
}

TEST_MAIN(test_reader_fields, test_reader_dup_and_extraports,
    test_reader_appended_runs, test_reader_masscan, test_reader_masscan_merge,
    test_reader_script_tree, test_reader_masscan_banners,
    test_reader_masscan_json, test_reader_masscan_json_errors,
    test_reader_ipv6_and_mac_only, test_reader_errors, test_reader_detect,
    test_reader_open_errors, test_reader_source, test_reader_duplicates,
    test_reader_duplicates_order)
