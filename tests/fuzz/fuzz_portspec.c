/*
 * fuzz_portspec.c - nmap -p specifications through pk_portspec_parse
 * and back through pk_portspec_format (seeds: testdata/fuzz/portspec/).
 * What parses must format, and the formatted text must parse to the
 * same set: a round trip that changes a port set is a finding.
 */
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "replay.h"

#define ALL_PROTOS	((1u << PK_PROTO_COUNT) - 1)

static void
check_same(const struct pk_portset *a, const struct pk_portset *b)
{
	unsigned port;
	int proto;

	for (proto = 0; proto < PK_PROTO_COUNT; proto++) {
		if (pk_portset_count(a, proto) != pk_portset_count(b, proto))
			abort();
		for (port = 0; port <= 65535; port++)
			if (pk_portset_has(a, proto, port) !=
			    pk_portset_has(b, proto, port))
				abort();
	}
}

static void
round_trip(const struct pk_portset *ps)
{
	struct pk_portset *again;
	struct pk_error err;
	char *s;

	if ((s = pk_portspec_format(ps, -1)) == NULL)
		return;
	if ((again = pk_portset_new()) == NULL) {
		free(s);
		return;
	}
	if (s[0] != '\0') {
		if (pk_portspec_parse(again, s, ALL_PROTOS, &err) != PK_OK)
			abort();
		check_same(ps, again);
	} else if (pk_portset_count(ps, -1) != 0) {
		abort();
	}
	pk_portset_free(again);
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pk_portset *ps;
	struct pk_error err;
	unsigned protos;
	char *spec;

	/* The first byte picks the default protocols, the rest is text. */
	if (size < 1 || size > 4096)
		return 0;
	protos = data[0] & ALL_PROTOS;
	if ((spec = malloc(size)) == NULL)
		return 0;
	memcpy(spec, data + 1, size - 1);
	spec[size - 1] = '\0';
	if ((ps = pk_portset_new()) == NULL) {
		free(spec);
		return 0;
	}
	memset(&err, 0, sizeof(err));
	if (pk_portspec_parse(ps, spec, protos, &err) == PK_OK) {
		round_trip(ps);
		free(pk_portspec_format(ps, PK_PROTO_TCP));
	} else if (err.msg[0] == '\0') {
		abort();
	}
	pk_portset_free(ps);
	free(spec);
	return 0;
}
