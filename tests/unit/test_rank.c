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
	    .service = "ssh" },
	{ .proto = PK_PROTO_TCP, .port = 80, .state = "open",
	    .service = "http" },
	{ .proto = PK_PROTO_TCP, .port = 443, .state = "closed" },
	{ .proto = PK_PROTO_TCP, .port = 8443, .state = "open",
	    .service = "http", .tunnel = "ssl" }
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
	assert_int(r[1].port, 80);
	assert_int(r[1].proto, PK_PROTO_TCP);
	assert_str(r[2].key, "8443/tcp");
	assert_str(r[2].subs[0].name, "ssl/http");
out:
	pk_rank_free(rk);
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

TEST_MAIN(test_states_parse, test_count_ports, test_count_services,
    test_counts_roundtrip, test_merge_errors)
