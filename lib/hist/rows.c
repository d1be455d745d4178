/*
 * rows.c - histories and changes as rows for the writers (pk_writer):
 * the columns phist prints, documented in phist(1), and one record as
 * their values.
 */
#include <stdio.h>
#include <string.h>

#include "base/value.h"
#include "portkit.h"

static const struct pk_field hist_fields[] = {
	{ "host", PK_FT_STR, 15, "address the host is matched on" },
	{ "proto", PK_FT_STR, 5, "tcp, udp, sctp, ip" },
	{ "port", PK_FT_INT, 5, "port number" },
	{ "service", PK_FT_STR, 10, "latest detected service" },
	{ "state", PK_FT_STR, 8, "state in the latest scan that probed it" },
	{ "first_open", PK_FT_STR, 20, "first scan that found it open" },
	{ "last_open", PK_FT_STR, 20, "last scan that found it open" },
	{ "open_scans", PK_FT_INT, 4, "scans that found it open" },
	{ "probed_scans", PK_FT_INT, 4, "scans that probed it since" },
	{ "since", PK_FT_STR, 20, "when its current state began" }
};
#define NHFIELDS	(sizeof(hist_fields) / sizeof(hist_fields[0]))

const struct pk_field *
pk_hist_fields(size_t *n)
{
	*n = NHFIELDS;
	return hist_fields;
}

void
pk_hist_values(const struct pk_hist_rec *r, struct pk_value *vals)
{
	memset(vals, 0, NHFIELDS * sizeof(*vals));
	pk_val_str(&vals[0], r->host);
	pk_val_str(&vals[1], pk_proto_name(r->proto));
	pk_val_int(&vals[2], r->port, 1);
	pk_val_str(&vals[3], r->service);
	pk_val_str(&vals[4], r->state);
	pk_val_str(&vals[5], r->open_scans > 0 ? r->first_open_utc : NULL);
	pk_val_str(&vals[6], r->open_scans > 0 ? r->last_open_utc : NULL);
	pk_val_int(&vals[7], (long long)r->open_scans, 1);
	pk_val_int(&vals[8], (long long)r->probed_scans, 1);
	pk_val_str(&vals[9], r->since_utc);
}

static const struct pk_field change_fields[] = {
	{ "time", PK_FT_STR, 20, "time of the scan that shows the change" },
	{ "host", PK_FT_STR, 15, "address the host is matched on" },
	{ "proto", PK_FT_STR, 5, "tcp, udp, sctp, ip" },
	{ "port", PK_FT_INT, 5, "port number" },
	{ "field", PK_FT_STR, 10, "what changed" },
	{ "old", PK_FT_STR, 12, "value in the scan before" },
	{ "new", PK_FT_STR, 12, "value in this scan" },
	{ "change", PK_FT_STR, 7, "added, removed, changed, not-scanned" }
};
#define NCFIELDS	(sizeof(change_fields) / sizeof(change_fields[0]))

const struct pk_field *
pk_hist_change_fields(size_t *n)
{
	*n = NCFIELDS;
	return change_fields;
}

void
pk_hist_change_values(const char *time, const char *host,
    const struct pk_diff_change *c, struct pk_value *vals, char *field,
    size_t len)
{
	memset(vals, 0, NCFIELDS * sizeof(*vals));
	pk_val_str(&vals[0], time);
	pk_val_str(&vals[1], host);
	pk_val_str(&vals[2], c->proto >= 0 ? pk_proto_name(c->proto) : NULL);
	vals[3].set = c->port >= 0;
	vals[3].i = c->port;
	if (c->field == PK_DF_SCRIPT)
		(void)snprintf(field, len, "script:%s", c->script);
	else
		(void)snprintf(field, len, "%s", pk_diff_field_name(c->field));
	pk_val_str(&vals[4], field);
	pk_val_str(&vals[5], c->old_value);
	pk_val_str(&vals[6], c->new_value);
	pk_val_str(&vals[7], pk_diff_kind_name(c->kind));
}
