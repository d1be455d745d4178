/*
 * infer.c - the per-port verdict table of the firewall engine
 * (state and reason of the SYN and ACK sides, or of a UDP scan, to a
 * verdict) and the TCP and UDP roles a scan plays.
 */
#include <stdlib.h>
#include <string.h>

#include "firewall/firewall_impl.h"

static const char *const verdict_names[PK_FW_NVERDICTS] = {
	"no-filter", "no-filter|reject-reset", "stateful", "stateless-syn",
	"drop", "reject", "drop|reject", "open|filtered", "inconsistent",
	"syn-only", "ack-only"
};

static const char *const verdict_texts[PK_FW_NVERDICTS] = {
	"no filter: the SYN is answered and the ACK reaches the host",
	"no filter, or a REJECT --reject-with tcp-reset rule",
	"stateful firewall: a new SYN passes, an unsolicited ACK is dropped "
	    "(or a rule drops non-SYN packets)",
	"stateless rule blocking SYN only: the ACK passes",
	"dropped: no answer to SYN nor ACK (DROP rule or policy)",
	"REJECT rule: an ICMP error instead of a TCP answer",
	"filtered to SYN and ACK; the input has no reasons: DROP or REJECT",
	"no UDP answer: a silent service or a DROP rule; only service "
	    "probes (-sUV) can settle it",
	"the evidence fits no known filter behaviour",
	"scanned by the SYN scan only",
	"scanned by the ACK scan only"
};

static const char *const udp_texts[PK_FW_NVERDICTS] = {
	"no filter: the port answered or sent port-unreachable",
	NULL, NULL, NULL,
	"dropped: no answer (DROP rule or policy)",
	"REJECT rule: an ICMP error other than port-unreachable",
	"filtered; the input has no reasons: DROP or REJECT"
};

const char *
pk_fw_verdict_name(int verdict)
{
	if (verdict < 0 || verdict >= PK_FW_NVERDICTS)
		return NULL;
	return verdict_names[verdict];
}

const char *
pk_fw_verdict_text(int verdict, int proto)
{
	if (verdict < 0 || verdict >= PK_FW_NVERDICTS)
		return "unknown verdict";
	if (proto == PK_PROTO_UDP && udp_texts[verdict] != NULL)
		return udp_texts[verdict];
	return verdict_texts[verdict];
}

int
pk_fw_verdict_filters(int verdict)
{
	switch (verdict) {
	case PK_FW_STATEFUL:
	case PK_FW_STATELESS_SYN:
	case PK_FW_DROP:
	case PK_FW_REJECT:
	case PK_FW_DROP_OR_REJECT:
	case PK_FW_INCONSISTENT:
		return 1;
	default:
		return 0;
	}
}

/* How a filtered port was filtered: 0 unknown, 1 no answer, 2 ICMP. */
int
pk_fwi_filter_kind(const char *reason)
{
	size_t n;

	if (reason == NULL)
		return 0;
	if (strcmp(reason, "no-response") == 0)
		return 1;
	n = strlen(reason);
	if ((n > 8 && strcmp(reason + n - 8, "-unreach") == 0) ||
	    (n > 11 && strcmp(reason + n - 11, "-prohibited") == 0) ||
	    strcmp(reason, "time-exceeded") == 0)
		return 2;
	return 3;
}

static int
both_filtered(const char *sr, const char *ar)
{
	int s = pk_fwi_filter_kind(sr), a = pk_fwi_filter_kind(ar);

	if (s == 3 || a == 3)
		return PK_FW_INCONSISTENT;
	if (s == 2 || a == 2)
		return PK_FW_REJECT;
	if (s == 1 && a == 1)
		return PK_FW_DROP;
	return PK_FW_DROP_OR_REJECT;
}

int
pk_fw_infer(const char *ss, const char *sr, const char *as, const char *ar)
{
	int open, closed, sfilt, unfilt;

	if (ss == NULL && as == NULL)
		return PK_FW_INCONSISTENT;
	if (as == NULL)
		return PK_FW_SYN_ONLY;
	if (ss == NULL)
		return PK_FW_ACK_ONLY;
	open = strcmp(ss, "open") == 0;
	closed = strcmp(ss, "closed") == 0;
	sfilt = strcmp(ss, "filtered") == 0;
	unfilt = strcmp(as, "unfiltered") == 0;
	if (!unfilt && strcmp(as, "filtered") != 0)
		return PK_FW_INCONSISTENT;
	if (unfilt)
		return open ? PK_FW_NO_FILTER : closed ?
		    PK_FW_NO_FILTER_OR_RESET : sfilt ? PK_FW_STATELESS_SYN :
		    PK_FW_INCONSISTENT;
	if (sfilt)
		return both_filtered(sr, ar);
	/* A connect scan's conn-refused may be an ICMP port-unreachable. */
	if (closed && pk_fwi_filter_kind(ar) == 2)
		return PK_FW_REJECT;
	return open || closed ? PK_FW_STATEFUL : PK_FW_INCONSISTENT;
}

int
pk_fw_infer_udp(const char *state, const char *reason)
{
	if (state == NULL)
		return PK_FW_INCONSISTENT;
	if (strcmp(state, "open") == 0 || strcmp(state, "closed") == 0)
		return PK_FW_NO_FILTER;
	if (strcmp(state, "open|filtered") == 0)
		return PK_FW_OPEN_FILTERED;
	if (strcmp(state, "filtered") == 0) {
		switch (pk_fwi_filter_kind(reason)) {
		case 0: return PK_FW_DROP_OR_REJECT;
		case 1: return PK_FW_DROP;
		case 2: return PK_FW_REJECT;
		default: break;
		}
	}
	return PK_FW_INCONSISTENT;
}

/* --- Roles ------------------------------------------------------------- */

static const struct {
	const char	*type;
	char		 letter;
	int		 role;
} tcp_types[] = {
	{ "syn", 'S', PK_FW_ROLE_SYN }, { "connect", 'T', PK_FW_ROLE_SYN },
	{ "ack", 'A', PK_FW_ROLE_ACK }, { "window", 'W', PK_FW_ROLE_OTHER },
	{ "fin", 'F', PK_FW_ROLE_OTHER }, { "null", 'N', PK_FW_ROLE_OTHER },
	{ "xmas", 'X', PK_FW_ROLE_OTHER }, { "maimon", 'M', PK_FW_ROLE_OTHER }
};
#define NTCPTYPES	(sizeof(tcp_types) / sizeof(tcp_types[0]))

static void
set_tcp(struct pk_fw_roles *out, size_t i)
{
	out->tcp = tcp_types[i].role;
	out->tcp_type = tcp_types[i].type;
}

/* The "-sX" words of the nmap command line; version scan noted in *v. */
static void
roles_from_args(const char *args, struct pk_fw_roles *out, int *v)
{
	const char *p = args, *q;
	size_t i;

	while ((p = strstr(p, "-s")) != NULL) {
		if (p != args && p[-1] != ' ') {
			p += 2;
			continue;
		}
		for (q = p + 2; *q >= 'A' && *q <= 'Z'; q++)
			continue;
		if (*q != ' ' && *q != '\0') {		/* not a whole word */
			p = q;
			continue;
		}
		for (q = p + 2; *q >= 'A' && *q <= 'Z'; q++) {
			if (*q == 'U')
				out->udp = 1;
			if (*q == 'V')
				*v = 1;
			for (i = 0; i < NTCPTYPES; i++)
				if (tcp_types[i].letter == *q)
					set_tcp(out, i);
		}
		p = q;
	}
}

int
pk_fw_roles(const struct pk_scan *scan, struct pk_fw_roles *out)
{
	size_t i, j;
	int v = 0, typed = 0;

	memset(out, 0, sizeof(*out));
	if (scan == NULL)
		return PK_ERR_FORMAT;
	for (i = 0; i < scan->nscaninfo; i++) {
		const char *t = scan->scaninfo[i].type;

		if (t == NULL)
			continue;
		typed = 1;
		if (strcmp(t, "udp") == 0)
			out->udp = 1;
		for (j = 0; j < NTCPTYPES; j++)
			if (strcmp(t, tcp_types[j].type) == 0)
				set_tcp(out, j);
	}
	if (scan->args != NULL) {
		struct pk_fw_roles a;

		memset(&a, 0, sizeof(a));
		roles_from_args(scan->args, &a, &v);
		if (!typed) {
			*out = a;
			if (out->tcp == PK_FW_ROLE_NONE && !out->udp)
				set_tcp(out, 0);	/* nmap's default */
			typed = 1;
		}
	}
	if (out->udp && v)
		out->udp = 2;
	return typed ? PK_OK : PK_ERR_FORMAT;
}

