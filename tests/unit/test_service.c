/*
 * test_service.c - service names as nmap shows them ("ssl/http") and
 * whether a name was detected or guessed from the port number.
 */
#include <string.h>

#include "harness.h"
#include "portkit.h"

TEST(test_service_name)
{
	struct pk_port p;
	char buf[16];

	memset(&p, 0, sizeof(p));
	assert_true(pk_port_service(&p, buf, sizeof(buf)) == NULL);
	assert_int(pk_port_service_len(&p), 0);
	p.service = "http";
	assert_true(pk_port_service(&p, buf, sizeof(buf)) == p.service);
	assert_int(pk_port_service_len(&p), 4);
	p.tunnel = "ssl";
	assert_str(pk_port_service(&p, buf, sizeof(buf)), "ssl/http");
	assert_int(pk_port_service_len(&p), 8);
	assert_str(pk_port_service(&p, buf, 6), "ssl/h");	/* cut */
	assert_true(pk_port_service(&p, buf, 0) == NULL);
	p.service = NULL;			/* as ndiff joins them */
	assert_str(pk_port_service(&p, buf, sizeof(buf)), "ssl");
	assert_int(pk_port_service_len(&p), 3);
	p.service = "http";
	p.tunnel = "";
	assert_str(pk_port_service(&p, buf, sizeof(buf)), "http");
}

TEST(test_scan_versions)
{
	static const struct {
		const char	*args;
		int		 want;
	} t[] = {
		{ "nmap -sV 10.0.0.1", 1 },
		{ "nmap -sS -sV -p 22 10.0.0.1", 1 },
		{ "nmap -sCV 10.0.0.1", 1 },
		{ "nmap -sVC 10.0.0.1", 1 },
		{ "nmap -A 10.0.0.1", 1 },
		{ "nmap  -sV", 1 },
		{ "nmap -sS 10.0.0.1", 0 },
		{ "nmap -sS --version-all 10.0.0.1", 0 },
		{ "nmap -sS -oG -sV.gnmap 10.0.0.1", 0 },
		{ "nmap -sV2 10.0.0.1", 0 },
		{ "nmap -Pn --script=x -AV 10.0.0.1", 0 },
		{ "masscan -p80 10.0.0.0/8", 0 },
		{ "", 0 }
	};
	struct pk_scan s;
	size_t i;

	memset(&s, 0, sizeof(s));
	assert_int(pk_scan_versions(NULL), 0);
	assert_int(pk_scan_versions(&s), 0);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		s.args = t[i].args;
		if (!assert_int(pk_scan_versions(&s), t[i].want))
			fprintf(stderr, "args: %s\n", t[i].args);
	}
}

TEST(test_port_detected)
{
	struct pk_port p;

	memset(&p, 0, sizeof(p));
	p.state = "open";
	assert_int(pk_port_detected(&p, 1), 0);		/* no name */
	p.service = "ssh";
	p.method = "probed";
	assert_int(pk_port_detected(&p, 0), 1);
	p.method = "table";
	assert_int(pk_port_detected(&p, 1), 0);
	p.product = "OpenSSH";
	assert_int(pk_port_detected(&p, 1), 0);		/* method rules */
	p.method = NULL;				/* grepable */
	assert_int(pk_port_detected(&p, 0), 1);
	p.product = NULL;
	p.extrainfo = "protocol 2.0";
	assert_int(pk_port_detected(&p, 0), 1);
	p.extrainfo = NULL;
	assert_int(pk_port_detected(&p, 0), 0);		/* -sS: the table */
	assert_int(pk_port_detected(&p, 1), 1);		/* -sV probed it */
	p.state = "closed";
	assert_int(pk_port_detected(&p, 1), 0);		/* never probed */
}

/* The service field: "ssl/http" for people, the name beside tunnel else. */
TEST(test_rowctx_show_tunnel)
{
	struct pk_port p;
	struct pk_host h;
	struct pk_rowctx *rc;
	const struct pk_value *v;
	struct pk_error err;

	memset(&p, 0, sizeof(p));
	memset(&h, 0, sizeof(h));
	p.service = "http";
	p.tunnel = "ssl";
	rc = pk_rowctx_new(PK_REC_PORT, "service,tunnel,service", &err);
	if (!assert_true(rc != NULL))
		return;
	v = pk_rowctx_fill(rc, &h, &p, "f");
	if (assert_true(v != NULL)) {
		assert_str(v[0].s, "http");
		assert_str(v[1].s, "ssl");
	}
	pk_rowctx_show_tunnel(rc, 1);
	v = pk_rowctx_fill(rc, &h, &p, "f");
	if (assert_true(v != NULL)) {
		assert_str(v[0].s, "ssl/http");
		assert_str(v[1].s, "ssl");
		assert_str(v[2].s, "ssl/http");
	}
	p.tunnel = NULL;
	v = pk_rowctx_fill(rc, &h, &p, "f");
	if (assert_true(v != NULL))
		assert_str(v[0].s, "http");
	pk_rowctx_show_tunnel(rc, 0);
	p.tunnel = "ssl";
	v = pk_rowctx_fill(rc, &h, &p, "f");
	if (assert_true(v != NULL))
		assert_str(v[2].s, "http");
	pk_rowctx_free(rc);
	rc = pk_rowctx_new(PK_REC_HOST, NULL, &err);
	if (!assert_true(rc != NULL))
		return;
	pk_rowctx_show_tunnel(rc, 1);			/* no service field */
	pk_rowctx_free(rc);
}

/*
 * A port row made without a port: the host's columns, and no value in
 * the port's, its protocol and number among them.
 */
TEST(test_rowctx_no_port)
{
	struct pk_port p;
	struct pk_host h;
	struct pk_rowctx *rc;
	const struct pk_value *v;
	struct pk_error err;

	memset(&p, 0, sizeof(p));
	memset(&h, 0, sizeof(h));
	h.host = "10.0.0.1";
	h.hostname = "a.example";
	p.proto = PK_PROTO_UDP;
	p.port = 53;
	p.state = "open";
	p.reason_ttl = 64;
	rc = pk_rowctx_new(PK_REC_PORT,
	    "proto,host,port,state,reason_ttl,hostname,file", &err);
	if (!assert_true(rc != NULL))
		return;
	v = pk_rowctx_fill(rc, &h, NULL, "f");
	if (assert_true(v != NULL)) {
		assert_true(!v[0].set && !v[2].set && !v[3].set && !v[4].set);
		assert_str(v[1].s, "10.0.0.1");
		assert_str(v[5].s, "a.example");
		assert_str(v[6].s, "f");
	}
	v = pk_rowctx_fill(rc, &h, &p, "f");
	if (assert_true(v != NULL)) {
		assert_str(v[0].s, "udp");
		assert_true(v[2].set && v[2].i == 53);
		assert_str(v[3].s, "open");
		assert_true(v[4].set && v[4].i == 64);
		assert_str(v[5].s, "a.example");
	}
	pk_rowctx_free(rc);
}

TEST_MAIN(test_service_name, test_scan_versions, test_port_detected,
    test_rowctx_show_tunnel, test_rowctx_no_port)
