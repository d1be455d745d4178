/*
 * test_report.c - pk_escape for each context, and pk_report: the order
 * inputs are given in, every section on the page, escaping of scan
 * strings, the detail cap and flat memory, truncation, misuse and write
 * errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "harness.h"

/* --- pk_escape ------------------------------------------------------------ */

/* s escaped for ctx, as a malloc'ed string. */
static char *
esc(const char *s, int ctx)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (fp == NULL)
		return NULL;
	if (pk_escape(fp, s, ctx) != PK_OK) {
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	return buf;
}

static void
check_esc(const char *s, int ctx, const char *want)
{
	char *got = esc(s, ctx);

	if (assert_true(got != NULL))
		assert_str(got, want);
	free(got);
}

TEST(test_escape_html)
{
	check_esc("<a href=\"x\">&'", PK_ESC_HTML,
	    "&lt;a href=\"x\"&gt;&amp;'");
	check_esc("<a href=\"x\">&'", PK_ESC_HTML_ATTR,
	    "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
	check_esc("a\n\tb\r", PK_ESC_HTML, "a\n\tb\r");
	check_esc("a\n\tb\r", PK_ESC_HTML_ATTR, "a&#10;&#9;b&#13;");
	check_esc("</style><script>", PK_ESC_HTML,
	    "&lt;/style&gt;&lt;script&gt;");
	/* Controls, C1 controls and bytes that are not UTF-8 as \xHH. */
	check_esc("\x01x\x7f", PK_ESC_HTML, "\\x01x\\x7f");
	check_esc("\xc2\x85", PK_ESC_HTML, "\\xc2\\x85");
	check_esc("\xff<", PK_ESC_HTML_ATTR, "\\xff&lt;");
	check_esc("caf\xc3\xa9 \xe2\x80\x94", PK_ESC_HTML,
	    "caf\xc3\xa9 \xe2\x80\x94");
	check_esc("", PK_ESC_HTML, "");
}

TEST(test_escape_md_text)
{
	check_esc("a|b*c_d<e>", PK_ESC_MD, "a\\|b\\*c\\_d\\<e\\>");
	check_esc("a|b\n", PK_ESC_TEXT, "a|b\\x0a");
	check_esc("`x`", PK_ESC_MD, "\\`x\\`");
}

TEST(test_escape_misuse)
{
	FILE *fp = fopen("/dev/full", "w");
	char big[4096];

	assert_int(pk_escape(NULL, "x", PK_ESC_HTML), PK_ERR_USAGE);
	assert_int(pk_escape(stdout, NULL, PK_ESC_HTML), PK_ERR_USAGE);
	assert_int(pk_escape(stdout, "x", 4), PK_ERR_USAGE);
	assert_int(pk_escape(stdout, "x", -1), PK_ERR_USAGE);
	if (!assert_true(fp != NULL))
		return;
	setvbuf(fp, NULL, _IONBF, 0);
	memset(big, '<', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int(pk_escape(fp, big, PK_ESC_HTML), PK_ERR_IO);
	fclose(fp);
}

/* --- Reports ---------------------------------------------------------------- */

static const char scan_head[] =
    "<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\" args=\"nmap -sS\" "
    "start=\"1700000000\" version=\"7.93\" xmloutputversion=\"1.05\">\n"
    "<scaninfo type=\"%s\" protocol=\"tcp\" numservices=\"2\" "
    "services=\"22,80\"/>\n";

/* A one-host scan of type (syn, ack), port 22 in state with service. */
static char *
scan_xml(const char *type, const char *addr, const char *state,
    const char *name, const char *product)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (fp == NULL)
		return NULL;
	fprintf(fp, scan_head, type);
	fprintf(fp, "<host><status state=\"up\" reason=\"syn-ack\"/>"
	    "<address addr=\"%s\" addrtype=\"ipv4\"/><hostnames>"
	    "<hostname name=\"%s\" type=\"PTR\"/></hostnames><ports>"
	    "<port protocol=\"tcp\" portid=\"22\"><state state=\"%s\" "
	    "reason=\"syn-ack\"/><service name=\"ssh\" product=\"%s\" "
	    "method=\"probed\"/></port></ports></host>\n"
	    "<runstats><finished time=\"1700000010\" elapsed=\"10.00\"/>"
	    "<hosts up=\"1\" down=\"0\" total=\"1\"/></runstats>"
	    "</nmaprun>\n", addr, name, state, product);
	fclose(fp);
	return buf;
}

/* Give every input (buf[i], since[i]) in the order the report asks. */
static int
give(struct pk_report *rp, char **xml, const int *since, size_t n,
    size_t *order)
{
	struct pk_reader *r[8];
	const struct pk_host *first[8], *h;
	int rc0[8], rc;
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		r[i] = pk_reader_open_mem(xml[i], strlen(xml[i]), "mem", NULL);
		rc0[i] = pk_reader_next(r[i], &first[i]);
		if (pk_report_input(rp, "mem", pk_reader_scan(r[i]),
		    since[i]) != (int)i)
			return -1;
	}
	while ((rc = pk_report_next(rp, &i)) == PK_OK) {
		if (order != NULL)
			order[k++] = i;
		for (h = first[i], rc = rc0[i]; rc == PK_OK;
		    rc = pk_reader_next(r[i], &h))
			if (pk_report_host(rp, i, h) != PK_OK)
				return -1;
		if (pk_report_end(rp, i, pk_reader_scan(r[i]), rc) != PK_OK)
			return -1;
	}
	for (i = 0; i < n; i++)
		pk_reader_free(r[i]);
	return rc;
}

/* The report as a malloc'ed string. */
static char *
page(struct pk_report *rp)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (fp == NULL)
		return NULL;
	if (pk_report_write(rp, fp) != PK_OK) {
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	return buf;
}

static struct pk_report *
report(int format, size_t detail)
{
	struct pk_report_opts o;

	pk_report_opts_init(&o);
	o.format = format;
	o.detail = detail;
	return pk_report_new(&o);
}

TEST(test_report_sections)
{
	static const char *const ids[] = {
		"summary", "top-ports", "services", "nonstandard", "changes",
		"firewall", "hosts"
	};
	char *xml = scan_xml("syn", "10.0.0.1", "open", "a.example", "x");
	struct pk_report *rp = report(PK_REPORT_HTML, 10);
	const char *at = NULL, *p;
	char want[64], *s;
	int since = 0;
	size_t i;

	if (!assert_true(rp != NULL && xml != NULL))
		return;
	assert_int(give(rp, &xml, &since, 1, NULL), PK_EOF);
	if (!assert_true((s = page(rp)) != NULL))
		return;
	assert_true(strncmp(s, "<!DOCTYPE html>", 15) == 0);
	assert_true(strstr(s, "Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'sha256-") != NULL);
	/* Every section, in order. */
	for (i = 0, at = s; i < sizeof(ids) / sizeof(ids[0]); i++) {
		(void)snprintf(want, sizeof(want), "<section id=\"%s\">", ids[i]);
		p = strstr(s, want);
		assert_true(p != NULL && p > at);
		at = p != NULL ? p : at;
	}
	assert_true(strstr(s, "<script") == NULL);
	assert_true(strstr(s, "http://") == NULL &&
	    strstr(s, "https://") == NULL);
	assert_true(strstr(s, "a.example") != NULL);
	free(s);
	free(xml);
	pk_report_free(rp);
}

TEST(test_report_hostile)
{
	char *xml = scan_xml("syn", "10.0.0.1", "open",
	    "&lt;script&gt;alert(1)&lt;/script&gt;",
	    "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
	struct pk_report_opts o;
	struct pk_report *rp;
	int since = 0;
	char *s;

	pk_report_opts_init(&o);
	o.title = "<b onclick=x>t</b>";
	rp = pk_report_new(&o);
	if (!assert_true(rp != NULL && xml != NULL))
		return;
	assert_int(give(rp, &xml, &since, 1, NULL), PK_EOF);
	if (!assert_true((s = page(rp)) != NULL))
		return;
	assert_true(strstr(s, "<script") == NULL);
	assert_true(strstr(s, "<img") == NULL);
	assert_true(strstr(s, "<b onclick") == NULL);
	assert_true(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt;") !=
	    NULL);
	assert_true(strstr(s, "\"&gt;&lt;img src=x onerror=alert(2)&gt;") !=
	    NULL);
	assert_true(strstr(s, "<title>&lt;b onclick=x&gt;t&lt;/b&gt;</title>")
	    != NULL);
	free(s);
	free(xml);
	pk_report_free(rp);
}

TEST(test_report_md)
{
	char *xml = scan_xml("syn", "10.0.0.1", "open", "a|b", "&lt;x&gt;");
	struct pk_report *rp = report(PK_REPORT_MD, 10);
	int since = 0;
	char *s;

	if (!assert_true(rp != NULL && xml != NULL))
		return;
	assert_int(give(rp, &xml, &since, 1, NULL), PK_EOF);
	if (!assert_true((s = page(rp)) != NULL))
		return;
	assert_true(strncmp(s, "# Scan report\n\n## Summary\n", 26) == 0);
	assert_true(strstr(s, "\n## Hosts\n") != NULL);
	assert_true(strstr(s, "<section") == NULL);
	assert_true(strstr(s, "a\\|b") != NULL);
	assert_true(strstr(s, "\\<x\\>") != NULL);
	free(s);
	free(xml);
	pk_report_free(rp);
}

/* Earlier scans first, then the ACK scan, then the scans reported on. */
TEST(test_report_order)
{
	char *xml[3];
	int since[3] = { 0, 0, 1 };
	size_t order[3] = { 9, 9, 9 };
	struct pk_report *rp = report(PK_REPORT_HTML, 10);
	char *s;

	xml[0] = scan_xml("syn", "10.0.0.1", "open", "a", "x");
	xml[1] = scan_xml("ack", "10.0.0.1", "filtered", "a", "x");
	xml[2] = scan_xml("syn", "10.0.0.1", "closed", "a", "x");
	if (!assert_true(rp != NULL && xml[0] && xml[1] && xml[2]))
		return;
	assert_int(give(rp, xml, since, 3, order), PK_EOF);
	assert_int(order[0], 2);
	assert_int(order[1], 1);
	assert_int(order[2], 0);
	if (assert_true((s = page(rp)) != NULL)) {
		/* The ACK scan fed the firewall; the earlier one the diff. */
		assert_true(strstr(s, "stateful firewall") != NULL);
		assert_true(strstr(s, "<tr><td>Ports opened</td>"
		    "<td class=\"n\">1</td></tr>") != NULL);
		/* The ACK scan's host is no second up host. */
		assert_true(strstr(s, "<dt>Hosts up</dt><dd>1</dd>") != NULL);
	}
	free(s);
	free(xml[0]);
	free(xml[1]);
	free(xml[2]);
	pk_report_free(rp);
}

/* --- Many hosts without a reader -------------------------------------- */

static const struct pk_scaninfo syn_info = { "syn", "tcp", 7, "1-7" };
static const struct pk_scan syn_scan = {
	.format = PK_FMT_NMAP_XML, .scanner = "nmap", .args = "nmap",
	.version = "7.93", .start = 1700000000, .scaninfo =
	    (struct pk_scaninfo *)&syn_info, .nscaninfo = 1, .elapsed = -1,
	.hosts_up = -1, .hosts_down = -1, .hosts_total = -1, .docno = 1
};

/* Host i: in one of four /24s, with i % 7 open ports of 7. */
static void
make_host(unsigned i, struct pk_host *h, struct pk_port *p, char *addr)
{
	unsigned k;

	(void)snprintf(addr, 32, "10.0.%u.%u", i / 250 % 4, i % 250 + 1);
	memset(h, 0, sizeof(*h));
	memset(p, 0, 7 * sizeof(*p));
	h->scan = &syn_scan;
	h->host = addr;
	h->status = "up";
	h->ports = p;
	h->nports = 7;
	for (k = 0; k < 7; k++) {
		p[k].proto = PK_PROTO_TCP;
		p[k].port = k + 1;
		p[k].state = k < i % 7 ? "open" : "closed";
		p[k].service = "svc";
	}
}

static size_t
many(struct pk_report *rp, unsigned n, char **out)
{
	struct pk_host h;
	struct pk_port p[7];
	char addr[32];
	size_t in, mem = 0;
	unsigned i;

	*out = NULL;
	if (pk_report_input(rp, "many", &syn_scan, 0) != 0 ||
	    pk_report_next(rp, &in) != PK_OK)
		return 0;
	for (i = 0; i < n; i++) {
		make_host(i, &h, p, addr);
		if (pk_report_host(rp, in, &h) != PK_OK)
			return 0;
		if (i == n / 2)
			mem = pk_report_memory(rp);
	}
	if (pk_report_end(rp, in, &syn_scan, PK_EOF) != PK_OK ||
	    pk_report_next(rp, &in) != PK_EOF)
		return 0;
	*out = page(rp);
	return mem > pk_report_memory(rp) ? mem : pk_report_memory(rp);
}

TEST(test_report_detail)
{
	struct pk_report *rp = report(PK_REPORT_HTML, 10);
	size_t mem;
	char *s;

	if (!assert_true(rp != NULL))
		return;
	mem = many(rp, 2000, &s);
	if (!assert_true(s != NULL && mem > 0))
		return;
	/* The ten most exposed: six open ports, the first ones to come. */
	assert_true(strstr(s, "<strong>10.0.0.7</strong> \xe2\x80\x94 6 open")
	    != NULL);
	assert_true(strstr(s, "<strong>10.0.0.70</strong> \xe2\x80\x94 6 open")
	    != NULL);
	assert_true(strstr(s, "<strong>10.0.0.77</strong>") == NULL);
	assert_true(strstr(s, "The 10 hosts with the most open ports of 2000 "
	    "up hosts") != NULL);
	assert_true(strstr(s, "1990 more up hosts, by network") != NULL);
	/* 500 hosts per /24, minus the ten listed from 10.0.0.0/24. */
	assert_true(strstr(s, "<td>10.0.0.0/24</td><td class=\"n\">490</td>")
	    != NULL);
	assert_true(strstr(s, "pcat --up --state open many") != NULL);
	free(s);
	pk_report_free(rp);
}

/* What the report holds does not grow with the hosts. */
TEST(test_report_flat_memory)
{
	struct pk_report *a = report(PK_REPORT_MD, 10);
	struct pk_report *b = report(PK_REPORT_MD, 10);
	size_t ma, mb;
	char *sa, *sb;

	if (!assert_true(a != NULL && b != NULL))
		return;
	ma = many(a, 2000, &sa);
	mb = many(b, 40000, &sb);
	assert_true(ma > 0 && mb > 0);
	assert_true(mb < ma + ma / 4);
	free(sa);
	free(sb);
	pk_report_free(a);
	pk_report_free(b);
}

TEST(test_report_truncated)
{
	struct pk_report *rp = report(PK_REPORT_HTML, 10);
	size_t in;
	char *s;

	if (!assert_true(rp != NULL))
		return;
	assert_int(pk_report_input(rp, "cut.xml", &syn_scan, 0), 0);
	assert_int(pk_report_next(rp, &in), PK_OK);
	assert_int(pk_report_end(rp, in, NULL, PK_ERR_TRUNCATED), PK_OK);
	assert_int(pk_report_next(rp, &in), PK_EOF);
	assert_int(pk_report_truncated(rp), 1);
	if (assert_true((s = page(rp)) != NULL))
		assert_true(strstr(s, "<p class=\"warn\" role=\"alert\">cut.xml "
		    "was cut short") != NULL);
	free(s);
	pk_report_free(rp);
}

TEST(test_report_misuse)
{
	struct pk_report_opts o;
	struct pk_report *rp = report(PK_REPORT_HTML, 10);
	struct pk_host h;
	size_t in;
	FILE *fp;

	pk_report_opts_init(&o);
	o.format = 7;
	assert_true(pk_report_new(&o) == NULL);
	pk_report_free(NULL);
	if (!assert_true(rp != NULL))
		return;
	memset(&h, 0, sizeof(h));
	h.host = "10.0.0.1";
	assert_int(pk_report_input(rp, NULL, NULL, 0), PK_ERR_USAGE);
	assert_int(pk_report_input(rp, "a", NULL, 0), 0);
	assert_int(pk_report_host(rp, 0, &h), PK_ERR_USAGE);
	assert_int(pk_report_write(rp, stdout), PK_ERR_USAGE);
	assert_int(pk_report_next(rp, &in), PK_OK);
	assert_int(pk_report_input(rp, "b", NULL, 0), PK_ERR_USAGE);
	assert_int(pk_report_next(rp, &in), PK_ERR_USAGE);
	assert_int(pk_report_host(rp, 1, &h), PK_ERR_USAGE);
	assert_int(pk_report_host(rp, 0, &h), PK_OK);
	/* A host without any address is still counted. */
	h.host = NULL;
	assert_int(pk_report_host(rp, 0, &h), PK_OK);
	assert_int(pk_report_end(rp, 0, NULL, PK_EOF), PK_OK);
	assert_int(pk_report_end(rp, 0, NULL, PK_EOF), PK_ERR_USAGE);
	assert_int(pk_report_next(rp, &in), PK_EOF);
	assert_int(pk_report_next(rp, &in), PK_EOF);
	/* A full disk is a write error. */
	if ((fp = fopen("/dev/full", "w")) != NULL) {
		assert_int(pk_report_write(rp, fp), PK_ERR_IO);
		fclose(fp);
	}
	pk_report_free(rp);
}

/* Real lab scans: the diff and the firewall through the readers. */
TEST(test_report_lab)
{
	static const char *const files[] = {
		"fw-stateful-sS.xml", "fw-stateful-sA.xml", "multi-sS-later.xml",
		"multi-sS.xml"
	};
	struct pk_report *rp = report(PK_REPORT_MD, 10);
	struct pk_reader *r[4];
	const struct pk_host *h;
	size_t i;
	int rc;
	char *s;

	if (!assert_true(rp != NULL))
		return;
	for (i = 0; i < 4; i++) {
		r[i] = pk_reader_open(testdata_path(files[i]), NULL);
		assert_int(pk_reader_next(r[i], &h), PK_OK);
		assert_int(pk_report_input(rp, files[i], pk_reader_scan(r[i]),
		    i == 3), (int)i);
		/* Read again from the start: fresh readers below. */
		pk_reader_free(r[i]);
	}
	while ((rc = pk_report_next(rp, &i)) == PK_OK) {
		r[i] = pk_reader_open(testdata_path(files[i]), NULL);
		while ((rc = pk_reader_next(r[i], &h)) == PK_OK)
			assert_int(pk_report_host(rp, i, h), PK_OK);
		assert_int(pk_report_end(rp, i, pk_reader_scan(r[i]), rc),
		    PK_OK);
		pk_reader_free(r[i]);
	}
	assert_int(rc, PK_EOF);
	if (assert_true((s = page(rp)) != NULL)) {
		assert_true(strstr(s, "| Ports opened | 1 |") != NULL);
		assert_true(strstr(s, "| Ports closed | 3 |") != NULL);
		assert_true(strstr(s, "#### 10.77.3.2: ambiguous (a stateful "
		    "firewall") != NULL);
		assert_true(strstr(s, "| Hosts up | 3 |") != NULL);
	}
	free(s);
	pk_report_free(rp);
}

TEST_MAIN(test_escape_html, test_escape_md_text, test_escape_misuse,
    test_report_sections, test_report_hostile, test_report_md,
    test_report_order, test_report_detail, test_report_flat_memory,
    test_report_truncated, test_report_misuse, test_report_lab)
