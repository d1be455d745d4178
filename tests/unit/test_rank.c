/*
 * test_rank.c - counting distinct hosts per port, service and product;
 * partial counts and their merge.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "harness.h"

static struct pk_host
host(const char *addr, const char *status, struct pk_port *ports, size_t n)
{
	struct pk_host h;

	memset(&h, 0, sizeof(h));
	h.host = addr;
	h.status = status;
	h.ports = ports;
	h.nports = n;
	return h;
}

static struct pk_port pa[] = {
	{ .proto = PK_PROTO_TCP, .port = 22, .state = "open",
	    .service = "ssh", .method = "probed" },
	{ .proto = PK_PROTO_TCP, .port = 80, .state = "open",
	    .service = "http", .method = "probed" },
	{ .proto = PK_PROTO_TCP, .port = 443, .state = "closed" },
	{ .proto = PK_PROTO_TCP, .port = 8443, .state = "open",
	    .service = "http", .tunnel = "ssl", .method = "probed" }
};

TEST(test_states_parse)
{
	unsigned m;

	assert_int(pk_rank_states_parse("open", &m), PK_OK);
	assert_int(m, 1);
	assert_int(pk_rank_states_parse("open,open|filtered", &m), PK_OK);
	assert_int(m, 1 | 16);
	assert_int(pk_rank_states_parse("opened", &m), PK_ERR_FORMAT);
	assert_int(pk_rank_states_parse("", &m), PK_ERR_FORMAT);
	assert_int(pk_rank_states_parse("open,", &m), PK_ERR_FORMAT);
	assert_int(pk_rank_key_parse("service"), PK_RANK_SERVICE);
	assert_int(pk_rank_key_parse("ports"), -1);
	assert_str(pk_rank_key_name(PK_RANK_PRODUCT), "product");
	assert_true(pk_rank_new(PK_RANK_PORT, 0) == NULL);
}

TEST(test_count_ports)
{
	struct pk_rank *rk = pk_rank_new(PK_RANK_PORT, 1);
	struct pk_port pb[] = { pa[0], pa[0], pa[2] };	/* 22 twice */
	struct pk_host h1 = host("10.0.0.1", "up", pa, 4);
	struct pk_host h2 = host("10.0.0.2", "up", pb, 3);
	struct pk_host down = host("10.0.0.3", "down", pa, 4);
	struct pk_host again = host("10.0.0.1", "up", pa, 4);
	struct pk_host v6 = host("::ffff:10.0.0.2", "up", pa, 4);
	const struct pk_rank_row *r;
	size_t n;

	if (!assert_true(rk != NULL))
		return;
	assert_int(pk_rank_add(rk, &h1), PK_OK);
	assert_int(pk_rank_add(rk, &h2), PK_OK);
	assert_int(pk_rank_add(rk, &down), PK_OK);
	assert_int(pk_rank_add(rk, &again), PK_EOF);
	assert_int(pk_rank_add(rk, &v6), PK_EOF);	/* same address */
	assert_int(pk_rank_hosts(rk), 2);
	assert_int(pk_rank_duplicates(rk), 2);
	r = pk_rank_rows(rk, &n);
	if (!assert_int(n, 3))
		goto out;
	assert_str(r[0].key, "22/tcp");
	assert_int(r[0].hosts, 2);
	assert_int(r[0].nsubs, 1);
	assert_str(r[0].subs[0].name, "ssh");
	assert_int(r[0].subs[0].hosts, 2);
	assert_str(r[1].key, "80/tcp");	/* ties: port order */
	assert_int(r[1].hosts, 2);	/* the v6 record's ports merged */
	assert_int(r[1].port, 80);
	assert_int(r[1].proto, PK_PROTO_TCP);
	assert_str(r[2].key, "8443/tcp");
	assert_str(r[2].subs[0].name, "ssl/http");
out:
	pk_rank_free(rk);
}

/* The ports a ranking names, and none for a ranking of services. */
TEST(test_rank_ports)
{
	struct pk_rank *rk = pk_rank_new(PK_RANK_PORT, 1);
	struct pk_rank *sv = pk_rank_new(PK_RANK_SERVICE, 1);
	struct pk_host h1 = host("10.0.0.1", "up", pa, 4);
	struct pk_portset *ps;

	if (!assert_true(rk != NULL && sv != NULL))
		goto out;
	assert_int(pk_rank_add(rk, &h1), PK_OK);
	assert_int(pk_rank_add(sv, &h1), PK_OK);
	if ((ps = pk_rank_ports(rk)) != NULL) {
		assert_int(pk_portset_count(ps, -1), 3);
		assert_true(pk_portset_has(ps, PK_PROTO_TCP, 22));
		assert_true(pk_portset_has(ps, PK_PROTO_TCP, 80));
		assert_true(pk_portset_has(ps, PK_PROTO_TCP, 8443));
		assert_true(!pk_portset_has(ps, PK_PROTO_UDP, 22));
		pk_portset_free(ps);
	} else
		assert_true(0);
	if ((ps = pk_rank_ports(sv)) != NULL) {
		assert_int(pk_portset_count(ps, -1), 0);
		pk_portset_free(ps);
	} else
		assert_true(0);
out:
	pk_rank_free(rk);
	pk_rank_free(sv);
}

TEST(test_count_services)
{
	struct pk_rank *rk = pk_rank_new(PK_RANK_SERVICE, 1 | 2);
	struct pk_host h1 = host("10.0.0.1", NULL, pa, 4);
	const struct pk_rank_row *r;
	size_t n;

	if (!assert_true(rk != NULL))
		return;
	assert_int(pk_rank_add(rk, &h1), PK_OK);
	r = pk_rank_rows(rk, &n);
	if (assert_int(n, 3)) {
		assert_str(r[0].key, "http");	/* ties: byte order */
		assert_int(r[0].proto, -1);
		assert_str(r[1].key, "ssh");
		assert_str(r[2].key, "ssl/http");
		assert_str(r[2].subs[0].name, "8443/tcp");
	}
	pk_rank_free(rk);
}

/*
 * Only detections are services: nmap's guess from the port number
 * (method table) is not, nor a bare grepable name without -sV; with
 * -sV, a bare grepable name on an open port is.
 */
TEST(test_count_detected)
{
	struct pk_port pt[] = {
		{ .proto = PK_PROTO_TCP, .port = 1, .state = "open",
		    .service = "tcpmux", .method = "table" },
		{ .proto = PK_PROTO_TCP, .port = 22, .state = "open",
		    .service = "ssh" },
		{ .proto = PK_PROTO_TCP, .port = 80, .state = "open",
		    .service = "http", .product = "nginx" },
		{ .proto = PK_PROTO_TCP, .port = 443, .state = "closed",
		    .service = "https" }
	};
	struct pk_scan sS = { .args = "nmap -sS -oG x 10.0.0.1" };
	struct pk_scan sV = { .args = "nmap -sCV -oG x 10.0.0.2" };
	struct pk_host h1 = host("10.0.0.1", "up", pt, 4);
	struct pk_host h2 = host("10.0.0.2", "up", pt, 4);
	struct pk_rank *rk = pk_rank_new(PK_RANK_SERVICE, 1 | 2);
	const struct pk_rank_row *r;
	size_t n;

	if (!assert_true(rk != NULL))
		return;
	h1.scan = &sS;
	h2.scan = &sV;
	assert_int(pk_rank_add(rk, &h1), PK_OK);
	assert_int(pk_rank_add(rk, &h2), PK_OK);
	r = pk_rank_rows(rk, &n);
	if (assert_int(n, 2)) {
		assert_str(r[0].key, "http");
		assert_int(r[0].hosts, 2);
		assert_str(r[1].key, "ssh");
		assert_int(r[1].hosts, 1);
	}
	pk_rank_free(rk);
}

/* A host counts once per category, whatever number of its ports are in it. */
TEST(test_count_categories)
{
	static const char table[] = "22/tcp\tcore,remote-access\n"
	    "80/tcp\tcore,web\n"
	    "443/tcp\tcore,web\n"
	    "8443/tcp\t-\n";
	struct pk_rank *rk = pk_rank_new(PK_RANK_CATEGORY, 1);
	struct pk_ports *pt = pk_ports_new();
	struct pk_host h1 = host("10.0.0.1", NULL, pa, 4);
	struct pk_host h2 = host("10.0.0.2", "up", pa, 1);
	const struct pk_rank_row *r;
	struct pk_error err;
	size_t n;

	if (!assert_true(rk != NULL))
		return;
	assert_str(pk_rank_key_name(PK_RANK_CATEGORY), "category");
	assert_int(pk_rank_key_parse("category"), PK_RANK_CATEGORY);
	/* Without a table no port has a category. */
	assert_int(pk_rank_add(rk, &h1), PK_OK);
	(void)pk_rank_rows(rk, &n);
	assert_int(n, 0);
	pk_rank_free(rk);
	rk = pk_rank_new(PK_RANK_CATEGORY, 1);
	assert_int(pk_ports_load_mem(pt, table, strlen(table), "t", &err),
	    PK_OK);
	pk_rank_set_ports(rk, pt);
	assert_int(pk_rank_add(rk, &h1), PK_OK);
	assert_int(pk_rank_add(rk, &h2), PK_OK);
	r = pk_rank_rows(rk, &n);
	if (assert_int(n, 3)) {
		assert_str(r[0].key, "core");
		assert_int(r[0].hosts, 2);
		assert_str(r[1].key, "remote-access");
		assert_int(r[1].hosts, 2);
		assert_str(r[2].key, "web");	/* 443 is closed */
		assert_int(r[2].hosts, 1);
		if (assert_int(r[0].nsubs, 2)) {
			assert_str(r[0].subs[0].name, "22/tcp");
			assert_int(r[0].subs[0].hosts, 2);
			assert_str(r[0].subs[1].name, "80/tcp");
		}
	}
	pk_rank_free(rk);
	pk_ports_free(pt);
}

/* Counts written by one ranking and merged into another sum exactly. */
TEST(test_counts_roundtrip)
{
	struct pk_rank *a = pk_rank_new(PK_RANK_PORT, 1);
	struct pk_rank *m = pk_rank_new(PK_RANK_PORT, 1);
	struct pk_host h1 = host("10.0.0.1", "up", pa, 4);
	struct pk_host h2 = host("fe80::1", "up", pa, 2);
	char path[] = "/tmp/test_rank.XXXXXX";
	const struct pk_rank_row *r;
	struct pk_error err;
	size_t n;
	FILE *fp;
	int fd;

	if (!assert_true(a != NULL && m != NULL))
		return;
	pk_rank_add(a, &h1);
	pk_rank_add(a, &h2);
	fd = mkstemp(path);
	fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!assert_true(fp != NULL))
		return;
	assert_int(pk_rank_write_counts(a, fp), PK_OK);
	fclose(fp);
	assert_int(pk_rank_merge(m, path, &err), PK_OK);
	assert_int(pk_rank_hosts(m), 2);
	r = pk_rank_rows(m, &n);
	if (assert_int(n, 3)) {
		assert_str(r[0].key, "22/tcp");
		assert_int(r[0].hosts, 2);
		assert_int(r[0].port, 22);
		assert_int(r[2].hosts, 1);
	}
	/* The same hosts again: the merge must refuse them. */
	assert_int(pk_rank_merge(m, path, &err), PK_ERR_USAGE);
	assert_str(err.file, path);
	assert_int(err.line, 3);
	pk_rank_free(m);
	m = pk_rank_new(PK_RANK_SERVICE, 1);
	assert_int(pk_rank_merge(m, path, &err), PK_ERR_USAGE);
	assert_int(err.line, 1);
	remove(path);
	pk_rank_free(m);
	pk_rank_free(a);
}

TEST(test_merge_errors)
{
	struct pk_rank *m = pk_rank_new(PK_RANK_PORT, 1);
	struct pk_error err;

	if (!assert_true(m != NULL))
		return;
	assert_int(pk_rank_merge(m, "/nonexistent.counts", &err), PK_ERR_IO);
	assert_str(err.file, "/nonexistent.counts");
	assert_int(pk_rank_merge(m, "/dev/null", &err), PK_ERR_FORMAT);
	assert_str(err.msg, "empty counts file");
	pk_rank_free(m);
}

/* A host's keys are the union of its records; each key counts it once. */
TEST(test_union)
{
	struct pk_rank *rk = pk_rank_new(PK_RANK_SERVICE, 1);
	struct pk_port p1[] = { pa[0] };			/* ssh on 22 */
	struct pk_port p2[] = { pa[0], pa[1] };			/* + http on 80 */
	struct pk_port p3[] = { { .proto = PK_PROTO_TCP, .port = 2222,
	    .state = "open", .service = "ssh", .method = "probed" } };
	struct pk_host a = host("10.0.0.1", "up", p1, 1);
	struct pk_host b = host("10.0.0.1", "up", p2, 2);
	struct pk_host c = host("10.0.0.1", NULL, p3, 1);
	const struct pk_rank_row *r;
	size_t n;

	if (!assert_true(rk != NULL))
		return;
	assert_int(pk_rank_add(rk, &a), PK_OK);
	assert_int(pk_rank_add(rk, &b), PK_EOF);
	assert_int(pk_rank_add(rk, &c), PK_EOF);
	assert_int(pk_rank_hosts(rk), 1);
	assert_int(pk_rank_duplicates(rk), 2);
	r = pk_rank_rows(rk, &n);
	if (assert_int(n, 2)) {
		assert_str(r[0].key, "http");
		assert_int(r[0].hosts, 1);
		assert_str(r[1].key, "ssh");
		assert_int(r[1].hosts, 1);	/* once, over three records */
		if (assert_int(r[1].nsubs, 2)) {
			assert_str(r[1].subs[0].name, "22/tcp");
			assert_int(r[1].subs[0].hosts, 1);
			assert_str(r[1].subs[1].name, "2222/tcp");
		}
	}
	pk_rank_free(rk);
}

/* Distinct records: no host table, every up record is a host. */
TEST(test_distinct)
{
	struct pk_rank *rk = pk_rank_new(PK_RANK_PORT, 1);
	struct pk_host a = host("10.0.0.1", "up", pa, 4);
	const struct pk_rank_row *r;
	char buf[512];
	size_t n;
	FILE *fp;

	if (!assert_true(rk != NULL))
		return;
	assert_int(pk_rank_set_distinct(rk, 1), PK_OK);
	assert_int(pk_rank_add(rk, &a), PK_OK);
	assert_int(pk_rank_add(rk, &a), PK_OK);	/* the caller's promise */
	assert_int(pk_rank_set_distinct(rk, 0), PK_ERR_USAGE);
	assert_int(pk_rank_hosts(rk), 2);
	r = pk_rank_rows(rk, &n);
	if (assert_int(n, 3))
		assert_int(r[0].hosts, 2);
	fp = fmemopen(buf, sizeof(buf), "w");
	if (assert_true(fp != NULL)) {
		assert_int(pk_rank_write_counts(rk, fp), PK_OK);
		fclose(fp);
		assert_true(strstr(buf, "addr\t") == NULL);
		assert_true(strstr(buf, "hosts\t2\n") != NULL);
	}
	pk_rank_free(rk);
}

/* Ports folded into <extraports> count for a port ranking. */
TEST(test_extraports)
{
	struct pk_extrareason why[] = {
		{ .reason = "reset", .count = 3, .proto = "tcp",
		    .ports = "1-3" },
		{ .reason = "no-response", .count = 1, .proto = "tcp",
		    .ports = "9" }
	};
	struct pk_extraports ex[] = {
		{ .state = "closed", .count = 3, .reasons = why,
		    .nreasons = 1 },
		{ .state = "filtered", .count = 1, .reasons = why + 1,
		    .nreasons = 1 }
	};
	struct pk_port listed[] = { pa[2] };	/* 443 closed, not folded */
	struct pk_host h = host("10.0.0.1", "up", listed, 1);
	struct pk_rank *rk = pk_rank_new(PK_RANK_PORT, 2);	/* closed */
	struct pk_rank *sv = pk_rank_new(PK_RANK_SERVICE, 2 | 4);
	const struct pk_rank_row *r;
	size_t n;

	h.extraports = ex;
	h.nextraports = 2;
	if (!assert_true(rk != NULL && sv != NULL))
		goto out;
	assert_int(pk_rank_add(rk, &h), PK_OK);
	r = pk_rank_rows(rk, &n);
	if (assert_int(n, 4)) {
		assert_str(r[0].key, "1/tcp");
		assert_int(r[0].hosts, 1);
		assert_str(r[3].key, "443/tcp");
		assert_int(r[3].nsubs, 0);
	}
	assert_int(pk_rank_add(sv, &h), PK_OK);	/* folded: no service */
	pk_rank_rows(sv, &n);
	assert_int(n, 0);
out:
	pk_rank_free(rk);
	pk_rank_free(sv);
}

/* Write rk as TSV through pk_rank_write; returns malloc'ed text. */
static char *
table(struct pk_rank *rk, const struct pk_services *svc, const char *scan,
    size_t max, int *rc)
{
	const struct pk_field *f;
	struct pk_writer *w;
	char *buf = NULL;
	size_t n, len = 0;
	FILE *fp;

	*rc = PK_ERR_USAGE;
	f = pk_rank_fields(PK_RANK_PORT, scan != NULL, &n);
	if ((fp = open_memstream(&buf, &len)) == NULL)
		return NULL;
	if ((w = pk_writer_new(fp, PK_OUT_TSV, f, n, 0)) != NULL) {
		*rc = pk_rank_write(rk, svc, scan, max, w);
		(void)pk_writer_flush(w);
	}
	pk_writer_free(w);
	fclose(fp);
	return buf;
}

/* Rows beside nmap-services: registered name, frequency and lift. */
TEST(test_table_ports)
{
	static const char text[] =
	    "ssh\t22/tcp\t0.182286\n"
	    "http\t80/tcp\t0.484143\n"
	    "zero\t8443/tcp\t0\n";
	static const char want[] =
	    "scan\trank\tport\tproto\thosts\tshare\tservice\tdetected\t"
	    "freq\tlift\n"
	    "s\t1\t22\ttcp\t2\t1\tssh\tssh(2)\t0.182286\t5.49\n"
	    "s\t2\t80\ttcp\t1\t0.5\thttp\thttp(1)\t0.484143\t1.03\n"
	    "s\t3\t8443\ttcp\t1\t0.5\tzero\tssl/http(1)\t0\t\n";
	static const char bare[] =
	    "rank\tport\tproto\thosts\tshare\tservice\tdetected\tfreq\tlift\n"
	    "1\t22\ttcp\t2\t1\t\tssh(2)\t\t\n";
	struct pk_rank *rk = pk_rank_new(PK_RANK_PORT, 1);
	struct pk_host h1 = host("10.0.0.1", "up", pa, 4);
	struct pk_host h2 = host("10.0.0.2", "up", pa, 1);
	struct pk_services *svc;
	struct pk_error err;
	char *out;
	int rc;

	svc = pk_services_load_mem(text, strlen(text), "t", NULL, &err);
	if (!assert_true(rk != NULL && svc != NULL))
		goto out;
	pk_rank_add(rk, &h1);
	pk_rank_add(rk, &h2);
	out = table(rk, svc, "s", 0, &rc);
	assert_int(rc, PK_OK);
	assert_str(out, want);
	free(out);
	out = table(rk, NULL, NULL, 1, &rc);	/* no services, one row */
	assert_int(rc, PK_OK);
	assert_str(out, bare);
	free(out);
out:
	pk_services_free(svc);
	pk_rank_free(rk);
}

/* The columns by key, and at most five detected names in a cell. */
TEST(test_table_keys)
{
	static const char want[] =
	    "rank\tkey\thosts\tshare\tdetected\n"
	    "1\thttp\t1\t1\t1/tcp(1),2/tcp(1),3/tcp(1),4/tcp(1),5/tcp(1),"
	    "...\n";
	struct pk_port six[6];
	struct pk_rank *rk = pk_rank_new(PK_RANK_SERVICE, 1);
	struct pk_host h = host("10.0.0.1", "up", six, 6);
	const struct pk_field *f;
	struct pk_writer *w;
	char *buf = NULL;
	size_t n, len = 0, i;
	FILE *fp;

	f = pk_rank_fields(PK_RANK_SERVICE, 1, &n);
	if (assert_int(n, 6))
		assert_str(f[0].name, "scan");
	f = pk_rank_fields(PK_RANK_PORT, 1, &n);
	if (assert_int(n, 10))
		assert_str(f[9].name, "lift");
	assert_true(pk_rank_fields(4, 0, &n) == NULL && n == 0);
	f = pk_rank_fields(PK_RANK_CATEGORY, 0, &n);
	if (assert_int(n, 5))
		assert_str(f[1].name, "key");
	f = pk_rank_fields(PK_RANK_PRODUCT, 0, &n);
	if (assert_int(n, 5))
		assert_str(f[0].name, "rank");
	f = pk_rank_fields(PK_RANK_SERVICE, 0, &n);
	if (!assert_true(rk != NULL))
		return;
	if (!assert_true((fp = open_memstream(&buf, &len)) != NULL))
		goto out;
	for (i = 0; i < 6; i++)
		six[i] = (struct pk_port){ .proto = PK_PROTO_TCP,
		    .port = (unsigned)i + 1, .state = "open",
		    .service = "http", .method = "probed" };
	pk_rank_add(rk, &h);
	w = pk_writer_new(fp, PK_OUT_TSV, f, n, 0);
	if (assert_true(w != NULL))
		assert_int(pk_rank_write(rk, NULL, NULL, 0, w), PK_OK);
	pk_writer_free(w);
	fclose(fp);
	assert_str(buf, want);
	free(buf);
out:
	pk_rank_free(rk);
}

/* One nmap run of two up hosts with ssh open, as nmap -oX writes it. */
static const char run2[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE nmaprun>\n"
    "<nmaprun scanner=\"nmap\" args=\"nmap -sS 10.0.0.1-2\" "
    "start=\"1700000000\" version=\"7.93\" xmloutputversion=\"1.05\">\n"
    "<scaninfo type=\"syn\" protocol=\"tcp\" numservices=\"1\" "
    "services=\"22\"/>\n"
    "<host><status state=\"up\" reason=\"syn-ack\" reason_ttl=\"0\"/>\n"
    "<address addr=\"10.0.0.1\" addrtype=\"ipv4\"/>\n"
    "<ports><port protocol=\"tcp\" portid=\"22\"><state state=\"open\" "
    "reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"ssh\" "
    "method=\"table\" conf=\"3\"/></port></ports></host>\n"
    "<host><status state=\"up\" reason=\"syn-ack\" reason_ttl=\"0\"/>\n"
    "<address addr=\"10.0.0.2\" addrtype=\"ipv4\"/>\n"
    "<ports><port protocol=\"tcp\" portid=\"22\"><state state=\"open\" "
    "reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"ssh\" "
    "method=\"table\" conf=\"3\"/></port></ports></host>\n"
    "<runstats><finished time=\"1700000010\" elapsed=\"10\" "
    "exit=\"success\"/><hosts up=\"2\" down=\"0\" total=\"2\"/>"
    "</runstats>\n</nmaprun>\n";

/* Write n copies of run2 (at most cut bytes of them: 0 for all). */
static int
scan_file(char *path, int n, size_t cut)
{
	size_t len = strlen(run2), all = len * (size_t)n, o;
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (fp == NULL)
		return 0;
	if (cut > 0 && cut < all)
		all = cut;
	for (o = 0; o < all; o += len)
		fwrite(run2, 1, all - o < len ? all - o : len, fp);
	return fclose(fp) == 0;
}

/* Count a file, with flags, on a fresh ranking (distinct: promised). */
static int
count_file(const char *path, unsigned flags, int distinct,
    struct pk_rank_input *in, unsigned long *hosts)
{
	struct pk_rank *rk = pk_rank_new(PK_RANK_PORT, 1);
	struct pk_error err;
	int rc;

	if (rk == NULL)
		return PK_ERR_NOMEM;
	if (distinct)
		pk_rank_set_distinct(rk, 1);
	rc = pk_rank_add_file(rk, path, flags, NULL, in, &err);
	*hosts = pk_rank_hosts(rk);
	pk_rank_free(rk);
	return rc;
}

/* One nmap run alone needs no host table; a second run is recounted. */
TEST(test_add_file)
{
	char one[] = "/tmp/test_rank.XXXXXX", two[] = "/tmp/test_rank.XXXXXX";
	struct pk_rank_input in;
	unsigned long hosts = 0;

	if (!assert_true(scan_file(one, 1, 0) && scan_file(two, 2, 0)))
		goto out;
	assert_int(count_file(one, PK_RANK_ALONE, 0, &in, &hosts), PK_OK);
	assert_str(in.name, one);
	assert_int(in.records, 2);
	assert_int(in.tracking, PK_RANK_ONE_RUN);
	assert_int(hosts, 2);
	assert_int(count_file(one, 0, 0, &in, &hosts), PK_OK);
	assert_int(in.tracking, PK_RANK_TRACKED);
	/* The second run repeats both hosts: counted again, tracked. */
	assert_int(count_file(two, PK_RANK_ALONE, 0, &in, &hosts), PK_OK);
	assert_int(in.records, 4);
	assert_int(in.tracking, PK_RANK_TRACKED);
	assert_int(hosts, 2);
	/* The caller's promise is kept, broken as it is here. */
	assert_int(count_file(two, PK_RANK_ALONE, 1, &in, &hosts), PK_OK);
	assert_int(in.tracking, PK_RANK_DISTINCT);
	assert_int(hosts, 4);
out:
	remove(one);
	remove(two);
}

/* A missing or cut file: the reader's error, named by the path. */
TEST(test_add_file_errors)
{
	char cut[] = "/tmp/test_rank.XXXXXX";
	struct pk_rank *rk = pk_rank_new(PK_RANK_PORT, 1);
	struct pk_rank_input in;
	struct pk_error err;

	if (!assert_true(rk != NULL))
		return;
	assert_int(pk_rank_add_file(rk, "/nonexistent/scan.xml",
	    PK_RANK_ALONE, NULL, &in, &err), PK_ERR_IO);
	assert_str(err.file, "/nonexistent/scan.xml");
	assert_int(in.records, 0);
	/* Cut inside the second host: the first is counted. */
	if (assert_true(scan_file(cut, 1, strlen(run2) - 200))) {
		assert_int(pk_rank_add_file(rk, cut, 0, NULL, NULL, &err),
		    PK_ERR_TRUNCATED);
		assert_str(err.file, cut);
		assert_int(pk_rank_hosts(rk), 1);
	}
	remove(cut);
	pk_rank_free(rk);
}

TEST_MAIN(test_states_parse, test_count_ports, test_rank_ports,
    test_count_services,
    test_count_detected,
    test_count_categories,
    test_counts_roundtrip, test_merge_errors, test_union, test_distinct,
    test_extraports, test_table_ports, test_table_keys, test_add_file,
    test_add_file_errors)
