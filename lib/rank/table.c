/*
 * table.c - a ranking as rows: the share of the hosts counted, the
 * detected names in one cell, and for ports what nmap-services says of
 * them (registered name, frequency, and the lift of the share over it).
 */
#include <stdio.h>
#include <string.h>

#include "rank/rank_impl.h"
#include "base/round.h"

#define MAX_SUBS	5		/* detected names shown per row */
#define NPORTF		10
#define NKEYF		6

/* The scan column comes first, so a table without it starts one later. */
static const struct pk_field port_fields[NPORTF] = {
	{ "scan", PK_FT_STR, 12, "the scan counted (--per-scan)" },
	{ "rank", PK_FT_INT, 4, "position by hosts" },
	{ "port", PK_FT_INT, 5, "port number" },
	{ "proto", PK_FT_STR, 4, "tcp, udp, sctp or ip" },
	{ "hosts", PK_FT_INT, 5, "distinct up hosts with the port in state" },
	{ "share", PK_FT_NUM, 8, "hosts / up hosts" },
	{ "service", PK_FT_STR, 12, "registered name in nmap-services" },
	{ "detected", PK_FT_STR, 20, "detected services, most hosts first" },
	{ "freq", PK_FT_NUM, 8, "open-frequency in nmap-services" },
	{ "lift", PK_FT_NUM, 8, "share / freq" }
};

static const struct pk_field key_fields[NKEYF] = {
	{ "scan", PK_FT_STR, 12, "the scan counted (--per-scan)" },
	{ "rank", PK_FT_INT, 4, "position by hosts" },
	{ "key", PK_FT_STR, 16, "service or product" },
	{ "hosts", PK_FT_INT, 5, "distinct up hosts with the key" },
	{ "share", PK_FT_NUM, 8, "hosts / up hosts" },
	{ "detected", PK_FT_STR, 20,
	    "ports (service) or services (product), most hosts first" }
};

const struct pk_field *
pk_rank_fields(int key, int scan, size_t *n)
{
	const struct pk_field *f;

	if (key < 0 || key > PK_RANK_CATEGORY) {
		*n = 0;
		return NULL;
	}
	f = key == PK_RANK_PORT ? port_fields : key_fields;
	*n = key == PK_RANK_PORT ? NPORTF : NKEYF;
	if (!scan) {
		f++;
		(*n)--;
	}
	return f;
}

/* "http(5),ssl/http(2)": the first MAX_SUBS names with their hosts. */
static void
rank_subs_text(const struct pk_rank_row *r, char *buf, size_t len)
{
	size_t i, o = 0;
	int n;

	buf[0] = '\0';
	for (i = 0; i < r->nsubs && i < MAX_SUBS && o < len; i++) {
		n = snprintf(buf + o, len - o, "%s%s(%lu)", i ? "," : "",
		    r->subs[i].name, r->subs[i].hosts);
		if (n < 0)
			break;
		o += (size_t)n;
	}
	if (r->nsubs > MAX_SUBS && o < len)
		(void)snprintf(buf + o, len - o, ",...");
}

/* Port, protocol, registered name, frequency and lift of a port row. */
static void
rank_port_values(const struct pk_services *svc, const struct pk_rank_row *r,
    double share, struct pk_value *v)
{
	const struct pk_service *s = NULL;

	v[2] = (struct pk_value){ .set = 1, .i = r->port };
	v[3] = (struct pk_value){ .set = 1, .s = pk_proto_name(r->proto) };
	if (svc != NULL)
		s = pk_services_get(svc, r->proto, r->port);
	if (s == NULL)
		return;
	v[6] = (struct pk_value){ .set = 1, .s = s->name };
	v[8] = (struct pk_value){ .set = 1, .d = s->freq };
	if (s->freq > 0)
		v[9] = (struct pk_value){ .set = 1,
		    .d = pk_round_dec(share / s->freq, 2) };
}

/* One row in v, laid out as port_fields or key_fields, scan included. */
static void
rank_values(const struct pk_rank *rk, const struct pk_services *svc,
    const struct pk_rank_row *r, char *subs, size_t subslen,
    struct pk_value *v)
{
	unsigned long up = rk->hosts;
	double share = up > 0 ? pk_round_dec((double)r->hosts / up, 6) : 0;

	rank_subs_text(r, subs, subslen);
	if (rk->key == PK_RANK_PORT) {
		rank_port_values(svc, r, share, v);
		v[4] = (struct pk_value){ .set = 1, .i = (long long)r->hosts };
		v[5] = (struct pk_value){ .set = up > 0, .d = share };
		v[7] = (struct pk_value){ .set = subs[0] != '\0', .s = subs };
	} else {
		v[2] = (struct pk_value){ .set = 1, .s = r->key };
		v[3] = (struct pk_value){ .set = 1, .i = (long long)r->hosts };
		v[4] = (struct pk_value){ .set = up > 0, .d = share };
		v[5] = (struct pk_value){ .set = subs[0] != '\0', .s = subs };
	}
}

int
pk_rank_write(struct pk_rank *rk, const struct pk_services *svc,
    const char *scan, size_t max, struct pk_writer *w)
{
	const struct pk_rank_row *rows;
	struct pk_value v[NPORTF];
	char subs[1024];
	size_t n, i;
	int rc;

	if ((rows = pk_rank_rows(rk, &n)) == NULL)
		return PK_ERR_NOMEM;
	if (max > 0 && max < n)
		n = max;
	for (i = 0; i < n; i++) {
		memset(v, 0, sizeof(v));
		v[0] = (struct pk_value){ .set = 1, .s = scan };
		v[1] = (struct pk_value){ .set = 1, .i = (long long)i + 1 };
		rank_values(rk, svc, &rows[i], subs, sizeof(subs), v);
		if ((rc = pk_writer_row(w, scan != NULL ? v : v + 1)) != PK_OK)
			return rc;
	}
	return PK_OK;
}
