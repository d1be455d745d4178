/*
 * top.c - what nmap scans for --top-ports N or --port-ratio R, and the
 * fewest ports covering a share of the open-frequency mass: how many, as
 * a table, and as one nmap -p argument.
 *
 * All three take a prefix of pk_services_ranked's order, so a choice is
 * a count per protocol and everything else follows from it.
 */
#include <stdlib.h>

#include "portkit.h"
#include "base/round.h"

#define TOP_PROTOS	3		/* tcp, udp, sctp */

static const struct pk_field top_fields[] = {
	{ "rank", PK_FT_INT, 5, "position in nmap's --top-ports order" },
	{ "port", PK_FT_INT, 5, "port number" },
	{ "proto", PK_FT_STR, 4, "tcp, udp or sctp" },
	{ "service", PK_FT_STR, 16, "registered name in nmap-services" },
	{ "freq", PK_FT_NUM, 8, "open-frequency in nmap-services" },
	{ "cum_share", PK_FT_NUM, 8,
	    "share of the protocol's open-frequency mass covered so far" }
};
#define NTOPF	(sizeof(top_fields) / sizeof(top_fields[0]))

/* The fewest ranked entries whose frequencies reach share of the mass. */
static size_t
top_coverage(const struct pk_services *svc, int proto, double share)
{
	const struct pk_service *const *r;
	double mass = pk_services_mass(svc, proto), cum = 0;
	size_t n, i;

	r = pk_services_ranked(svc, proto, &n);
	for (i = 0; i < n && mass > 0; i++) {
		cum += r[i]->freq;
		if (cum / mass >= share)
			return i + 1;
	}
	return mass > 0 ? n : 0;
}

size_t
pk_services_top(const struct pk_services *svc, int proto, int by,
    double arg)
{
	size_t n;

	switch (by) {
	case PK_TOP_COUNT:
		(void)pk_services_ranked(svc, proto, &n);
		if (!(arg >= 1))
			return 0;
		return arg < (double)n ? (size_t)arg : n;
	case PK_TOP_RATIO:
		return pk_services_top_ratio(svc, proto, arg);
	case PK_TOP_COVERAGE:
		return top_coverage(svc, proto, arg);
	default:
		return 0;
	}
}

const struct pk_field *
pk_services_top_fields(size_t *n)
{
	*n = NTOPF;
	return top_fields;
}

/* The rows of one protocol; cum_share is empty when its mass is 0. */
static int
top_write_proto(const struct pk_services *svc, int proto, size_t n,
    struct pk_writer *w)
{
	const struct pk_service *const *r;
	struct pk_value v[NTOPF];
	double mass = pk_services_mass(svc, proto), cum = 0;
	size_t i, all;
	int rc;

	r = pk_services_ranked(svc, proto, &all);
	for (i = 0; i < n && i < all; i++) {
		cum += r[i]->freq;
		v[0] = (struct pk_value){ .set = 1, .i = (long long)i + 1 };
		v[1] = (struct pk_value){ .set = 1, .i = r[i]->port };
		v[2] = (struct pk_value){ .set = 1, .s = pk_proto_name(proto) };
		v[3] = (struct pk_value){ .set = 1, .s = r[i]->name };
		v[4] = (struct pk_value){ .set = 1, .d = r[i]->freq };
		v[5] = (struct pk_value){ .set = mass > 0,
		    .d = mass > 0 ? pk_round_dec(cum / mass, 6) : 0 };
		if ((rc = pk_writer_row(w, v)) != PK_OK)
			return rc;
	}
	return PK_OK;
}

int
pk_services_top_write(const struct pk_services *svc, int proto, int by,
    double arg, struct pk_writer *w)
{
	int p, rc;

	for (p = 0; p < TOP_PROTOS; p++) {
		if (proto >= 0 && p != proto)
			continue;
		rc = top_write_proto(svc, p, pk_services_top(svc, p, by, arg),
		    w);
		if (rc != PK_OK)
			return rc;
	}
	return PK_OK;
}

char *
pk_services_top_spec(const struct pk_services *svc, int proto, int by,
    double arg)
{
	const struct pk_service *const *r;
	struct pk_portset *ps;
	size_t n, i, all;
	char *s;
	int p;

	if ((ps = pk_portset_new()) == NULL)
		return NULL;
	for (p = 0; p < TOP_PROTOS; p++) {
		if (proto >= 0 && p != proto)
			continue;
		r = pk_services_ranked(svc, p, &all);
		n = pk_services_top(svc, p, by, arg);
		for (i = 0; i < n && i < all; i++)
			pk_portset_add(ps, p, r[i]->port, r[i]->port);
	}
	s = pk_portspec_format(ps, -1);
	pk_portset_free(ps);
	return s;
}
