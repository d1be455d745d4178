/*
 * test_hist.c - port histories (lib/hist/): what counts as a probe, runs
 * and their start, records of a host joined within a scan, the changes
 * chain, scan times, and the policy format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "portkit.h"

#define DOC(start, svcs, body) "<?xml version=\"1.0\"?>\n<nmaprun " \
	"scanner=\"nmap\" args=\"nmap\" start=\"" start "\" version=\"7.93\">" \
	"\n<scaninfo type=\"syn\" protocol=\"tcp\" " \
	"services=\"" svcs "\"/>\n" body "</nmaprun>\n"
#define HOST(addr, st, body) "<host><status state=\"" st "\"/><address " \
	"addr=\"" addr "\" addrtype=\"ipv4\"/><ports>" body "</ports></host>\n"
#define PORT(n, st, svc) "<port protocol=\"tcp\" portid=\"" #n "\">" \
	"<state state=\"" st "\" reason=\"syn-ack\"/>" svc "</port>"
#define SVC(name) "<service name=\"" name "\" method=\"probed\"/>"
#define EXTRA(st, ports) "<extraports state=\"" st "\" count=\"9\">" \
	"<extrareasons reason=\"reset\" count=\"9\" proto=\"tcp\" ports=\"" \
	ports "\"/></extraports>"

/* Feed one scan (a document in memory) to hs; the reader's last status. */
static int
feed(struct pk_hist *hs, const char *doc)
{
	const struct pk_host *h;
	struct pk_reader *r;
	int rc;

	r = pk_reader_open_mem(doc, strlen(doc), "scan.xml", NULL);
	if (r == NULL)
		return PK_ERR_NOMEM;
	rc = pk_reader_next(r, &h);
	if (pk_hist_begin(hs, pk_hist_scan_time(pk_reader_scan(r))) != PK_OK)
		rc = PK_ERR_USAGE;
	for (; rc == PK_OK; rc = pk_reader_next(r, &h))
		if (pk_hist_add(hs, h) != PK_OK)
			rc = PK_ERR_USAGE;
	if (pk_hist_end(hs, pk_reader_scan(r)) != PK_OK)
		rc = PK_ERR_USAGE;
	pk_reader_free(r);
	return rc;
}

/*
 * Every history as "host port service state first last open probed
 * since" lines, times as seconds after 1700000000.
 */
static char *
dump(struct pk_hist *hs)
{
	static char buf[4096];
	const struct pk_hist_rec *r;
	size_t len = 0;

	buf[0] = '\0';
	while (pk_hist_next(hs, &r) == PK_OK)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
		    "%s %u %s %s %lld %lld %lu %lu %lld\n", r->host, r->port,
		    r->service != NULL ? r->service : "-",
		    r->state != NULL ? r->state : "-",
		    r->first_open - 1700000000, r->last_open - 1700000000,
		    r->open_scans, r->probed_scans, r->since - 1700000000);
	return buf;
}

static struct pk_hist *
series(const char *const *docs, size_t n)
{
	struct pk_hist *hs = pk_hist_new(NULL);
	size_t i;

	for (i = 0; hs != NULL && i < n; i++)
		if (feed(hs, docs[i]) != PK_EOF) {
			pk_hist_free(hs);
			return NULL;
		}
	return hs;
}

TEST(test_hist_runs)
{
	static const char *const docs[] = {
		DOC("1700000000", "1-100", HOST("10.0.0.1", "up",
		    PORT(22, "open", SVC("ssh")) PORT(80, "closed", ""))),
		DOC("1700000100", "1-100", HOST("10.0.0.1", "up",
		    PORT(22, "open", "") PORT(80, "open", SVC("http")))),
		DOC("1700000200", "1-100", HOST("10.0.0.1", "up",
		    PORT(22, "filtered", "") PORT(80, "open", ""))),
		DOC("1700000300", "1-100", HOST("10.0.0.1", "up",
		    PORT(22, "open", SVC("ssh")) PORT(80, "open", ""))),
	};
	struct pk_hist *hs = series(docs, 4);

	if (!assert_true(hs != NULL))
		return;
	/* 80 closed before it opened: its history starts when it opened. */
	assert_str(dump(hs), "10.0.0.1 22 ssh open 0 300 3 4 300\n"
	    "10.0.0.1 80 http open 100 300 3 3 100\n");
	assert_int((int)pk_hist_scans(hs), 4);
	assert_int((int)pk_hist_ports(hs), 2);
	assert_true(pk_hist_memory(hs) > 0);
	pk_hist_free(hs);
}

/* Absent, down, outside the port set: no evidence, the run goes on. */
TEST(test_hist_not_probed)
{
	static const char *const docs[] = {
		DOC("1700000000", "1-100", HOST("10.0.0.1", "up",
		    PORT(22, "open", "") PORT(80, "open", ""))
		    HOST("10.0.0.2", "up", PORT(25, "open", ""))),
		DOC("1700000100", "1-50", HOST("10.0.0.1", "up",
		    PORT(22, "closed", ""))),
		DOC("1700000200", "1-100", HOST("10.0.0.1", "down", "")
		    HOST("10.0.0.2", "up", "")),
		DOC("1700000300", "1-100", HOST("10.0.0.1", "up",
		    PORT(22, "closed", "") PORT(80, "open", ""))
		    HOST("10.0.0.2", "up", EXTRA("closed", "1-100"))),
	};
	struct pk_hist *hs = series(docs, 4);

	if (!assert_true(hs != NULL))
		return;
	assert_str(dump(hs), "10.0.0.1 22 - closed 0 0 1 3 100\n"
	    "10.0.0.1 80 - open 0 300 2 2 0\n"
	    "10.0.0.2 25 - closed 0 0 1 2 300\n");
	pk_hist_free(hs);
}

/*
 * A listed state beats a folded one, which beats none; later ties win.
 * A port of the set that no record lists has no state.
 */
TEST(test_hist_records_joined)
{
	static const char *const docs[] = {
		DOC("1700000000", "1-100", HOST("10.0.0.1", "up",
		    PORT(22, "open", "") PORT(80, "open", ""))),
		DOC("1700000100", "1-100", HOST("10.0.0.1", "up",
		    PORT(22, "open", SVC("ssh")))
		    HOST("10.0.0.1", "up", EXTRA("closed", "1-21,23-100"))
		    HOST("10.0.0.1", "up", PORT(99, "filtered", ""))),
		DOC("1700000200", "1-100", HOST("10.0.0.1", "up",
		    PORT(22, "closed", "")) HOST("10.0.0.1", "up",
		    PORT(22, "open", ""))),
	};
	struct pk_hist *hs = series(docs, 3);

	if (!assert_true(hs != NULL))
		return;
	assert_str(dump(hs), "10.0.0.1 22 ssh open 0 200 3 3 0\n"
	    "10.0.0.1 80 - - 0 0 1 3 200\n");
	pk_hist_free(hs);
}

/* The latest detection, "ssl/" inside TLS; a port without one keeps it. */
TEST(test_hist_service)
{
	static const char *const docs[] = {
		DOC("1700000000", "1-500", HOST("10.0.0.1", "up",
		    PORT(443, "open", "<service name=\"http\" tunnel=\"ssl\"/>"))),
		DOC("1700000100", "1-500", HOST("10.0.0.1", "up",
		    PORT(443, "open", ""))),
	};
	struct pk_hist *hs = series(docs, 2);

	if (!assert_true(hs != NULL))
		return;
	assert_str(dump(hs), "10.0.0.1 443 ssl/http open 0 100 2 2 0\n");
	pk_hist_free(hs);
}

TEST(test_hist_usage)
{
	const char *doc = DOC("1700000000", "1-100", HOST("10.0.0.1", "up",
	    PORT(22, "open", "")));
	const struct pk_hist_rec *r;
	struct pk_hist *hs = pk_hist_new(NULL);

	if (!assert_true(hs != NULL))
		return;
	assert_int(pk_hist_end(hs, NULL), PK_ERR_USAGE);
	assert_int(feed(hs, doc), PK_EOF);
	/* Time goes forward only, one scan at a time. */
	assert_int(pk_hist_begin(hs, 1699999999), PK_ERR_USAGE);
	assert_int(pk_hist_begin(hs, 1700000000), PK_OK);
	assert_int(pk_hist_begin(hs, 1700000000), PK_ERR_USAGE);
	assert_int(pk_hist_next(hs, &r), PK_ERR_USAGE);
	assert_int(pk_hist_end(hs, NULL), PK_OK);
	assert_int(pk_hist_next(hs, &r), PK_OK);
	assert_int(pk_hist_next(hs, &r), PK_EOF);
	assert_true(r == NULL);
	assert_int(pk_hist_begin(hs, 1700000100), PK_ERR_USAGE);
	pk_hist_free(hs);
	pk_hist_free(NULL);
}

TEST(test_hist_changes)
{
	struct pk_hist_opts o = { PK_HIST_CHANGES, { 0, 0 } };
	struct pk_hist *hs = pk_hist_new(&o);
	const struct pk_diff_host *dh;
	struct pk_value v[8];
	char field[64];
	size_t n;

	if (!assert_true(hs != NULL))
		return;
	assert_int(feed(hs, DOC("1700000000", "1-100", HOST("10.0.0.1",
	    "up", PORT(22, "open", "")))), PK_EOF);
	dh = pk_hist_changes(hs, &n);
	assert_true(dh == NULL && n == 0);
	assert_int(feed(hs, DOC("1700000100", "1-100", HOST("10.0.0.1",
	    "up", PORT(22, "closed", "")))), PK_EOF);
	dh = pk_hist_changes(hs, &n);
	if (!assert_int((int)n, 1) || !assert_int((int)dh[0].nchanges, 1))
		goto out;
	pk_hist_change_values("T", dh[0].host, &dh[0].changes[0], v, field,
	    sizeof(field));
	assert_str(v[0].s, "T");
	assert_str(v[1].s, "10.0.0.1");
	assert_int((int)v[3].i, 22);
	assert_str(v[4].s, "state");
	assert_str(v[5].s, "open");
	assert_str(v[6].s, "closed");
	assert_str(v[7].s, "changed");
	assert_int(feed(hs, DOC("1700000200", "1-100", HOST("10.0.0.1",
	    "up", PORT(22, "closed", "")))), PK_EOF);
	(void)pk_hist_changes(hs, &n);
	assert_int((int)n, 0);
	(void)pk_hist_change_fields(&n);
	assert_int((int)n, 8);
out:
	pk_hist_free(hs);
}

TEST(test_hist_values)
{
	struct pk_hist_rec r;
	struct pk_value v[10];
	size_t n;
	const struct pk_field *f = pk_hist_fields(&n);

	assert_int((int)n, 10);
	assert_str(f[0].name, "host");
	assert_str(f[9].name, "since");
	memset(&r, 0, sizeof(r));
	r.host = "10.0.0.1";
	r.port = 22;
	r.since_utc = "2023-11-14T22:13:20Z";
	pk_hist_values(&r, v);
	assert_str(v[1].s, "tcp");
	assert_int(v[3].set, 0);		/* no service */
	assert_int(v[4].set, 0);		/* no state */
	assert_int(v[5].set, 0);		/* never open */
	assert_int((int)v[8].i, 0);
	assert_str(v[9].s, "2023-11-14T22:13:20Z");
}

TEST(test_hist_time)
{
	char buf[24];
	long long t;

	assert_str(pk_hist_time_format(1700000000, buf, sizeof(buf)),
	    "2023-11-14T22:13:20Z");
	assert_str(pk_hist_time_format(0, buf, sizeof(buf)),
	    "1970-01-01T00:00:00Z");
	assert_str(pk_hist_time_format(951782400, buf, sizeof(buf)),
	    "2000-02-29T00:00:00Z");
	assert_str(pk_hist_time_format(-1, buf, sizeof(buf)),
	    "1969-12-31T23:59:59Z");
	assert_str(pk_hist_time_format(4611686018427387903LL, buf,
	    sizeof(buf)), "@4611686018427387903");
	assert_int(pk_hist_time_parse("2023-11-14T22:13:20Z", &t), PK_OK);
	assert_true(t == 1700000000);
	assert_int(pk_hist_time_parse("2023-11-14 22:13:20", &t), PK_OK);
	assert_true(t == 1700000000);
	assert_int(pk_hist_time_parse("2023-11-14T22:13", &t), PK_OK);
	assert_true(t == 1700000000 - 20);
	assert_int(pk_hist_time_parse("2000-02-29", &t), PK_OK);
	assert_true(t == 951782400);
	assert_int(pk_hist_time_parse("@1700000000", &t), PK_OK);
	assert_true(t == 1700000000);
	assert_int(pk_hist_time_parse("2023-02-29", &t), PK_ERR_FORMAT);
	assert_int(pk_hist_time_parse("2023-11-14T24:00", &t), PK_ERR_FORMAT);
	assert_int(pk_hist_time_parse("2023-11-14x", &t), PK_ERR_FORMAT);
	assert_int(pk_hist_time_parse("23-11-14", &t), PK_ERR_FORMAT);
	assert_int(pk_hist_time_parse("@", &t), PK_ERR_FORMAT);
	assert_int(pk_hist_time_parse("@99999999999999999999", &t),
	    PK_ERR_FORMAT);
	assert_int(pk_hist_time_parse("", &t), PK_ERR_FORMAT);
}

/* Grepable dates: Nmap's in the local zone (TZ), masscan's in UTC. */
TEST(test_hist_scan_time)
{
	struct pk_scan s;

	memset(&s, 0, sizeof(s));
	assert_true(pk_hist_scan_time(NULL) == -1);
	s.start = 1700000000;
	assert_true(pk_hist_scan_time(&s) == 1700000000);
	s.start = -1;
	assert_true(pk_hist_scan_time(&s) == -1);
	s.startstr = "Thu Nov  2 01:02:03 2023";
	s.scanner = "masscan";
	assert_true(pk_hist_scan_time(&s) == 1698886923);
	(void)setenv("TZ", "UTC", 1);
	tzset();
	s.scanner = "nmap";
	assert_true(pk_hist_scan_time(&s) == 1698886923);
	(void)setenv("TZ", "EST5", 1);
	tzset();
	assert_true(pk_hist_scan_time(&s) == 1698886923 + 5 * 3600);
	(void)setenv("TZ", "UTC", 1);
	tzset();
	s.startstr = "Thu Nov 31 01:02:03 2023";
	assert_true(pk_hist_scan_time(&s) == -1);
	s.startstr = "Thu Nov 2 01:02:03";
	assert_true(pk_hist_scan_time(&s) == -1);
}

static struct pk_hist_policy *
policy(const char *text, struct pk_error *err)
{
	memset(err, 0, sizeof(*err));
	return pk_hist_policy_load_mem(text, strlen(text), "policy", err);
}

TEST(test_hist_policy)
{
	struct pk_error err;
	struct pk_hist_policy *pol = policy(
	    "# allowed\n"
	    "*\tT:22\n"
	    "  10.1.0.0/16   T:80,443   (ssl/)?http\t# web  \n"
	    "10.1.2.3 U:53,T:53 #dns\n"
	    "\n"
	    "fd00::/8 8000-8010\n", &err);

	if (!assert_true(pol != NULL))
		return;
	assert_int((int)pk_hist_policy_rules(pol), 4);
	assert_int(pk_hist_policy_allows(pol, "192.0.2.1", PK_PROTO_TCP, 22,
	    NULL), 1);
	assert_int(pk_hist_policy_allows(pol, "192.0.2.1", PK_PROTO_UDP, 22,
	    NULL), 0);
	assert_int(pk_hist_policy_allows(pol, "10.1.9.9", PK_PROTO_TCP, 443,
	    "ssl/http"), 1);
	/* The whole name must match, and no service matches no pattern. */
	assert_int(pk_hist_policy_allows(pol, "10.1.9.9", PK_PROTO_TCP, 80,
	    "http-proxy"), 0);
	assert_int(pk_hist_policy_allows(pol, "10.1.9.9", PK_PROTO_TCP, 80,
	    NULL), 0);
	assert_int(pk_hist_policy_allows(pol, "10.2.0.1", PK_PROTO_TCP, 80,
	    "http"), 0);
	assert_int(pk_hist_policy_allows(pol, "10.1.2.3", PK_PROTO_UDP, 53,
	    "domain"), 1);
	assert_int(pk_hist_policy_allows(pol, "10.1.2.4", PK_PROTO_UDP, 53,
	    "domain"), 0);
	assert_int(pk_hist_policy_allows(pol, "fd00::1", PK_PROTO_UDP, 8005,
	    NULL), 1);
	assert_int(pk_hist_policy_allows(pol, "02:00:00:00:00:01",
	    PK_PROTO_TCP, 22, NULL), 1);
	pk_hist_policy_free(pol);
	pk_hist_policy_free(NULL);
}

TEST(test_hist_policy_errors)
{
	static const struct {
		const char	*text;
		unsigned long	 line;
		unsigned long	 col;
		const char	*msg;
	} bad[] = {
		{ "* 22\n10.0.0.300 22\n", 2, 1, "bad target" },
		{ "10.0.0.0/33 22\n", 1, 1, "bad target" },
		{ "*\n", 1, 2, "expected TARGET PORTSPEC" },
		{ "* 70000\n", 1, 3, "bad port list" },
		{ "* 22 (http\n", 1, 11, "bad pattern" },
		{ "* 22\n\n  * T:80 a\0b\n", 3, 11, "NUL byte" },
		{ "* 22 ssh # ok\n* 22 ssh x\n", 2, 10, "unexpected \"x\"" },
	};
	struct pk_hist_policy *pol;
	struct pk_error err;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t len = strlen(bad[i].text);

		if (i == 5)
			len = sizeof("* 22\n\n  * T:80 a\0b\n") - 1;
		memset(&err, 0, sizeof(err));
		pol = pk_hist_policy_load_mem(bad[i].text, len, "p", &err);
		assert_true(pol == NULL);
		assert_int(err.status, PK_ERR_FORMAT);
		assert_str(err.file, "p");
		assert_int((int)err.line, (int)bad[i].line);
		if (!assert_true(strstr(err.msg, bad[i].msg) != NULL))
			fprintf(stderr, "case %zu: %s\n", i, err.msg);
		assert_int((int)err.column, (int)bad[i].col);
		pk_hist_policy_free(pol);
	}
	pol = pk_hist_policy_load("/nonexistent/policy", &err);
	assert_true(pol == NULL);
	assert_int(err.status, PK_ERR_IO);
	assert_str(err.file, "/nonexistent/policy");
}

TEST_MAIN(test_hist_runs, test_hist_not_probed, test_hist_records_joined,
    test_hist_service, test_hist_usage, test_hist_changes, test_hist_values,
    test_hist_time, test_hist_scan_time, test_hist_policy,
    test_hist_policy_errors)
