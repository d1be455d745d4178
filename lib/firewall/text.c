/*
 * text.c - one row of the firewall engine as a line of pfirewall's text
 * report, for people: protocol, verdict, the evidence of each side and
 * the ports.
 *
 *   tcp  stateful               SYN open/syn-ack              ACK filtered/no-response      22,80
 */
#include <stdio.h>
#include <string.h>

#include "firewall/firewall_impl.h"

/* "open/syn-ack", "open" without a reason, "-" when not scanned. */
static const char *
evidence(char *buf, size_t len, const char *state, const char *reason)
{
	if (state == NULL)
		return "-";
	if (reason == NULL)
		return state;
	(void)snprintf(buf, len, "%s/%s", state, reason);
	return buf;
}

int
pk_fw_write_row(FILE *out, const struct pk_fw_row *r, const char *ports,
    unsigned long count)
{
	char a[96], b[96];
	int udp = r->proto == PK_PROTO_UDP, n;

	n = fprintf(out, "  %-4s %-22s %s %-25s ", pk_proto_name(r->proto),
	    pk_fw_verdict_name(r->verdict), udp ? "UDP" : "SYN",
	    udp ? evidence(a, sizeof(a), r->udp_state, r->udp_reason) :
	    evidence(a, sizeof(a), r->syn_state, r->syn_reason));
	if (n >= 0 && !udp)
		n = fprintf(out, "ACK %-25s ", evidence(b, sizeof(b),
		    r->ack_state, r->ack_reason));
	else if (n >= 0)
		n = fprintf(out, "    %-25s ", "");
	if (n >= 0 && count > 1 && strchr(ports, '-') != NULL)
		n = fprintf(out, "%s (%lu ports)\n", ports, count);
	else if (n >= 0)
		n = fprintf(out, "%s\n", ports);
	return n < 0 ? PK_ERR_IO : PK_OK;
}
