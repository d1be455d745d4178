/*
 * test_ports.c - the port table: lines, overrides, lookups, errors,
 * and the IANA ranges.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "harness.h"

static const char table[] =
    "# comment\n"
    "\n"
    "22/tcp\tcore,remote-access,file-transfer\tssh\n"
    "6379/tcp\tdatabase\tredis\n"
    "53/udp\tcore\n"
    "53/tcp\tcore\tdomain\n";

static struct pk_ports *
loaded(void)
{
	struct pk_ports *pt = pk_ports_new();
	struct pk_error err;

	assert_true(pt != NULL);
	assert_int(pk_ports_load_mem(pt, table, strlen(table), "t", &err),
	    PK_OK);
	return pt;
}

TEST(test_lookup)
{
	struct pk_ports *pt = loaded();
	const struct pk_portcat *c;
	const char *const *cats;
	size_t n;

	c = pk_ports_get(pt, PK_PROTO_TCP, 22);
	assert_true(c != NULL);
	assert_str(c->category, "core,remote-access,file-transfer");
	assert_str(c->service, "ssh");
	c = pk_ports_get(pt, PK_PROTO_UDP, 53);
	assert_str(c->category, "core");
	assert_true(c->service == NULL);
	assert_true(pk_ports_get(pt, PK_PROTO_UDP, 22) == NULL);
	assert_true(pk_ports_get(pt, PK_PROTO_TCP, 23) == NULL);
	assert_true(pk_ports_get(NULL, PK_PROTO_TCP, 22) == NULL);
	/* In order: tcp by port, then udp. */
	assert_int(pk_ports_at(pt, 0)->port, 22);
	assert_int(pk_ports_at(pt, 1)->port, 53);
	assert_int(pk_ports_at(pt, 2)->port, 6379);
	assert_int(pk_ports_at(pt, 3)->proto, PK_PROTO_UDP);
	assert_true(pk_ports_at(pt, 4) == NULL);
	cats = pk_ports_categories(pt, &n);
	assert_int(n, 4);
	assert_str(cats[0], "core");
	assert_str(cats[3], "database");
	pk_ports_free(pt);
}

TEST(test_override)
{
	static const char user[] =
	    "22/tcp\tcore\tssh\n"
	    "6379/tcp\t-\n"
	    "2222/tcp\tremote-access,lab\tssh-alt\n";
	struct pk_ports *pt = loaded();
	const struct pk_portcat *c;
	struct pk_error err;
	size_t n;

	assert_int(pk_ports_load_mem(pt, user, strlen(user), "u", &err),
	    PK_OK);
	assert_str(pk_ports_get(pt, PK_PROTO_TCP, 22)->category, "core");
	c = pk_ports_get(pt, PK_PROTO_TCP, 6379);
	assert_str(c->category, "");
	assert_true(c->service == NULL);
	assert_str(pk_ports_get(pt, PK_PROTO_TCP, 2222)->service, "ssh-alt");
	(void)pk_ports_categories(pt, &n);
	assert_int(n, 5);		/* "lab" is new */
	assert_true(pk_ports_at(pt, 5) == NULL);
	pk_ports_free(pt);
}

static void
bad(const char *text, unsigned long line, unsigned long col,
    const char *msg)
{
	struct pk_ports *pt = pk_ports_new();
	struct pk_error err;

	assert_int(pk_ports_load_mem(pt, text, strlen(text), "b", &err),
	    PK_ERR_FORMAT);
	assert_str(err.file, "b");
	assert_int(err.line, line);
	assert_int(err.column, col);
	assert_str(err.msg, msg);
	pk_ports_free(pt);
}

TEST(test_errors)
{
	bad("22/tcp\n", 1, 0, "expected PORT/PROTO<TAB>CATEGORIES[<TAB>"
	    "SERVICE]");
	bad("# x\n22\tcore\n", 2, 1, "expected PORT/PROTO, PORT 0-65535");
	bad("65536/tcp\tcore\n", 1, 1, "expected PORT/PROTO, PORT 0-65535");
	bad("22/ip\tcore\n", 1, 4, "expected tcp, udp or sctp after the "
	    "port");
	bad("22/tcp\tCore\n", 1, 8, "expected categories of a-z, 0-9 and "
	    "'-', separated by commas (\"-\" for none)");
	bad("22/tcp\tcore,,web\n", 1, 13, "expected categories of a-z, 0-9 "
	    "and '-', separated by commas (\"-\" for none)");
	bad("22/tcp\tcore\tssh\textra\n", 1, 0, "expected PORT/PROTO<TAB>"
	    "CATEGORIES[<TAB>SERVICE]");
}

TEST(test_category_in)
{
	assert_int(pk_ports_list_has("core,web", "web", 3), 1);
	assert_int(pk_ports_list_has("core,web", "core", 4), 1);
	assert_int(pk_ports_list_has("core,web", "cor", 3), 0);
	assert_int(pk_ports_list_has("core,web", "webx", 3), 1);
	assert_int(pk_ports_list_has("", "web", 3), 0);
	assert_int(pk_ports_list_has(NULL, "web", 3), 0);
}

TEST(test_iana_range)
{
	assert_str(pk_ports_iana_range(PK_PROTO_TCP, 0), "well-known");
	assert_str(pk_ports_iana_range(PK_PROTO_UDP, 1023), "well-known");
	assert_str(pk_ports_iana_range(PK_PROTO_TCP, 1024), "registered");
	assert_str(pk_ports_iana_range(PK_PROTO_SCTP, 49151), "registered");
	assert_str(pk_ports_iana_range(PK_PROTO_TCP, 49152), "dynamic");
	assert_str(pk_ports_iana_range(PK_PROTO_TCP, 65535), "dynamic");
	assert_true(pk_ports_iana_range(PK_PROTO_TCP, 65536) == NULL);
	assert_true(pk_ports_iana_range(PK_PROTO_IP, 6) == NULL);
}

TEST(test_shipped_table)
{
	struct pk_ports *pt = pk_ports_new();
	const struct pk_portcat *c;
	struct pk_error err;

	assert_int(pk_ports_load(pt, "data/port-categories", &err), PK_OK);
	c = pk_ports_get(pt, PK_PROTO_TCP, 3306);
	assert_str(c->category, "database");
	assert_str(c->service, "mysql");
	assert_str(pk_ports_get(pt, PK_PROTO_UDP, 51820)->category, "vpn");
	pk_ports_free(pt);
}

TEST(test_rowctx_fields)
{
	static struct pk_port ports[2];
	struct pk_ports *pt = loaded();
	struct pk_host h;
	struct pk_rowctx *rc;
	const struct pk_value *v;
	struct pk_error err;

	memset(&h, 0, sizeof(h));
	ports[0].proto = PK_PROTO_TCP;
	ports[0].port = 6379;
	ports[1].proto = PK_PROTO_TCP;
	ports[1].port = 50000;
	rc = pk_rowctx_new(PK_REC_PORT, "category,iana_range", &err);
	assert_true(rc != NULL);
	/* No table: empty, never a guess. */
	v = pk_rowctx_fill(rc, &h, &ports[0], NULL);
	assert_int(v[0].set, 0);
	assert_str(v[1].s, "registered");
	pk_rowctx_set_ports(rc, pt);
	v = pk_rowctx_fill(rc, &h, &ports[0], NULL);
	assert_str(v[0].s, "database");
	v = pk_rowctx_fill(rc, &h, &ports[1], NULL);
	assert_int(v[0].set, 0);
	assert_str(v[1].s, "dynamic");
	pk_rowctx_free(rc);
	pk_ports_free(pt);
}

TEST_MAIN(test_lookup, test_override, test_errors, test_category_in,
    test_iana_range, test_shipped_table, test_rowctx_fields)
