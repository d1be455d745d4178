/*
 * test_services.c - strict nmap-services parsing, lookups and ranking.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "harness.h"

static struct pk_services *
load(const char *text, struct pk_error *err)
{
	memset(err, 0, sizeof(*err));
	return pk_services_load_mem(text, strlen(text), "t", NULL, err);
}

/* Load text that must fail; check status, line and message. */
static void
reject(const char *text, int status, unsigned long line, const char *msg)
{
	struct pk_error err;
	struct pk_services *svc = load(text, &err);

	assert_true(svc == NULL);
	pk_services_free(svc);
	assert_int(err.status, status);
	assert_int(err.line, line);
	assert_str(err.file, "t");
	assert_str(err.msg, msg);
}

static const char good[] =
    "# comment\n"
    "\n"
    "   # indented comment\n"
    "http\t80/tcp\t0.484143\t# World Wide Web HTTP\n"
    "http\t80/udp\t0.035767\n"
    "telnet\t23/tcp\t0.221265\n"
    "ssh\t22/tcp\t0.182286\t# Secure Shell | x\t# two\n"
    "zero\t0/tcp\t0.000000\n"
    "max\t65535/sctp\t1\n"
    "http\t8008/tcp\t0.002\n"
    "dup\t22/tcp\t0.9\n"
    "spaces   7/udp   0.5\r\n"
    "last\t9/tcp\t0.000000";

TEST(test_good_file)
{
	struct pk_error err;
	struct pk_services *svc = load(good, &err);
	const struct pk_service *s;

	if (!assert_true(svc != NULL))
		return;
	assert_str(pk_services_name(svc), "t");
	assert_int(pk_services_duplicates(svc), 1);
	s = pk_services_get(svc, PK_PROTO_TCP, 80);
	if (assert_true(s != NULL)) {
		assert_str(s->name, "http");
		assert_true(s->freq == 0.484143);
		assert_str(s->comment, "World Wide Web HTTP");
		assert_int(s->line, 4);
	}
	s = pk_services_get(svc, PK_PROTO_TCP, 22);
	if (assert_true(s != NULL)) {
		assert_str(s->name, "ssh");	/* the first line wins */
		assert_str(s->comment, "Secure Shell | x\t# two");
	}
	s = pk_services_get(svc, PK_PROTO_UDP, 7);
	if (assert_true(s != NULL))
		assert_true(s->freq == 0.5 && s->comment == NULL);
	s = pk_services_get(svc, PK_PROTO_SCTP, 65535);
	if (assert_true(s != NULL))
		assert_true(s->freq == 1.0);
	assert_true(pk_services_get(svc, PK_PROTO_TCP, 0) != NULL);
	assert_true(pk_services_get(svc, PK_PROTO_UDP, 22) == NULL);
	assert_true(pk_services_get(svc, PK_PROTO_IP, 1) == NULL);
	assert_true(pk_services_get(svc, PK_PROTO_TCP, 65536) == NULL);
	assert_true(pk_services_get(svc, PK_PROTO_TCP, 9) != NULL);
	pk_services_free(svc);
}

TEST(test_byname)
{
	struct pk_error err;
	struct pk_services *svc = load(good, &err);
	const struct pk_service *const *l;

	if (!assert_true(svc != NULL))
		return;
	if (assert_int(pk_services_byname(svc, "http", &l), 3)) {
		assert_int(l[0]->port, 80);
		assert_int(l[0]->proto, PK_PROTO_TCP);
		assert_int(l[1]->port, 80);
		assert_int(l[1]->proto, PK_PROTO_UDP);
		assert_int(l[2]->port, 8008);
	}
	assert_int(pk_services_byname(svc, "ssh", &l), 1);
	assert_int(pk_services_byname(svc, "dup", &l), 0);
	assert_int(pk_services_byname(svc, "HTTP", &l), 0);
	assert_int(pk_services_byname(svc, "htt", NULL), 0);
	pk_services_free(svc);
}

/* Equal frequencies keep file order, which is how nmap breaks ties. */
TEST(test_ranked_ties)
{
	static const char text[] =
	    "a\t5/tcp\t0.1\n"
	    "b\t3/tcp\t0.2\n"
	    "c\t9/tcp\t0.1\n"
	    "d\t1/tcp\t0.1\n"
	    "e\t2/tcp\t0\n"
	    "f\t4/tcp\t0.2\n"
	    "g\t1/udp\t0.3\n";
	static const unsigned want[] = { 3, 4, 5, 9, 1, 2 };
	struct pk_error err;
	struct pk_services *svc = load(text, &err);
	const struct pk_service *const *r;
	size_t n, i;

	if (!assert_true(svc != NULL))
		return;
	r = pk_services_ranked(svc, PK_PROTO_TCP, &n);
	if (assert_int(n, 6))
		for (i = 0; i < n; i++)
			assert_int(r[i]->port, want[i]);
	assert_int(pk_services_top_ratio(svc, PK_PROTO_TCP, 0.2), 2);
	assert_int(pk_services_top_ratio(svc, PK_PROTO_TCP, 0.1), 5);
	assert_int(pk_services_top_ratio(svc, PK_PROTO_TCP, 0), 6);
	assert_int(pk_services_top_ratio(svc, PK_PROTO_UDP, 0.31), 0);
	assert_true(pk_services_mass(svc, PK_PROTO_TCP) > 0.69999 &&
	    pk_services_mass(svc, PK_PROTO_TCP) < 0.70001);
	r = pk_services_ranked(svc, PK_PROTO_SCTP, &n);
	assert_int(n, 0);
	r = pk_services_ranked(svc, PK_PROTO_IP, &n);
	assert_true(r == NULL && n == 0);
	pk_services_free(svc);
}

/*
 * Ranking keys: decimals of several lengths sort as their values, equal
 * values ("0.5", "0.50") in file order, also with one frequency too long
 * for a decimal key (the double's bits then) and with none after the
 * point at all.
 */
static void
ranked_as(const char *text, const unsigned *want, size_t nwant)
{
	struct pk_error err;
	struct pk_services *svc = load(text, &err);
	const struct pk_service *const *r;
	size_t n, i;

	if (!assert_true(svc != NULL))
		return;
	r = pk_services_ranked(svc, PK_PROTO_TCP, &n);
	if (assert_int(n, nwant))
		for (i = 0; i < n; i++)
			assert_int(r[i]->port, want[i]);
	pk_services_free(svc);
}

TEST(test_ranked_keys)
{
	static const char mixed[] =
	    "a\t1/tcp\t0.5\n"
	    "b\t2/tcp\t0.25\n"
	    "c\t3/tcp\t0.4999999\n"
	    "d\t4/tcp\t1\n"
	    "e\t5/tcp\t0.50\n"
	    "f\t6/tcp\t1.000\n"
	    "g\t7/tcp\t0\n"
	    "h\t8/tcp\t0.00000000000001\n"
	    "i\t9/tcp\t0.00000000000002\n";
	static const unsigned mixed_want[] = { 4, 6, 1, 5, 3, 2, 9, 8, 7 };
	static const char longer[] =
	    "a\t1/tcp\t0.5\n"
	    "b\t2/tcp\t0.50000000000000000001\n"
	    "c\t3/tcp\t0.5\n"
	    "d\t4/tcp\t0.6\n";
	static const unsigned longer_want[] = { 4, 1, 2, 3 };
	static const char whole[] =
	    "a\t1/tcp\t0\n"
	    "b\t2/tcp\t1\n"
	    "c\t3/tcp\t0\n";
	static const unsigned whole_want[] = { 2, 1, 3 };

	ranked_as(mixed, mixed_want, 9);
	ranked_as(longer, longer_want, 4);
	ranked_as(whole, whole_want, 3);
}

/* Shapes off the usual ones, read by the full parser: the same values. */
TEST(test_unusual_shapes)
{
	static const char text[] =
	    "a\t022/tcp\t0.5\n"
	    "b\t000000080/udp\t0.25 # c\n"
	    "c\t9/sctp\t0.00000000000001\n"
	    "d\t10/tcp\t0.000000000000001\n"
	    "e\t11/tcp\t00.5\n"
	    "f\t12/udp\t1.0\n";
	struct pk_error err;
	struct pk_services *svc = load(text, &err);
	const struct pk_service *e;

	if (!assert_true(svc != NULL))
		return;
	assert_true((e = pk_services_get(svc, PK_PROTO_TCP, 22)) != NULL &&
	    e->freq == 0.5);
	assert_true((e = pk_services_get(svc, PK_PROTO_UDP, 80)) != NULL &&
	    e->freq == 0.25 && strcmp(e->comment, "c") == 0);
	assert_true((e = pk_services_get(svc, PK_PROTO_SCTP, 9)) != NULL &&
	    e->freq == strtod("0.00000000000001", NULL));
	assert_true((e = pk_services_get(svc, PK_PROTO_TCP, 10)) != NULL &&
	    e->freq == strtod("0.000000000000001", NULL));
	assert_true((e = pk_services_get(svc, PK_PROTO_TCP, 11)) != NULL &&
	    e->freq == 0.5);
	assert_true((e = pk_services_get(svc, PK_PROTO_UDP, 12)) != NULL &&
	    e->freq == 1.0);
	pk_services_free(svc);
	reject("x\t65536/tcp\t0.5\n", PK_ERR_FORMAT, 1,
	    "port out of range 0..65535 in '65536/tcp'");
	reject("x\t1/tcpx\t0.5\n", PK_ERR_FORMAT, 1,
	    "unknown protocol in '1/tcpx'");
	reject("x\t1/tcp\t0.5x\n", PK_ERR_FORMAT, 1, "bad frequency '0.5x'");
}

TEST(test_empty)
{
	struct pk_error err;
	struct pk_services *svc = load("# nothing\n", &err);
	size_t n;

	if (!assert_true(svc != NULL))
		return;
	(void)pk_services_ranked(svc, PK_PROTO_TCP, &n);
	assert_int(n, 0);
	assert_int(pk_services_byname(svc, "x", NULL), 0);
	pk_services_free(svc);
}

TEST(test_reject_port)
{
	reject("a\t1/tcp\t0.1\nx\t70000/tcp\t0.1\n", PK_ERR_FORMAT, 2,
	    "port out of range 0..65535 in '70000/tcp'");
	reject("x\t65536/tcp\t0.1\n", PK_ERR_FORMAT, 1,
	    "port out of range 0..65535 in '65536/tcp'");
	reject("x\t-1/tcp\t0.1\n", PK_ERR_FORMAT, 1,
	    "bad port/protocol '-1/tcp'");
	reject("x\t+22/tcp\t0.1\n", PK_ERR_FORMAT, 1,
	    "bad port/protocol '+22/tcp'");
	reject("x\t22x/tcp\t0.1\n", PK_ERR_FORMAT, 1,
	    "bad port/protocol '22x/tcp'");
	reject("x\t0x16/tcp\t0.1\n", PK_ERR_FORMAT, 1,
	    "bad port/protocol '0x16/tcp'");
	reject("x\t22\t0.1\n", PK_ERR_FORMAT, 1,
	    "bad port/protocol '22'");
	reject("x\t/tcp\t0.1\n", PK_ERR_FORMAT, 1,
	    "bad port/protocol '/tcp'");
}

TEST(test_reject_proto)
{
	reject("x\t22/TCP\t0.1\n", PK_ERR_FORMAT, 1,
	    "unknown protocol in '22/TCP'");
	reject("x\t22/ddp\t0.1\n", PK_ERR_FORMAT, 1,
	    "unknown protocol in '22/ddp'");
	reject("x\t22/ip\t0.1\n", PK_ERR_FORMAT, 1,
	    "unknown protocol in '22/ip'");
	reject("x\t22/\t0.1\n", PK_ERR_FORMAT, 1,
	    "unknown protocol in '22/'");
	reject("x\t22/tcpx\t0.1\n", PK_ERR_FORMAT, 1,
	    "unknown protocol in '22/tcpx'");
}

TEST(test_reject_freq)
{
	reject("x\t1/tcp\tnan\n", PK_ERR_FORMAT, 1, "bad frequency 'nan'");
	reject("x\t1/tcp\tinf\n", PK_ERR_FORMAT, 1, "bad frequency 'inf'");
	reject("x\t1/tcp\t-0.1\n", PK_ERR_FORMAT, 1,
	    "bad frequency '-0.1'");
	reject("x\t1/tcp\t+0.1\n", PK_ERR_FORMAT, 1,
	    "bad frequency '+0.1'");
	reject("x\t1/tcp\t1.5\n", PK_ERR_FORMAT, 1,
	    "frequency out of range 0..1: '1.5'");
	reject("x\t1/tcp\t1.0000000000000000001\n", PK_ERR_FORMAT, 1,
	    "frequency out of range 0..1: '1.0000000000000000001'");
	reject("x\t1/tcp\t0x0.1p0\n", PK_ERR_FORMAT, 1,
	    "bad frequency '0x0.1p0'");
	reject("x\t1/tcp\t1e-3\n", PK_ERR_FORMAT, 1, "bad frequency '1e-3'");
	reject("x\t1/tcp\t.5\n", PK_ERR_FORMAT, 1, "bad frequency '.5'");
	reject("x\t1/tcp\t0.\n", PK_ERR_FORMAT, 1, "bad frequency '0.'");
	reject("x\t1/tcp\t1/2\n", PK_ERR_FORMAT, 1, "bad frequency '1/2'");
}

/* Long fraction digits go through strtod and still compare exactly. */
TEST(test_freq_precision)
{
	static const char text[] =
	    "a\t1/tcp\t0.12345678901234567890\n"
	    "b\t2/tcp\t0.000001\n"
	    "c\t3/tcp\t1.000000\n";
	struct pk_error err;
	struct pk_services *svc = load(text, &err);

	if (!assert_true(svc != NULL))
		return;
	assert_true(pk_services_get(svc, 0, 1)->freq ==
	    strtod("0.12345678901234567890", NULL));
	assert_true(pk_services_get(svc, 0, 2)->freq == strtod("0.000001",
	    NULL));
	assert_true(pk_services_get(svc, 0, 3)->freq == 1.0);
	pk_services_free(svc);
}

TEST(test_reject_fields)
{
	reject("x\n", PK_ERR_FORMAT, 1, "missing port/protocol after 'x'");
	reject("x\t22/tcp\n", PK_ERR_FORMAT, 1,
	    "missing frequency after 'x'");
	reject("x\t22/tcp\t \t\n", PK_ERR_FORMAT, 1,
	    "missing frequency after 'x'");
	reject("x\t22/tcp\t0.1\textra\n", PK_ERR_FORMAT, 1,
	    "unexpected 'extra' after the frequency");
	reject("x\t22/tcp\t0.1\t2\t# c\n", PK_ERR_FORMAT, 1,
	    "unexpected '2' after the frequency");
}

TEST(test_reject_nul)
{
	static const char text[] = "a\t1/tcp\t0.1\nx\t2/tcp\t0.1\0junk\n";
	static const char comment[] = "# a comment\0 with a NUL\n";
	struct pk_error err;
	struct pk_services *svc;

	svc = pk_services_load_mem(text, sizeof(text) - 1, "t", NULL, &err);
	assert_true(svc == NULL);
	assert_int(err.status, PK_ERR_FORMAT);
	assert_int(err.line, 2);
	assert_int(err.column, 12);
	assert_str(err.msg, "NUL byte in line");
	svc = pk_services_load_mem(comment, sizeof(comment) - 1, "t", NULL,
	    &err);
	assert_true(svc == NULL);
	assert_int(err.line, 1);
	assert_str(err.msg, "NUL byte in line");
}

TEST(test_reject_overlong)
{
	struct pk_limits lim;
	struct pk_error err;
	struct pk_services *svc;
	size_t n = ((size_t)4 << 20) + 100;	/* past the 4 MiB default */
	char *text = malloc(n + 32);

	if (!assert_true(text != NULL))
		return;
	strcpy(text, "a\t1/tcp\t0.1\n# ");
	memset(text + 14, 'x', n);
	strcpy(text + 14 + n, "\nb\t2/tcp\t0.1\n");
	svc = pk_services_load_mem(text, strlen(text), "t", NULL, &err);
	assert_true(svc == NULL);
	assert_int(err.status, PK_ERR_LIMIT);
	assert_int(err.line, 2);
	assert_str(err.file, "t");
	/* A smaller limit catches an ordinary line. */
	memset(&lim, 0, sizeof(lim));
	lim.max_line_bytes = 10;
	svc = pk_services_load_mem("a\t1/tcp\t0.1\nbb\t2/tcp\t0.1\n", 25, "t",
	    &lim, &err);
	assert_true(svc == NULL);
	assert_int(err.status, PK_ERR_LIMIT);
	assert_int(err.line, 1);
	lim.max_line_bytes = 11;
	svc = pk_services_load_mem("a\t1/tcp\t0.1\nbb\t2/tcp\t0.1\n", 25, "t",
	    &lim, &err);
	assert_true(svc == NULL);
	assert_int(err.line, 2);
	free(text);
}

TEST(test_missing_file)
{
	struct pk_error err;
	struct pk_services *svc;

	memset(&err, 0, sizeof(err));
	svc = pk_services_load("/nonexistent/nmap-services", NULL, &err);
	assert_true(svc == NULL);
	assert_int(err.status, PK_ERR_IO);
	assert_str(err.file, "/nonexistent/nmap-services");
	assert_str(err.msg, "cannot open: No such file or directory");
}

TEST(test_locate_datadir)
{
	struct pk_error err;
	char dir[] = "/tmp/test_services.XXXXXX", path[64];
	char *found;
	FILE *fp;

	if (!assert_true(mkdtemp(dir) != NULL))
		return;
	snprintf(path, sizeof(path), "%s/nmap-services", dir);
	fp = fopen(path, "w");
	if (!assert_true(fp != NULL))
		return;
	fputs("a\t1/tcp\t0.5\n", fp);
	fclose(fp);
	found = pk_services_locate(dir, &err);
	assert_str(found, path);
	free(found);
	remove(path);
	remove(dir);
}

/* The tcp and udp entries of test_ranked_ties, for the choices. */
static const char ranked[] =
    "a\t5/tcp\t0.1\n"
    "b\t3/tcp\t0.2\n"
    "c\t9/tcp\t0.1\n"
    "d\t1/tcp\t0.1\n"
    "e\t2/tcp\t0\n"
    "f\t4/tcp\t0.2\n"
    "g\t1/udp\t0.3\n";

/* nmap's --top-ports and --port-ratio, and a share of the mass. */
TEST(test_top_choice)
{
	struct pk_error err;
	struct pk_services *svc = load(ranked, &err);
	char *s;

	if (!assert_true(svc != NULL))
		return;
	assert_int(pk_services_top(svc, PK_PROTO_TCP, PK_TOP_COUNT, 3), 3);
	assert_int(pk_services_top(svc, PK_PROTO_TCP, PK_TOP_COUNT, 100), 6);
	assert_int(pk_services_top(svc, PK_PROTO_TCP, PK_TOP_COUNT, 0), 0);
	assert_int(pk_services_top(svc, PK_PROTO_TCP, PK_TOP_RATIO, 0.1), 5);
	assert_int(pk_services_top(svc, PK_PROTO_TCP, PK_TOP_RATIO, 0), 6);
	/* 0.2 and 0.4 of 0.7 are 29% and 57% */
	assert_int(pk_services_top(svc, PK_PROTO_TCP, PK_TOP_COVERAGE, 0.5),
	    2);
	assert_int(pk_services_top(svc, PK_PROTO_TCP, PK_TOP_COVERAGE, 0.9),
	    5);
	assert_int(pk_services_top(svc, PK_PROTO_UDP, PK_TOP_COVERAGE, 0.1),
	    1);
	/* no sctp entries: no mass to cover */
	assert_int(pk_services_top(svc, PK_PROTO_SCTP, PK_TOP_COVERAGE, 0.5),
	    0);
	assert_int(pk_services_top(svc, PK_PROTO_IP, PK_TOP_COUNT, 5), 0);
	assert_int(pk_services_top(svc, PK_PROTO_TCP, 7, 5), 0);
	s = pk_services_top_spec(svc, -1, PK_TOP_COUNT, 2);
	assert_str(s, "T:3-4,U:1");
	free(s);
	s = pk_services_top_spec(svc, PK_PROTO_TCP, PK_TOP_RATIO, 0.1);
	assert_str(s, "T:1,3-5,9");
	free(s);
	s = pk_services_top_spec(svc, PK_PROTO_SCTP, PK_TOP_COUNT, 10);
	assert_str(s, "");
	free(s);
	pk_services_free(svc);
}

/* The choice as rows: rank order, cum_share to six decimals. */
TEST(test_top_table)
{
	static const char want[] =
	    "rank\tport\tproto\tservice\tfreq\tcum_share\n"
	    "1\t3\ttcp\tb\t0.2\t0.285714\n"
	    "2\t4\ttcp\tf\t0.2\t0.571429\n"
	    "1\t1\tudp\tg\t0.3\t1\n";
	struct pk_error err;
	struct pk_services *svc = load(ranked, &err);
	const struct pk_field *f;
	struct pk_writer *w;
	char *buf = NULL;
	size_t n, len = 0;
	FILE *fp;

	f = pk_services_top_fields(&n);
	assert_int(n, 6);
	assert_str(f[5].name, "cum_share");
	if (!assert_true(svc != NULL))
		return;
	if (!assert_true((fp = open_memstream(&buf, &len)) != NULL))
		goto out;
	w = pk_writer_new(fp, PK_OUT_TSV, f, n, 0);
	if (assert_true(w != NULL)) {
		assert_int(pk_services_top_write(svc, -1, PK_TOP_COUNT, 2, w),
		    PK_OK);
		assert_int(pk_writer_flush(w), PK_OK);
	}
	pk_writer_free(w);
	fclose(fp);
	assert_str(buf, want);
	free(buf);
out:
	pk_services_free(svc);
}

TEST_MAIN(test_good_file, test_byname, test_ranked_ties, test_ranked_keys,
    test_unusual_shapes, test_empty,
    test_reject_port, test_reject_proto, test_reject_freq,
    test_freq_precision, test_reject_fields, test_reject_nul,
    test_reject_overlong, test_missing_file, test_locate_datadir,
    test_top_choice, test_top_table)
