/*
 * fuzz_services.c - nmap-services files through pk_services_load_mem
 * (seeds: testdata/fuzz/services/).  Every entry that loads must keep
 * the promises of portkit.h: a known protocol, port 0..65535, frequency
 * a finite number in [0, 1], and lookups that find it again.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "replay.h"

static void
check_service(const struct pk_services *svc, const struct pk_service *s)
{
	const struct pk_service *const *list;
	const struct pk_service *g;

	if (s->name == NULL || s->port > 65535 || !isfinite(s->freq) ||
	    s->freq < 0 || s->freq > 1)
		abort();
	if (s->proto != PK_PROTO_TCP && s->proto != PK_PROTO_UDP &&
	    s->proto != PK_PROTO_SCTP)
		abort();
	/* A repeated port/proto keeps its first line. */
	g = pk_services_get(svc, s->proto, s->port);
	if (g == NULL || g->line > s->line)
		abort();
	if (pk_services_byname(svc, s->name, &list) == 0)
		abort();
}

static void
check_proto(const struct pk_services *svc, int proto)
{
	const struct pk_service *const *r;
	size_t i, n;

	r = pk_services_ranked(svc, proto, &n);
	for (i = 0; i < n; i++) {
		check_service(svc, r[i]);
		if (i > 0 && r[i]->freq > r[i - 1]->freq)
			abort();
	}
	if (pk_services_top_ratio(svc, proto, 0.0) > n)
		abort();
	(void)pk_services_top_ratio(svc, proto, 0.5);
	if (!isfinite(pk_services_mass(svc, proto)))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pk_services *svc;
	struct pk_error err;
	int proto;

	memset(&err, 0, sizeof(err));
	svc = pk_services_load_mem(data, size, "fuzz", NULL, &err);
	if (svc == NULL) {
		if (err.status >= 0 || err.msg[0] == '\0')
			abort();	/* a refusal must say why */
		return 0;
	}
	for (proto = 0; proto < PK_PROTO_COUNT; proto++)
		check_proto(svc, proto);
	(void)pk_services_get(svc, PK_PROTO_TCP, 65535);
	(void)pk_services_duplicates(svc);
	pk_services_free(svc);
	return 0;
}
