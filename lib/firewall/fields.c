/*
 * fields.c - the firewall engine's results as rows: the fields of a
 * port row, a host row and a listening-socket row (documented in
 * pfirewall(1), OUTPUT and LISTENING SOCKETS), and one result as their
 * values, for any pk_writer.
 */
#include <string.h>

#include "base/value.h"
#include "firewall/firewall_impl.h"

static const struct pk_field port_fields[] = {
	{ "host", PK_FT_STR, 15, "host address" },
	{ "proto", PK_FT_STR, 5, "tcp or udp" },
	{ "ports", PK_FT_STR, 12, "ports with this evidence, nmap -p form" },
	{ "count", PK_FT_INT, 5, "number of ports" },
	{ "verdict", PK_FT_STR, 14, "inference (see pfirewall(1))" },
	{ "syn_state", PK_FT_STR, 8, "state in the SYN or connect scan" },
	{ "syn_reason", PK_FT_STR, 8, "reason in the SYN or connect scan" },
	{ "ack_state", PK_FT_STR, 8, "state in the ACK scan" },
	{ "ack_reason", PK_FT_STR, 8, "reason in the ACK scan" },
	{ "udp_state", PK_FT_STR, 8, "state in the UDP scan" },
	{ "udp_reason", PK_FT_STR, 8, "reason in the UDP scan" },
	{ "explanation", PK_FT_STR, 20, "what the verdict means" }
};

static const struct pk_field host_fields[] = {
	{ "host", PK_FT_STR, 15, "host address" },
	{ "kind", PK_FT_STR, 10, "ambiguous, stateless, ..., down" },
	{ "filtering", PK_FT_INT, 1, "1 when a filter was seen" },
	{ "summary", PK_FT_STR, 40, "the pattern across the host's ports" }
};

static const struct pk_field listen_fields[] = {
	{ "class", PK_FT_STR, 11, "reachable, firewalled, local-only, ..." },
	{ "proto", PK_FT_STR, 5, "tcp or udp" },
	{ "addr", PK_FT_STR, 15, "bind address in the dump" },
	{ "port", PK_FT_INT, 5, "port" },
	{ "process", PK_FT_STR, 10, "first process holding the socket" },
	{ "pid", PK_FT_INT, 6, "its pid" },
	{ "scan_host", PK_FT_STR, 15, "scanned address compared" },
	{ "state", PK_FT_STR, 8, "port state in the scan" },
	{ "reason", PK_FT_STR, 8, "its reason" }
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

_Static_assert(NELEM(port_fields) <= PK_FW_MAXFIELDS &&
    NELEM(host_fields) <= PK_FW_MAXFIELDS &&
    NELEM(listen_fields) <= PK_FW_MAXFIELDS,
    "PK_FW_MAXFIELDS holds a row of every kind");

const struct pk_field *
pk_fw_fields(int kind, size_t *n)
{
	switch (kind) {
	case PK_FW_REC_PORT:
		*n = NELEM(port_fields);
		return port_fields;
	case PK_FW_REC_HOST:
		*n = NELEM(host_fields);
		return host_fields;
	case PK_FW_REC_LISTEN:
		*n = NELEM(listen_fields);
		return listen_fields;
	}
	*n = 0;
	return NULL;
}

void
pk_fw_row_values(const struct pk_fw_host *fh, const struct pk_fw_row *r,
    const char *ports, unsigned long count, struct pk_value *vals)
{
	memset(vals, 0, NELEM(port_fields) * sizeof(*vals));
	pk_val_str(&vals[0], fh->host);
	pk_val_str(&vals[1], pk_proto_name(r->proto));
	pk_val_str(&vals[2], ports);
	pk_val_int(&vals[3], (long long)count, 1);
	pk_val_str(&vals[4], pk_fw_verdict_name(r->verdict));
	pk_val_str(&vals[5], r->syn_state);
	pk_val_str(&vals[6], r->syn_reason);
	pk_val_str(&vals[7], r->ack_state);
	pk_val_str(&vals[8], r->ack_reason);
	pk_val_str(&vals[9], r->udp_state);
	pk_val_str(&vals[10], r->udp_reason);
	pk_val_str(&vals[11], pk_fw_verdict_text(r->verdict, r->proto));
}

void
pk_fw_host_values(const struct pk_fw_host *fh, struct pk_value *vals)
{
	memset(vals, 0, NELEM(host_fields) * sizeof(*vals));
	pk_val_str(&vals[0], fh->host);
	pk_val_str(&vals[1], fh->kind);
	pk_val_int(&vals[2], fh->filtering, 1);
	pk_val_str(&vals[3], fh->summary);
}

void
pk_fw_lrow_values(const struct pk_fw_lrow *r, struct pk_value *vals)
{
	memset(vals, 0, NELEM(listen_fields) * sizeof(*vals));
	pk_val_str(&vals[0], pk_fw_lclass_name(r->lclass));
	pk_val_str(&vals[1], pk_proto_name(r->proto));
	pk_val_str(&vals[2], r->addr);
	pk_val_int(&vals[3], r->port, 1);
	pk_val_str(&vals[4], r->process);
	vals[5].set = r->pid >= 0;
	vals[5].i = r->pid;
	pk_val_str(&vals[6], r->scan_host);
	pk_val_str(&vals[7], r->state);
	pk_val_str(&vals[8], r->reason);
}
