/*
 * fields.c - the firewall engine's results as rows: the fields of a
 * port row, a host row and a listening-socket row (documented in
 * pfirewall(1), OUTPUT and LISTENING SOCKETS), and one result as their
 * values, for any pk_writer.
 */
#include <string.h>

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

static void
set_str(struct pk_value *v, const char *s)
{
	v->set = s != NULL;
	v->s = s;
}

static void
set_int(struct pk_value *v, long long i)
{
	v->set = 1;
	v->i = i;
}

void
pk_fw_row_values(const struct pk_fw_host *fh, const struct pk_fw_row *r,
    const char *ports, unsigned long count, struct pk_value *vals)
{
	memset(vals, 0, NELEM(port_fields) * sizeof(*vals));
	set_str(&vals[0], fh->host);
	set_str(&vals[1], pk_proto_name(r->proto));
	set_str(&vals[2], ports);
	set_int(&vals[3], (long long)count);
	set_str(&vals[4], pk_fw_verdict_name(r->verdict));
	set_str(&vals[5], r->syn_state);
	set_str(&vals[6], r->syn_reason);
	set_str(&vals[7], r->ack_state);
	set_str(&vals[8], r->ack_reason);
	set_str(&vals[9], r->udp_state);
	set_str(&vals[10], r->udp_reason);
	set_str(&vals[11], pk_fw_verdict_text(r->verdict, r->proto));
}

void
pk_fw_host_values(const struct pk_fw_host *fh, struct pk_value *vals)
{
	memset(vals, 0, NELEM(host_fields) * sizeof(*vals));
	set_str(&vals[0], fh->host);
	set_str(&vals[1], fh->kind);
	set_int(&vals[2], fh->filtering);
	set_str(&vals[3], fh->summary);
}

void
pk_fw_lrow_values(const struct pk_fw_lrow *r, struct pk_value *vals)
{
	memset(vals, 0, NELEM(listen_fields) * sizeof(*vals));
	set_str(&vals[0], pk_fw_lclass_name(r->lclass));
	set_str(&vals[1], pk_proto_name(r->proto));
	set_str(&vals[2], r->addr);
	set_int(&vals[3], r->port);
	set_str(&vals[4], r->process);
	vals[5].set = r->pid >= 0;
	vals[5].i = r->pid;
	set_str(&vals[6], r->scan_host);
	set_str(&vals[7], r->state);
	set_str(&vals[8], r->reason);
}
