/*
 * test_diff.c - the scan comparison engine (lib/diff*.c) on small Nmap
 * XML documents built in memory, and the difflib opcodes behind ndiff's
 * output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "diff/seq.h"
#include "portkit.h"

#define HEAD "<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\" " \
	"args=\"nmap\" start=\"1700000000\" version=\"7.93\">\n" \
	"<scaninfo type=\"syn\" protocol=\"tcp\" numservices=\"100\" " \
	"services=\"1-100\"/>\n"
#define TAIL "</nmaprun>\n"
#define HOST(addr, body) "<host><status state=\"up\"/><address addr=\"" \
	addr "\" addrtype=\"ipv4\"/><ports>" body "</ports></host>\n"
#define PORT(n, st, svc) "<port protocol=\"tcp\" portid=\"" #n "\">" \
	"<state state=\"" st "\" reason=\"syn-ack\"/>" svc "</port>"

/* Feed doc to side of d; returns the reader's last status. */
static int
feed(struct pk_diff *d, int side, const char *doc)
{
	struct pk_reader *r;
	const struct pk_host *h;
	int rc;

	r = pk_reader_open_mem(doc, strlen(doc), side ? "b.xml" : "a.xml",
	    NULL);
	if (r == NULL)
		return PK_ERR_NOMEM;
	while ((rc = pk_reader_next(r, &h)) == PK_OK)
		if (pk_diff_add(d, side, h) != PK_OK)
			rc = PK_ERR_USAGE;
	(void)pk_diff_scan(d, side, pk_reader_scan(r));
	pk_reader_free(r);
	return rc;
}

static struct pk_diff *
run(const char *a, const char *b, unsigned flags, unsigned ignore)
{
	struct pk_diff_opts o = { ignore, flags };
	struct pk_diff *d = pk_diff_new(&o);

	if (d == NULL)
		return NULL;
	if (feed(d, PK_DIFF_A, a) != PK_EOF || feed(d, PK_DIFF_B, b) != PK_EOF
	    || pk_diff_finish(d) != PK_OK) {
		pk_diff_free(d);
		return NULL;
	}
	return d;
}

/* All changes as "host proto/port field old>new kind" lines. */
static char *
dump(const struct pk_diff *d)
{
	static char buf[4096];
	const struct pk_diff_host *dh;
	size_t n, i, j, len = 0;

	buf[0] = '\0';
	dh = pk_diff_hosts(d, &n);
	for (i = 0; i < n; i++)
		for (j = 0; j < dh[i].nchanges; j++) {
			const struct pk_diff_change *c = &dh[i].changes[j];

			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
			    "%s %d %s %s>%s %s\n", dh[i].host ? dh[i].host :
			    "scan", c->port, c->field == PK_DF_SCRIPT ?
			    c->script : pk_diff_field_name(c->field),
			    c->old_value ? c->old_value : "-",
			    c->new_value ? c->new_value : "-",
			    pk_diff_kind_name(c->kind));
		}
	return buf;
}

TEST(test_names)
{
	assert_str(pk_diff_field_name(PK_DF_EXTRAPORTS), "extraports");
	assert_true(pk_diff_field_name(PK_DF_COUNT) == NULL);
	assert_int(pk_diff_field_parse("version,x", 7), PK_DF_VERSION);
	assert_int(pk_diff_field_parse("versio", 6), -1);
	assert_str(pk_diff_kind_name(PK_DC_NOT_SCANNED), "not-scanned");
	assert_true(pk_diff_kind_name(9) == NULL);
}

TEST(test_same_scan)
{
	const char *a = HEAD HOST("10.0.0.1", PORT(22, "open", "")) TAIL;
	struct pk_diff *d = run(a, a, 0, 0);
	size_t n;

	if (!assert_true(d != NULL))
		return;
	(void)pk_diff_hosts(d, &n);
	assert_int(n, 0);
	assert_int(pk_diff_changes(d), 0);
	assert_true(pk_diff_memory(d) > 0);
	pk_diff_free(d);
}

TEST(test_port_changes)
{
	const char *a = HEAD HOST("10.0.0.1", PORT(22, "open",
	    "<service name=\"ssh\" product=\"OpenSSH\" version=\"9.1\"/>")
	    PORT(80, "open", "")) TAIL;
	const char *b = HEAD HOST("10.0.0.1", PORT(22, "open",
	    "<service name=\"ssh\" product=\"OpenSSH\" version=\"9.2\"/>")
	    PORT(80, "closed", "") PORT(81, "open", "")) TAIL;
	struct pk_diff *d = run(a, b, 0, 0);

	if (!assert_true(d != NULL))
		return;
	assert_str(dump(d), "10.0.0.1 22 version 9.1>9.2 changed\n"
	    "10.0.0.1 80 state open>closed changed\n"
	    "10.0.0.1 81 state ->open added\n");
	pk_diff_free(d);
	/* --state open keeps 80 and 81, --ignore version drops 22. */
	d = run(a, b, PK_DIFF_OPEN_ONLY, 1u << PK_DF_VERSION);
	if (!assert_true(d != NULL))
		return;
	assert_str(dump(d), "10.0.0.1 80 state open>closed changed\n"
	    "10.0.0.1 81 state ->open added\n");
	pk_diff_free(d);
}

/* A port folded into extraports has that state; unscanned is not closed. */
TEST(test_extraports_and_not_scanned)
{
	const char *a = HEAD HOST("10.0.0.1", "<extraports state=\"closed\" "
	    "count=\"99\"><extrareasons reason=\"reset\" count=\"99\" "
	    "proto=\"tcp\" ports=\"1-21,23-100\"/></extraports>"
	    PORT(22, "open", "")) TAIL;
	const char *b = "<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\">"
	    "<scaninfo type=\"syn\" protocol=\"tcp\" numservices=\"3\" "
	    "services=\"22,80,200\"/>"
	    HOST("10.0.0.1", PORT(22, "open", "") PORT(80, "open", "")
	    PORT(200, "open", "")) TAIL;
	struct pk_diff *d = run(a, b, 0, 0);

	if (!assert_true(d != NULL))
		return;
	assert_str(dump(d), "scan -1 scaninfo syn 1-100>syn 22,80,200 "
	    "changed\n"
	    "10.0.0.1 80 state closed>open changed\n"
	    "10.0.0.1 200 state ->open not-scanned\n");
	pk_diff_free(d);
}

TEST(test_hosts_added_removed)
{
	const char *a = HEAD HOST("10.0.0.1", PORT(22, "open", ""))
	    HOST("10.0.0.2", PORT(22, "open", "")) TAIL;
	const char *b = HEAD HOST("10.0.0.10", PORT(22, "closed", ""))
	    HOST("10.0.0.2", PORT(22, "open", "")) TAIL;
	struct pk_diff *d = run(a, b, 0, 0);
	const struct pk_diff_host *dh;
	size_t n;

	if (!assert_true(d != NULL))
		return;
	/* Address order, not string order: .1 before .10. */
	assert_str(dump(d), "10.0.0.1 -1 host up>- removed\n"
	    "10.0.0.1 22 state open>- removed\n"
	    "10.0.0.10 -1 host ->up added\n"
	    "10.0.0.10 22 state ->closed added\n");
	dh = pk_diff_hosts(d, &n);
	assert_int(n, 2);
	assert_true(dh[0].a != NULL && dh[0].b == NULL);
	assert_true(dh[1].a == NULL && dh[1].b != NULL);
	assert_int(dh[1].b->nports, 1);
	pk_diff_free(d);
}

/* A host missing on a cut side was never reached: not compared, counted. */
TEST(test_cut_side)
{
	const char *a = HEAD HOST("10.0.0.1", PORT(22, "open", ""))
	    HOST("10.0.0.2", PORT(22, "open", "")) TAIL;
	const char *b = HEAD HOST("10.0.0.2", PORT(22, "closed", ""))
	    HOST("10.0.0.3", PORT(22, "open", "")) TAIL;
	struct pk_diff *d;
	int side;

	for (side = PK_DIFF_A; side <= PK_DIFF_B; side++) {
		if (!assert_true((d = pk_diff_new(NULL)) != NULL))
			return;
		assert_int(feed(d, PK_DIFF_A, a), PK_EOF);
		assert_int(pk_diff_cut(d, side), PK_OK);
		assert_int(feed(d, PK_DIFF_B, b), PK_EOF);
		assert_int(pk_diff_finish(d), PK_OK);
		/* Cut A never reached .3, cut B never reached .1. */
		assert_str(dump(d), side == PK_DIFF_A ?
		    "10.0.0.1 -1 host up>- removed\n"
		    "10.0.0.1 22 state open>- removed\n"
		    "10.0.0.2 22 state open>closed changed\n" :
		    "10.0.0.2 22 state open>closed changed\n"
		    "10.0.0.3 -1 host ->up added\n"
		    "10.0.0.3 22 state ->open added\n");
		assert_int(pk_diff_unreached(d), 1);
		assert_int(pk_diff_cut(d, PK_DIFF_B), PK_ERR_USAGE);
		pk_diff_free(d);
	}
	assert_int(pk_diff_unreached(NULL), 0);
	assert_int(pk_diff_cut(NULL, PK_DIFF_A), PK_ERR_USAGE);
}

/* masscan writes one <host> per port: the records of an address merge. */
TEST(test_repeated_b_host)
{
	const char *a = HEAD HOST("10.0.0.1", PORT(22, "open", "")
	    PORT(80, "open", "")) TAIL;
	const char *b = HEAD HOST("10.0.0.1", PORT(22, "open", ""))
	    HOST("10.0.0.1", PORT(80, "open", "")) TAIL;
	const char *c = HEAD HOST("10.0.0.1", PORT(22, "open", ""))
	    HOST("10.0.0.1", PORT(80, "closed", "")) TAIL;
	struct pk_diff *d = run(a, b, 0, 0);

	if (!assert_true(d != NULL))
		return;
	assert_str(dump(d), "");
	pk_diff_free(d);
	d = run(a, c, 0, 0);
	if (!assert_true(d != NULL))
		return;
	assert_str(dump(d), "10.0.0.1 80 state open>closed changed\n");
	pk_diff_free(d);
	d = run(a, c, PK_DIFF_MERGE, 0);
	if (!assert_true(d != NULL))
		return;
	assert_str(dump(d), "10.0.0.1 80 state open>closed changed\n");
	pk_diff_free(d);
}

TEST(test_open_filtered_and_tunnel)
{
	const char *a = HEAD HOST("10.0.0.1", PORT(53, "open", "")
	    PORT(443, "open", "<service name=\"http\"/>")) TAIL;
	const char *b = HEAD HOST("10.0.0.1", PORT(53, "open|filtered", "")
	    PORT(443, "open", "<service name=\"http\" tunnel=\"ssl\"/>"))
	    TAIL;
	struct pk_diff *d = run(a, b, PK_DIFF_IGNORE_OF, 0);

	if (!assert_true(d != NULL))
		return;
	assert_str(dump(d), "10.0.0.1 443 tunnel ->ssl added\n");
	pk_diff_free(d);
}

TEST(test_scripts)
{
	const char *a = HEAD HOST("10.0.0.1", PORT(80, "open",
	    "<service name=\"http\"/><script id=\"b\" output=\"x\"/>"
	    "<script id=\"a\" output=\"1\"/>")) TAIL;
	const char *b = HEAD HOST("10.0.0.1", PORT(80, "open",
	    "<service name=\"http\"/><script id=\"a\" output=\"2\"/>"
	    "<script id=\"c\" output=\"y\"/>")) TAIL;
	struct pk_diff *d = run(a, b, 0, 0);

	if (!assert_true(d != NULL))
		return;
	assert_str(dump(d), "");
	pk_diff_free(d);
	d = run(a, b, PK_DIFF_SCRIPTS, 0);
	if (!assert_true(d != NULL))
		return;
	assert_str(dump(d), "10.0.0.1 80 a 1>2 changed\n"
	    "10.0.0.1 80 b x>- removed\n10.0.0.1 80 c ->y added\n");
	pk_diff_free(d);
}

TEST(test_usage)
{
	const char *a = HEAD HOST("10.0.0.1", "") TAIL;
	struct pk_diff *d = run(a, a, 0, 0);
	struct pk_reader *r;
	const struct pk_host *h;

	if (!assert_true(d != NULL))
		return;
	r = pk_reader_open_mem(a, strlen(a), "a.xml", NULL);
	assert_int(pk_reader_next(r, &h), PK_OK);
	assert_int(pk_diff_add(d, PK_DIFF_A, h), PK_ERR_USAGE);
	assert_int(pk_diff_finish(d), PK_ERR_USAGE);
	assert_int(pk_diff_write(NULL, stdout, 0), PK_ERR_USAGE);
	pk_reader_free(r);
	pk_diff_free(d);
	pk_diff_free(NULL);
}

/* A host with only a MAC is matched on it, whatever its case. */
TEST(test_mac_only)
{
	const char *a = HEAD "<host><status state=\"up\"/><address addr="
	    "\"02:77:0A:00:00:0B\" addrtype=\"mac\"/><ports>"
	    PORT(22, "open", "") "</ports></host>\n" TAIL;
	const char *b = HEAD "<host><status state=\"up\"/><address addr="
	    "\"02:77:0a:00:00:0b\" addrtype=\"mac\"/><ports>"
	    PORT(22, "closed", "") "</ports></host>\n" TAIL;
	struct pk_diff *d = run(a, b, 0, 0);

	if (!assert_true(d != NULL))
		return;
	assert_str(dump(d), "02:77:0A:00:00:0B 22 state open>closed "
	    "changed\n");
	pk_diff_free(d);
}

static char *
ops_str(const char *const *a, size_t na, const char *const *b, size_t nb)
{
	static char buf[256];
	static const char tags[] = "=rdi";
	struct pk_seq_op *ops;
	size_t n, i, len = 0;

	buf[0] = '\0';
	if (pk_seq_opcodes(a, na, b, nb, &ops, &n) != 0)
		return buf;
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
		    "%c%zu-%zu,%zu-%zu ", tags[ops[i].tag], ops[i].i1,
		    ops[i].i2, ops[i].j1, ops[i].j2);
	free(ops);
	return buf;
}

/* Answers of Python's difflib.SequenceMatcher(None, a, b).get_opcodes(). */
TEST(test_seq_opcodes)
{
	const char *a[] = { "a", "b", "c", "d" };
	const char *b[] = { "b", "x", "d", "e" };
	const char *c[] = { "x", "a", "b" };

	assert_str(ops_str(a, 4, b, 4), "d0-1,0-0 =1-2,0-1 r2-3,1-2 "
	    "=3-4,2-3 i4-4,3-4 ");
	assert_str(ops_str(a, 2, c, 3), "i0-0,0-1 =0-2,1-3 ");
	assert_str(ops_str(a, 0, c, 1), "i0-0,0-1 ");
	assert_str(ops_str(a, 2, a, 2), "=0-2,0-2 ");
	assert_str(ops_str(a, 0, a, 0), "");
}

TEST_MAIN(test_names, test_same_scan, test_port_changes,
    test_extraports_and_not_scanned, test_hosts_added_removed,
    test_cut_side, test_repeated_b_host, test_open_filtered_and_tunnel,
    test_scripts, test_usage, test_mac_only, test_seq_opcodes)
