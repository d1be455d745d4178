/*
 * test_portspec.c - port sets and nmap's -p syntax.
 *
 * The expected sets for the accepted forms were checked against nmap
 * 7.93 itself: nmap -sS -sU -p SPEC -oX - -iL /dev/null prints the set
 * it parsed in <scaninfo services=...>.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "portkit.h"

#define TCP	(1u << PK_PROTO_TCP)
#define UDP	(1u << PK_PROTO_UDP)
#define SCTP	(1u << PK_PROTO_SCTP)
#define IP	(1u << PK_PROTO_IP)

/* Parse spec for protos and return the formatted set (static buffer). */
static const char *
parsed(const char *spec, unsigned protos, int proto)
{
	static char out[4096];
	struct pk_portset *ps;
	struct pk_error err;
	char *s;
	int rc;

	if ((ps = pk_portset_new()) == NULL)
		return "NOMEM";
	memset(&err, 0, sizeof(err));
	rc = pk_portspec_parse(ps, spec, protos, &err);
	if (rc != PK_OK)
		snprintf(out, sizeof(out), "error %d: %s", rc, err.msg);
	else if ((s = pk_portspec_format(ps, proto)) == NULL)
		snprintf(out, sizeof(out), "NOMEM");
	else {
		snprintf(out, sizeof(out), "%s", s);
		free(s);
	}
	pk_portset_free(ps);
	return out;
}

/* The error message for a bad spec, "" when it parsed. */
static const char *
failed(const char *spec)
{
	static char out[512];
	struct pk_portset *ps;
	struct pk_error err;
	int rc;

	ps = pk_portset_new();
	memset(&err, 0x55, sizeof(err));
	err.msg[0] = '\0';
	rc = pk_portspec_parse(ps, spec, TCP | UDP, &err);
	out[0] = '\0';
	if (rc != PK_OK) {
		if (rc != PK_ERR_FORMAT || err.status != PK_ERR_FORMAT ||
		    err.file != NULL || err.line != 0 || err.column != 0)
			snprintf(out, sizeof(out), "wrong status or fields");
		else
			snprintf(out, sizeof(out), "%s", err.msg);
	}
	/* A failed parse leaves the set untouched. */
	if (rc != PK_OK && pk_portset_count(ps, -1) != 0)
		snprintf(out, sizeof(out), "set was modified");
	pk_portset_free(ps);
	return out;
}

TEST(test_proto_names)
{
	assert_str(pk_proto_name(PK_PROTO_TCP), "tcp");
	assert_str(pk_proto_name(PK_PROTO_UDP), "udp");
	assert_str(pk_proto_name(PK_PROTO_SCTP), "sctp");
	assert_str(pk_proto_name(PK_PROTO_IP), "ip");
	assert_true(pk_proto_name(PK_PROTO_COUNT) == NULL);
	assert_true(pk_proto_name(-1) == NULL);
	assert_int(pk_proto_parse("tcp"), PK_PROTO_TCP);
	assert_int(pk_proto_parse("udp"), PK_PROTO_UDP);
	assert_int(pk_proto_parse("sctp"), PK_PROTO_SCTP);
	assert_int(pk_proto_parse("ip"), PK_PROTO_IP);
	assert_int(pk_proto_parse("TCP"), -1);
	assert_int(pk_proto_parse(""), -1);
	assert_int(pk_proto_parse(NULL), -1);
}

TEST(test_add_has_count)
{
	struct pk_portset *ps;

	ps = pk_portset_new();
	if (!assert_true(ps != NULL))
		return;
	assert_int(pk_portset_count(ps, -1), 0);
	pk_portset_add(ps, PK_PROTO_TCP, 60, 200);
	pk_portset_add(ps, PK_PROTO_TCP, 63, 64);
	pk_portset_add(ps, PK_PROTO_UDP, 65535, 70000);
	pk_portset_add(ps, PK_PROTO_UDP, 9, 8);		/* empty */
	pk_portset_add(ps, PK_PROTO_COUNT, 1, 2);	/* ignored */
	pk_portset_add(ps, -1, 1, 2);			/* ignored */
	assert_int(pk_portset_count(ps, PK_PROTO_TCP), 141);
	assert_int(pk_portset_count(ps, PK_PROTO_UDP), 1);
	assert_int(pk_portset_count(ps, -1), 142);
	assert_int(pk_portset_count(ps, 7), 0);
	assert_int(pk_portset_has(ps, PK_PROTO_TCP, 59), 0);
	assert_int(pk_portset_has(ps, PK_PROTO_TCP, 60), 1);
	assert_int(pk_portset_has(ps, PK_PROTO_TCP, 200), 1);
	assert_int(pk_portset_has(ps, PK_PROTO_TCP, 201), 0);
	assert_int(pk_portset_has(ps, PK_PROTO_UDP, 65535), 1);
	assert_int(pk_portset_has(ps, PK_PROTO_UDP, 65536), 0);
	assert_int(pk_portset_has(ps, PK_PROTO_SCTP, 60), 0);
	assert_int(pk_portset_has(ps, 9, 60), 0);
	pk_portset_add(ps, PK_PROTO_SCTP, 0, 65535);
	assert_int(pk_portset_count(ps, PK_PROTO_SCTP), 65536);
	pk_portset_free(ps);
	pk_portset_free(NULL);
}

TEST(test_word_edges)
{
	struct pk_portset *ps;
	char *s;

	ps = pk_portset_new();
	if (!assert_true(ps != NULL))
		return;
	pk_portset_add(ps, PK_PROTO_TCP, 63, 63);
	pk_portset_add(ps, PK_PROTO_TCP, 64, 64);
	pk_portset_add(ps, PK_PROTO_TCP, 127, 128);
	pk_portset_add(ps, PK_PROTO_TCP, 191, 191);
	pk_portset_add(ps, PK_PROTO_TCP, 0, 0);
	pk_portset_add(ps, PK_PROTO_TCP, 65472, 65535);
	s = pk_portspec_format(ps, PK_PROTO_TCP);
	assert_str(s, "0,63-64,127-128,191,65472-65535");
	free(s);
	assert_int(pk_portset_count(ps, PK_PROTO_TCP), 4 + 1 + 1 + 64);
	pk_portset_free(ps);
}

TEST(test_parse_forms)
{
	assert_str(parsed("22", TCP, PK_PROTO_TCP), "22");
	assert_str(parsed("1-1000", TCP, PK_PROTO_TCP), "1-1000");
	assert_str(parsed("-", TCP, PK_PROTO_TCP), "1-65535");
	assert_str(parsed("-1024", TCP, PK_PROTO_TCP), "1-1024");
	assert_str(parsed("60000-", TCP, PK_PROTO_TCP), "60000-65535");
	assert_str(parsed("65535-", TCP, PK_PROTO_TCP), "65535");
	/* nmap: "-1" is the range 1-1, not a negative number. */
	assert_str(parsed("-1", TCP, PK_PROTO_TCP), "1");
	/* Port 0 only when written. */
	assert_str(parsed("0", TCP, PK_PROTO_TCP), "0");
	assert_str(parsed("0-3", TCP, PK_PROTO_TCP), "0-3");
	assert_str(parsed("0-", TCP, PK_PROTO_TCP), "0-65535");
	assert_str(parsed("1-3,7,9,10", TCP, PK_PROTO_TCP), "1-3,7,9-10");
	assert_str(parsed("9,7,3,1,2,10", TCP, PK_PROTO_TCP), "1-3,7,9-10");
	assert_str(parsed("80,80,79-81", TCP, PK_PROTO_TCP), "79-81");
	assert_str(parsed("080", TCP, PK_PROTO_TCP), "80");
	assert_str(parsed("7-8", TCP, PK_PROTO_TCP), "7-8");
	assert_str(parsed("5-5", TCP, PK_PROTO_TCP), "5");
}

TEST(test_parse_prefixes)
{
	assert_str(parsed("T:80,443,U:53", TCP | UDP, -1), "T:80,443,U:53");
	/* Items before any prefix go to every protocol in protos. */
	assert_str(parsed("22,U:53,T:80", TCP | UDP, -1),
	    "T:22,80,U:22,53");
	assert_str(parsed("22", TCP | UDP | SCTP, -1), "T:22,U:22,S:22");
	assert_str(parsed("S:-3", 0, -1), "S:1-3");
	assert_str(parsed("P:-", 0, -1), "P:0-255");
	assert_str(parsed("P:-5", 0, -1), "P:0-5");
	assert_str(parsed("P:250-", 0, -1), "P:250-255");
	assert_str(parsed("-", IP, -1), "P:0-255");
	/* Unprefixed items meet each protocol's own range. */
	assert_str(parsed("-", TCP | IP, -1), "T:1-65535,P:0-255");
	assert_str(parsed("200-300", TCP | IP, -1), "T:200-300,P:200-255");
	assert_str(parsed("300", TCP | IP, -1), "T:300");
	/* One protocol alone keeps its prefix with -1. */
	assert_str(parsed("U:53", TCP, -1), "U:53");
	assert_str(parsed("U:53", TCP, PK_PROTO_UDP), "53");
	assert_str(parsed("U:53", TCP, PK_PROTO_TCP), "");
	/* Bits above PK_PROTO_COUNT are ignored. */
	assert_str(parsed("1", TCP | 0x100, -1), "T:1");
}

TEST(test_parse_errors)
{
	assert_str(failed("22,70000"),
	    "bad port \"70000\" in \"22,70000\": out of range 0-65535");
	assert_str(failed("65536"),
	    "bad port \"65536\" in \"65536\": out of range 0-65535");
	assert_str(failed("99999999999999999999"),
	    "bad port \"99999999999999999999\" in \"99999999999999999999\": "
	    "out of range 0-65535");
	assert_str(failed("1-99999999999999999999"),
	    "bad port \"1-99999999999999999999\" in "
	    "\"1-99999999999999999999\": out of range 0-65535");
	assert_str(failed("+22"),
	    "bad port \"+22\" in \"+22\": not a port number");
	assert_str(failed("22 "),
	    "bad port \"22 \" in \"22 \": not a port number");
	assert_str(failed(" 22"),
	    "bad port \" 22\" in \" 22\": not a port number");
	assert_str(failed("abc"), "bad port \"abc\" in \"abc\": not a port "
	    "number (service names are not supported)");
	assert_str(failed("22,http"), "bad port \"http\" in \"22,http\": not "
	    "a port number (service names are not supported)");
	assert_str(failed(""), "bad port \"\" in \"\": empty item");
	assert_str(failed(","), "bad port \"\" in \",\": empty item");
	assert_str(failed("22,,80"), "bad port \"\" in \"22,,80\": empty item");
	assert_str(failed("22,"), "bad port \"\" in \"22,\": empty item");
	assert_str(failed(",22"), "bad port \"\" in \",22\": empty item");
	assert_str(failed("5-3"), "bad port \"5-3\" in \"5-3\": reversed range");
	assert_str(failed("-0"), "bad port \"-0\" in \"-0\": reversed range");
	assert_str(failed("1--3"),
	    "bad port \"1--3\" in \"1--3\": not a port number");
	assert_str(failed("1-2-3"),
	    "bad port \"1-2-3\" in \"1-2-3\": not a port number");
	assert_str(failed("--"), "bad port \"--\" in \"--\": not a port number");
	assert_str(failed("T:"), "bad port \"T:\" in \"T:\": no port after "
	    "the protocol prefix");
	assert_str(failed("T:,22"), "bad port \"T:\" in \"T:,22\": no port "
	    "after the protocol prefix");
	assert_str(failed("X:22"), "bad port \"X:22\" in \"X:22\": unknown "
	    "protocol prefix (use T:, U:, S: or P:)");
	assert_str(failed("t:22"), "bad port \"t:22\" in \"t:22\": unknown "
	    "protocol prefix (use T:, U:, S: or P:)");
	assert_str(failed("T:U:22"), "bad port \"T:U:22\" in \"T:U:22\": not "
	    "a port number (service names are not supported)");
	assert_str(failed("P:256"),
	    "bad port \"P:256\" in \"P:256\": out of range 0-255");
	assert_str(failed("1\x1b[31m"),
	    "bad port \"1\\x1b[31m\" in \"1\\x1b[31m\": not a port number "
	    "(service names are not supported)");
}

TEST(test_parse_error_details)
{
	struct pk_portset *ps;
	struct pk_error err;
	char longspec[300];

	ps = pk_portset_new();
	if (!assert_true(ps != NULL))
		return;
	/* No prefix and no default protocol. */
	memset(&err, 0, sizeof(err));
	assert_int(pk_portspec_parse(ps, "22", 0, &err), PK_ERR_FORMAT);
	assert_str(err.msg, "bad port \"22\" in \"22\": no protocol selected "
	    "for ports without a T:, U:, S: or P: prefix");
	/* err may be NULL. */
	assert_int(pk_portspec_parse(ps, "x", TCP, NULL), PK_ERR_FORMAT);
	assert_int(pk_portspec_parse(ps, NULL, TCP, NULL), PK_ERR_USAGE);
	assert_int(pk_portspec_parse(NULL, "22", TCP, NULL), PK_ERR_USAGE);
	/* A long spec is cut in the message. */
	memset(longspec, '1', sizeof(longspec));
	longspec[sizeof(longspec) - 1] = '\0';
	assert_int(pk_portspec_parse(ps, longspec, TCP, &err), PK_ERR_FORMAT);
	assert_str(err.msg, "bad port \"111111111111111111111111111111111111"
	    "111111111111...\" in \"11111111111111111111111111111111111111"
	    "1111111111...\": out of range 0-65535");
	/* Parsing adds to what is there. */
	assert_int(pk_portspec_parse(ps, "1", TCP, &err), PK_OK);
	assert_int(pk_portspec_parse(ps, "3", TCP, &err), PK_OK);
	assert_int(pk_portset_count(ps, PK_PROTO_TCP), 2);
	pk_portset_free(ps);
}

TEST(test_format_full_and_sparse)
{
	struct pk_portset *ps;
	char *s;
	unsigned p;
	size_t i;

	ps = pk_portset_new();
	if (!assert_true(ps != NULL))
		return;
	s = pk_portspec_format(ps, -1);
	assert_str(s, "");
	free(s);
	s = pk_portspec_format(ps, PK_PROTO_TCP);
	assert_str(s, "");
	free(s);
	/* Every other port: the longest possible output. */
	for (p = 1; p <= 65535; p += 2)
		pk_portset_add(ps, PK_PROTO_UDP, p, p);
	assert_int(pk_portset_count(ps, -1), 32768);
	s = pk_portspec_format(ps, PK_PROTO_UDP);
	if (!assert_true(s != NULL))
		return;
	assert_int(strncmp(s, "1,3,5,7,", 8), 0);
	i = strlen(s);
	assert_true(i > 6 && strcmp(s + i - 12, ",65533,65535") == 0);
	free(s);
	pk_portset_add(ps, PK_PROTO_TCP, 0, 65535);
	s = pk_portspec_format(ps, PK_PROTO_TCP);
	assert_str(s, "0-65535");
	free(s);
	s = pk_portspec_format(NULL, -1);
	assert_str(s, "");
	free(s);
	pk_portset_free(ps);
}

TEST_MAIN(test_proto_names, test_add_has_count, test_word_edges,
    test_parse_forms, test_parse_prefixes, test_parse_errors,
    test_parse_error_details, test_format_full_and_sparse)
