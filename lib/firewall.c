/*
 * firewall.c - infer packet filters from a SYN scan set against an ACK
 * scan (and UDP scans) of the same hosts.
 *
 * One side is held, the other streamed.  A held host is a few sorted
 * lists of port ranges ("runs"), one per role, each run with one state
 * and one reason code: the ports folded into <extraports> arrive as
 * ranges and stay ranges, so a host with 65535 filtered ports costs one
 * run, not 65535 ports.  A streamed host is turned into the same runs;
 * a sweep over the two sorted lists then cuts the port space into
 * segments of constant evidence, and segments with the same evidence are
 * gathered into rows.  Nothing is expanded port by port.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "pk_error.h"

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
static int
filter_kind(const char *reason)
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
	int s = filter_kind(sr), a = filter_kind(ar);

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
	if (closed && filter_kind(ar) == 2)
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
		switch (filter_kind(reason)) {
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

/* --- The engine -------------------------------------------------------- */

enum { SLOT_SYN, SLOT_ACK, SLOT_UDP, SLOT_UDPV, NSLOTS };

#define NSTRS		255		/* interned strings; code 0 = none */
#define NONE		0x20000u	/* past every port */
#define SHORT_LIST	32		/* longer port lists, and lists of */
#define SHORT_COUNT	16		/* more ports, become counts */

/* Ports lo..hi of one slot with one state and reason (interned codes). */
struct fw_run {
	uint16_t	 lo;
	uint16_t	 hi;
	uint8_t		 state;
	uint8_t		 reason;
};

struct fw_runs {
	struct fw_run	*v;
	size_t		 n;
	size_t		 cap;
};

struct fw_held {
	char		*addr;
	struct fw_runs	 slot[NSLOTS];
	uint8_t		 present;	/* slots whose scan held the host */
	uint8_t		 down;		/* slots whose scan saw it down */
	uint8_t		 matched;
	unsigned long	 unlisted[NSLOTS]; /* folded ports without a port
					   list (grepable input) */
	struct fw_held	*next;		/* hash chain */
};

struct fw_range {
	uint32_t	 lo;
	uint32_t	 hi;
};

struct fw_ranges {
	struct fw_range	*v;
	size_t		 n;
	size_t		 cap;
	unsigned long	 count;
};

/* Summary parts, in the order the summary line names them. */
enum { P_DROP, P_SYNDROP, P_REJECT, P_FILTERED, P_OPEN, P_RESET,
	P_CLOSEDFW, P_INCONS, P_UDPFILT, P_UDPOF, P_UDPOPEN, P_SYNONLY,
	P_ACKONLY, NPARTS };

static const char *const part_labels[NPARTS] = {
	"dropped (SYN and ACK)", "SYN blocked, ACK passes", "rejected",
	"filtered (drop or reject)", "open",
	"rejects (tcp-reset, or no filter)", "closed, ACK dropped", "inconsistent", "UDP filtered",
	"UDP open|filtered (needs -sUV)", "UDP open", "only in the SYN scan",
	"only in the ACK scan"
};

enum { K_STATEFUL, K_BOTH, K_STATELESS, K_FILTERED, K_RULES, K_NONE,
	K_SYNONLY, K_ACKONLY, NKINDS };

static const char *const kind_names[NKINDS] = {
	"stateful", "stateful+stateless", "stateless", "filtered",
	"port-rules", "none", "syn-only", "ack-only"
};

static const char *const kind_texts[NKINDS] = {
	"stateful firewall", "stateful firewall and stateless rules",
	"stateless rules", "every port filtered",
	"filtering rules on some ports", "no filtering seen",
	"only in the SYN scan", "only in the ACK scan"
};

/* A row while it is built: its evidence codes and its ports. */
struct fw_rowx {
	int		 proto;
	uint8_t		 code[4];	/* SYN state, reason, ACK state,
					   reason; UDP uses the first two */
	int		 verdict;
	struct fw_ranges r;
	size_t		 off;		/* port list in text */
};

struct pk_fw {
	char		*strs[NSTRS + 1];
	unsigned	 nstrs;
	struct fw_held	**tab;
	size_t		 tabsize;
	struct fw_held	**order;
	size_t		 norder;
	size_t		 ordercap;
	size_t		 unmatched;
	size_t		 mem;
	struct fw_held	 cur;		/* the streamed host */
	struct fw_rowx	*rx;
	size_t		 nrx;
	size_t		 caprx;
	size_t		 maxrx;		/* slots of rx initialised */
	struct pk_fw_row *rows;
	size_t		 caprows;
	struct pk_fw_seg *segs;
	size_t		 nsegs;
	size_t		 capsegs;
	struct fw_ranges parts[NPARTS];
	char		*text;
	size_t		 textlen;
	size_t		 textcap;
	int		 nomem;
	struct pk_fw_host out;
	unsigned long	 kinds[NKINDS];
	unsigned long	 hosts;
	char		 line[256];
};

/* Grow *v (elements of size sz) to hold n + 1; 0 or -1. */
static int
grow(void *vp, size_t *cap, size_t n, size_t sz)
{
	void **v = vp, *nv;
	size_t nc;

	if (n < *cap)
		return 0;
	nc = *cap < 8 ? 8 : *cap * 2;
	if ((nv = realloc(*v, nc * sz)) == NULL)
		return -1;
	*v = nv;
	*cap = nc;
	return 0;
}

/* The code of a state or reason string; the last code stands for any
   string past the table's size. */
static uint8_t
intern(struct pk_fw *fw, const char *s)
{
	unsigned i;

	if (s == NULL)
		return 0;
	for (i = 1; i <= fw->nstrs; i++)
		if (strcmp(fw->strs[i], s) == 0)
			return (uint8_t)i;
	if (fw->nstrs == NSTRS)
		return NSTRS;
	if ((fw->strs[i] = strdup(fw->nstrs == NSTRS - 1 ? "other" : s)) ==
	    NULL) {
		fw->nomem = 1;
		return 0;
	}
	fw->nstrs++;
	return (uint8_t)i;
}

static const char *
str(const struct pk_fw *fw, uint8_t code)
{
	return code == 0 ? NULL : fw->strs[code];
}

static int
runs_add(struct pk_fw *fw, struct fw_runs *rs, unsigned lo, unsigned hi,
    const char *state, const char *reason)
{
	struct fw_run r;

	r.lo = (uint16_t)lo;
	r.hi = (uint16_t)hi;
	r.state = intern(fw, state);
	r.reason = intern(fw, reason);
	if (rs->n > 0 && rs->v[rs->n - 1].hi + 1u == lo &&
	    rs->v[rs->n - 1].state == r.state &&
	    rs->v[rs->n - 1].reason == r.reason) {
		rs->v[rs->n - 1].hi = r.hi;
		return 0;
	}
	if (grow(&rs->v, &rs->cap, rs->n, sizeof(r)) == -1)
		return -1;
	rs->v[rs->n++] = r;
	return 0;
}

static int
run_cmp(const void *a, const void *b)
{
	const struct fw_run *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Sort a slot and fuse neighbours with the same codes. */
static void
runs_finish(struct fw_runs *rs)
{
	size_t i, j;

	if (rs->n < 2)
		return;
	qsort(rs->v, rs->n, sizeof(rs->v[0]), run_cmp);
	for (i = 0, j = 1; j < rs->n; j++) {
		if (rs->v[i].hi + 1u == rs->v[j].lo &&
		    rs->v[i].state == rs->v[j].state &&
		    rs->v[i].reason == rs->v[j].reason)
			rs->v[i].hi = rs->v[j].hi;
		else
			rs->v[++i] = rs->v[j];
	}
	rs->n = i + 1;
}

static int
slot_of(int proto, const struct pk_fw_roles *ro)
{
	if (proto == PK_PROTO_TCP)
		return ro->tcp == PK_FW_ROLE_SYN ? SLOT_SYN :
		    ro->tcp == PK_FW_ROLE_ACK ? SLOT_ACK : -1;
	if (proto == PK_PROTO_UDP)
		return ro->udp == 2 ? SLOT_UDPV : ro->udp == 1 ? SLOT_UDP : -1;
	return -1;
}

/* Strict "a" or "a-b" items, comma-separated, into the slot. */
static int
add_ranges(struct pk_fw *fw, struct fw_runs *rs, const char *s,
    const char *state, const char *reason)
{
	unsigned long lo, hi;
	char *end;

	while (*s != '\0') {
		if (*s < '0' || *s > '9')
			return PK_ERR_FORMAT;
		lo = hi = strtoul(s, &end, 10);
		if (*end == '-') {
			if (end[1] < '0' || end[1] > '9')
				return PK_ERR_FORMAT;
			hi = strtoul(end + 1, &end, 10);
		}
		if (hi > 65535 || lo > hi || (*end != ',' && *end != '\0'))
			return PK_ERR_FORMAT;
		if (runs_add(fw, rs, (unsigned)lo, (unsigned)hi, state,
		    reason) == -1)
			return PK_ERR_NOMEM;
		s = *end == ',' ? end + 1 : end;
	}
	return PK_OK;
}

static int
add_extraports(struct pk_fw *fw, struct fw_held *hd, const struct pk_host *h,
    const struct pk_fw_roles *ro)
{
	const struct pk_extraports *e;
	const struct pk_extrareason *r;
	size_t i, j;
	int proto, s, rc;

	for (i = 0; i < h->nextraports; i++) {
		e = &h->extraports[i];
		/* Grepable input: a count of one state, no reasons. */
		if (e->nreasons == 0 && (s = slot_of(PK_PROTO_TCP, ro)) >= 0)
			hd->unlisted[s] += e->count > 0 ?
			    (unsigned long)e->count : 0;
		for (j = 0; j < e->nreasons; j++) {
			r = &e->reasons[j];
			proto = r->proto != NULL ? pk_proto_parse(r->proto) :
			    PK_PROTO_TCP;
			if ((s = slot_of(proto, ro)) < 0)
				continue;
			if (r->ports == NULL || e->state == NULL) {
				hd->unlisted[s] += r->count > 0 ?
				    (unsigned long)r->count : 0;
				continue;
			}
			rc = add_ranges(fw, &hd->slot[s], r->ports, e->state,
			    r->reason);
			if (rc != PK_OK)
				return rc;
		}
	}
	return PK_OK;
}

/* Turn a host into runs in hd (whose slots may already hold others). */
static int
host_runs(struct pk_fw *fw, struct fw_held *hd, const struct pk_host *h,
    const struct pk_fw_roles *ro)
{
	const struct pk_port *p;
	uint8_t mask = 0;
	size_t i;
	int s, rc;

	if (ro->tcp == PK_FW_ROLE_SYN || ro->tcp == PK_FW_ROLE_ACK)
		mask |= 1u << slot_of(PK_PROTO_TCP, ro);
	if (ro->udp)
		mask |= 1u << slot_of(PK_PROTO_UDP, ro);
	hd->present |= mask;
	if (h->status != NULL && strcmp(h->status, "up") != 0)
		hd->down |= mask;
	for (i = 0; i < h->nports; i++) {
		p = &h->ports[i];
		if ((s = slot_of(p->proto, ro)) < 0 || p->port > 65535)
			continue;
		if (runs_add(fw, &hd->slot[s], p->port, p->port, p->state,
		    p->reason) == -1)
			return PK_ERR_NOMEM;
	}
	if ((rc = add_extraports(fw, hd, h, ro)) != PK_OK)
		return rc;
	for (s = 0; s < NSLOTS; s++)
		runs_finish(&hd->slot[s]);
	return fw->nomem ? PK_ERR_NOMEM : PK_OK;
}

/* --- Held hosts -------------------------------------------------------- */

static size_t
hash(const char *s)
{
	size_t h = 2166136261u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct fw_held *
lookup(const struct pk_fw *fw, const char *addr)
{
	struct fw_held *hd;

	if (fw->tabsize == 0)
		return NULL;
	for (hd = fw->tab[hash(addr) & (fw->tabsize - 1)]; hd != NULL;
	    hd = hd->next)
		if (strcmp(hd->addr, addr) == 0)
			return hd;
	return NULL;
}

static int
rehash(struct pk_fw *fw)
{
	struct fw_held **nt;
	size_t i, ns = fw->tabsize == 0 ? 64 : fw->tabsize * 2, b;

	if ((nt = calloc(ns, sizeof(*nt))) == NULL)
		return -1;
	for (i = 0; i < fw->norder; i++) {
		b = hash(fw->order[i]->addr) & (ns - 1);
		fw->order[i]->next = nt[b];
		nt[b] = fw->order[i];
	}
	free(fw->tab);
	fw->tab = nt;
	fw->mem += (ns - fw->tabsize) * sizeof(*nt);
	fw->tabsize = ns;
	return 0;
}

static struct fw_held *
held_new(struct pk_fw *fw, const char *addr)
{
	struct fw_held *hd;
	size_t b;

	if (fw->norder >= fw->tabsize && rehash(fw) == -1)
		return NULL;
	if (grow(&fw->order, &fw->ordercap, fw->norder,
	    sizeof(*fw->order)) == -1)
		return NULL;
	if ((hd = calloc(1, sizeof(*hd))) == NULL)
		return NULL;
	if ((hd->addr = strdup(addr)) == NULL) {
		free(hd);
		return NULL;
	}
	b = hash(addr) & (fw->tabsize - 1);
	hd->next = fw->tab[b];
	fw->tab[b] = hd;
	fw->order[fw->norder++] = hd;
	fw->mem += sizeof(*hd) + strlen(addr) + 1 + sizeof(hd);
	return hd;
}

static const char *
host_key(const struct pk_host *h)
{
	return h->host != NULL ? h->host : h->mac != NULL ? h->mac : "";
}

/* Trim the slots to their size: the held side stays compact. */
static void
held_shrink(struct pk_fw *fw, struct fw_held *hd, const size_t *before)
{
	struct fw_run *v;
	int s;

	for (s = 0; s < NSLOTS; s++) {
		struct fw_runs *rs = &hd->slot[s];

		if (rs->n < rs->cap && rs->n > 0 &&
		    (v = realloc(rs->v, rs->n * sizeof(*v))) != NULL) {
			rs->v = v;
			rs->cap = rs->n;
		}
		fw->mem += (rs->cap - before[s]) * sizeof(struct fw_run);
	}
}

int
pk_fw_hold(struct pk_fw *fw, const struct pk_host *h,
    const struct pk_fw_roles *roles)
{
	struct fw_held *hd;
	size_t before[NSLOTS];
	int s, rc;

	if ((hd = lookup(fw, host_key(h))) == NULL &&
	    (hd = held_new(fw, host_key(h))) == NULL)
		return PK_ERR_NOMEM;
	for (s = 0; s < NSLOTS; s++)
		before[s] = hd->slot[s].cap;
	rc = host_runs(fw, hd, h, roles);
	held_shrink(fw, hd, before);
	return rc;
}

size_t
pk_fw_memory(const struct pk_fw *fw)
{
	return fw->mem;
}

/* --- One host's verdicts ----------------------------------------------- */

static int
ranges_add(struct fw_ranges *r, unsigned lo, unsigned hi)
{
	r->count += hi - lo + 1;
	if (r->n > 0 && r->v[r->n - 1].hi + 1 == lo) {
		r->v[r->n - 1].hi = hi;
		return 0;
	}
	if (grow(&r->v, &r->cap, r->n, sizeof(r->v[0])) == -1)
		return -1;
	r->v[r->n].lo = lo;
	r->v[r->n++].hi = hi;
	return 0;
}

static size_t	text_put(struct pk_fw *, const char *, ...) PK_PRINTF(2, 3);

/* Append printf output to the text buffer; returns its offset. */
static size_t
text_put(struct pk_fw *fw, const char *fmt, ...)
{
	va_list ap;
	size_t off = fw->textlen, nc;
	int n;
	char *nt;

	va_start(ap, fmt);
	n = vsnprintf(fw->text + off, fw->textcap - off, fmt, ap);
	va_end(ap);
	if (n < 0)
		return off;
	if ((size_t)n >= fw->textcap - off) {
		nc = (fw->textcap + (size_t)n + 1) * 2;
		if ((nt = realloc(fw->text, nc)) == NULL) {
			fw->nomem = 1;
			return off;
		}
		fw->text = nt;
		fw->textcap = nc;
		va_start(ap, fmt);
		(void)vsnprintf(fw->text + off, nc - off, fmt, ap);
		va_end(ap);
	}
	fw->textlen += (size_t)n;
	return off;
}

/* A range list in nmap -p form, NUL-terminated; returns its offset. */
static size_t
text_ranges(struct pk_fw *fw, const struct fw_ranges *r)
{
	size_t i, off = fw->textlen;

	for (i = 0; i < r->n; i++) {
		(void)text_put(fw, i == 0 ? "%u" : ",%u", r->v[i].lo);
		if (r->v[i].hi != r->v[i].lo)
			(void)text_put(fw, "-%u", r->v[i].hi);
	}
	(void)text_put(fw, "%c", '\0');
	return off;
}

/* Which summary part a port with this evidence feeds, or -1. */
static int
part_of(int proto, int verdict, const char *ss)
{
	if (proto == PK_PROTO_UDP)
		return verdict == PK_FW_OPEN_FILTERED ? P_UDPOF :
		    verdict == PK_FW_DROP || verdict == PK_FW_REJECT ||
		    verdict == PK_FW_DROP_OR_REJECT ? P_UDPFILT :
		    verdict == PK_FW_INCONSISTENT ? P_INCONS :
		    ss != NULL && strcmp(ss, "open") == 0 ? P_UDPOPEN : -1;
	if (ss != NULL && strcmp(ss, "open") == 0 &&
	    (verdict == PK_FW_NO_FILTER || verdict == PK_FW_STATEFUL))
		return P_OPEN;
	switch (verdict) {
	case PK_FW_NO_FILTER_OR_RESET: return P_RESET;
	case PK_FW_STATEFUL: return P_CLOSEDFW;
	case PK_FW_STATELESS_SYN: return P_SYNDROP;
	case PK_FW_DROP: return P_DROP;
	case PK_FW_REJECT: return P_REJECT;
	case PK_FW_DROP_OR_REJECT: return P_FILTERED;
	case PK_FW_INCONSISTENT: return P_INCONS;
	case PK_FW_SYN_ONLY: return P_SYNONLY;
	case PK_FW_ACK_ONLY: return P_ACKONLY;
	default: return -1;
	}
}

static struct fw_rowx *
row_for(struct pk_fw *fw, int proto, const uint8_t code[4])
{
	struct fw_rowx *x;
	size_t i;

	for (i = 0; i < fw->nrx; i++)
		if (fw->rx[i].proto == proto &&
		    memcmp(fw->rx[i].code, code, 4) == 0)
			return &fw->rx[i];
	if (grow(&fw->rx, &fw->caprx, fw->nrx, sizeof(*x)) == -1)
		return NULL;
	x = &fw->rx[fw->nrx++];
	if (fw->nrx > fw->maxrx) {	/* a slot never used before */
		memset(x, 0, sizeof(*x));
		fw->maxrx = fw->nrx;
	}
	x->proto = proto;
	memcpy(x->code, code, 4);
	x->r.n = 0;
	x->r.count = 0;
	if (proto == PK_PROTO_UDP)
		x->verdict = pk_fw_infer_udp(str(fw, code[0]),
		    str(fw, code[1]));
	else
		x->verdict = pk_fw_infer(str(fw, code[0]), str(fw, code[1]),
		    str(fw, code[2]), str(fw, code[3]));
	return x;
}

/* Ports lo..hi have this evidence: file them under row, seg, part. */
static void
segment(struct pk_fw *fw, int proto, unsigned lo, unsigned hi,
    const uint8_t code[4])
{
	struct fw_rowx *x;
	struct pk_fw_seg *sg;
	size_t row;
	int part;

	if ((x = row_for(fw, proto, code)) == NULL ||
	    ranges_add(&x->r, lo, hi) == -1) {
		fw->nomem = 1;
		return;
	}
	row = (size_t)(x - fw->rx);
	sg = fw->nsegs > 0 ? &fw->segs[fw->nsegs - 1] : NULL;
	if (sg != NULL && sg->row == row && sg->hi + 1 == lo) {
		sg->hi = hi;
	} else if (grow(&fw->segs, &fw->capsegs, fw->nsegs,
	    sizeof(*sg)) == 0) {
		sg = &fw->segs[fw->nsegs++];
		sg->lo = lo;
		sg->hi = hi;
		sg->row = row;
	} else {
		fw->nomem = 1;
	}
	part = part_of(proto, x->verdict, str(fw, code[0]));
	if (part >= 0 && ranges_add(&fw->parts[part], lo, hi) == -1)
		fw->nomem = 1;
}

/* The evidence of a UDP port: a -sUV answer beats a plain -sU. */
static void
udp_code(const struct pk_fw *fw, const struct fw_run *a,
    const struct fw_run *b, uint8_t code[4])
{
	const struct fw_run *r = a;

	if (b != NULL && (a == NULL || strcmp(str(fw, b->state),
	    "open|filtered") != 0))
		r = b;
	memset(code, 0, 4);
	code[0] = r->state;
	code[1] = r->reason;
}

static uint32_t
first_at(const struct fw_runs *rs, size_t i, uint32_t p)
{
	if (i == rs->n)
		return NONE;
	return rs->v[i].lo > p ? rs->v[i].lo : p;
}

/* Cut the ports of two sorted slots into segments of equal evidence. */
static void
sweep(struct pk_fw *fw, int proto, const struct fw_runs *a,
    const struct fw_runs *b)
{
	const struct fw_run *ra, *rb;
	uint32_t p = 0, sa, sb, start, end, ea, eb;
	uint8_t code[4];
	size_t i = 0, j = 0;

	for (;;) {
		while (i < a->n && a->v[i].hi < p)
			i++;
		while (j < b->n && b->v[j].hi < p)
			j++;
		sa = first_at(a, i, p);
		sb = first_at(b, j, p);
		if ((start = sa < sb ? sa : sb) == NONE)
			break;
		ra = sa == start ? &a->v[i] : NULL;
		rb = sb == start ? &b->v[j] : NULL;
		ea = ra != NULL ? ra->hi : sa - 1;
		eb = rb != NULL ? rb->hi : sb - 1;
		end = ea < eb ? ea : eb;
		if (proto == PK_PROTO_UDP) {
			udp_code(fw, ra, rb, code);
		} else {
			code[0] = ra != NULL ? ra->state : 0;
			code[1] = ra != NULL ? ra->reason : 0;
			code[2] = rb != NULL ? rb->state : 0;
			code[3] = rb != NULL ? rb->reason : 0;
		}
		segment(fw, proto, start, end, code);
		p = end + 1;
	}
}

static int
host_kind(const struct pk_fw_host *o, uint8_t present,
    const unsigned long *unlisted)
{
	const unsigned long *c = o->counts;
	int syn = (present >> SLOT_SYN) & 1, ack = (present >> SLOT_ACK) & 1;

	if (syn && !ack)
		return K_SYNONLY;
	if (ack && !syn)
		return K_ACKONLY;
	if (c[PK_FW_STATEFUL] > 0)
		return c[PK_FW_STATELESS_SYN] > 0 ? K_BOTH : K_STATEFUL;
	if (c[PK_FW_STATELESS_SYN] > 0)
		return K_STATELESS;
	if (!o->filtering)
		return K_NONE;
	/* Ports not compared might pass: do not claim every port. */
	return c[PK_FW_NO_FILTER] + c[PK_FW_NO_FILTER_OR_RESET] > 0 ||
	    unlisted[SLOT_SYN] + unlisted[SLOT_ACK] > 0 ? K_RULES :
	    K_FILTERED;
}

/* " (port-unreach, admin-prohibited)": the ICMP reasons of reject rows. */
static void
reject_reasons(struct pk_fw *fw)
{
	const char *seen[8], *r;
	size_t i, j, n = 0;
	int k;

	for (i = 0; i < fw->nrx; i++) {
		if (fw->rx[i].verdict != PK_FW_REJECT ||
		    fw->rx[i].proto != PK_PROTO_TCP)
			continue;
		for (k = 1; k <= 3; k += 2) {
			r = str(fw, fw->rx[i].code[k]);
			if (filter_kind(r) != 2)
				continue;
			for (j = 0; j < n && strcmp(seen[j], r) != 0; j++)
				continue;
			if (j == n && n < 8)
				seen[n++] = r;
		}
	}
	for (j = 0; j < n; j++)
		(void)text_put(fw, "%s%s", j == 0 ? " (" : ", ", seen[j]);
	if (n > 0)
		(void)text_put(fw, ")");
}

static size_t
summary(struct pk_fw *fw, int kind, uint8_t down,
    const unsigned long *unlisted)
{
	const struct fw_ranges *r;
	const char *label, *sep = ": ";
	size_t off = fw->textlen, lo, n;
	int p;

	(void)text_put(fw, "%s", kind_texts[kind]);
	for (p = 0; p < NPARTS; p++) {
		r = &fw->parts[p];
		if (r->count == 0 || (p == P_SYNONLY && kind == K_SYNONLY) ||
		    (p == P_ACKONLY && kind == K_ACKONLY))
			continue;
		/* A reset is a REJECT candidate only where the rest drops. */
		label = p == P_RESET && kind != K_STATEFUL && kind != K_BOTH &&
		    kind != K_FILTERED ? "closed" : part_labels[p];
		(void)text_put(fw, "%s", sep);
		lo = text_ranges(fw, r);
		n = fw->textlen - lo - 1;
		fw->textlen = lo;	/* measured; now the real text */
		if (n <= SHORT_LIST && r->count <= SHORT_COUNT) {
			(void)text_put(fw, "%s ", label);
			(void)text_ranges(fw, r);
			fw->textlen--;	/* its NUL */
		} else {
			(void)text_put(fw, "%lu ports %s", r->count, label);
		}
		if (p == P_REJECT)
			reject_reasons(fw);
		sep = "; ";
	}
	for (p = SLOT_SYN; p <= SLOT_ACK; p++)
		if (unlisted[p] > 0)
			(void)text_put(fw, "%s%lu folded ports of the %s scan "
			    "not compared (no port list)", sep, unlisted[p],
			    p == SLOT_SYN ? "SYN" : "ACK");
	if (down & (1u << SLOT_SYN))
		(void)text_put(fw, "%sdown in the SYN scan", sep);
	if (down & (1u << SLOT_ACK))
		(void)text_put(fw, "%sdown in the ACK scan", sep);
	(void)text_put(fw, "%c", '\0');
	return off;
}

/* Rows, counts, kind and summary from the segments gathered. */
static int
finish(struct pk_fw *fw, const char *host, uint8_t present, uint8_t down,
    const unsigned long *unlisted)
{
	struct pk_fw_host *o = &fw->out;
	struct pk_fw_row *row;
	size_t i, off, hostoff;
	int kind;

	if (fw->nrx > fw->caprows) {
		free(fw->rows);
		if ((fw->rows = calloc(fw->nrx, sizeof(*row))) == NULL) {
			fw->caprows = 0;
			return PK_ERR_NOMEM;
		}
		fw->caprows = fw->nrx;
	}
	memset(o, 0, sizeof(*o));
	hostoff = text_put(fw, "%s%c", host, '\0');
	for (i = 0; i < fw->nrx; i++) {
		o->counts[fw->rx[i].verdict] += fw->rx[i].r.count;
		if (pk_fw_verdict_filters(fw->rx[i].verdict))
			o->filtering = 1;
		fw->rx[i].off = text_ranges(fw, &fw->rx[i].r);
	}
	kind = host_kind(o, present, unlisted);
	off = summary(fw, kind, down, unlisted);
	if (fw->nomem)
		return PK_ERR_NOMEM;
	for (i = 0; i < fw->nrx; i++) {
		const struct fw_rowx *x = &fw->rx[i];

		row = &fw->rows[i];
		memset(row, 0, sizeof(*row));
		row->proto = x->proto;
		row->verdict = x->verdict;
		if (x->proto == PK_PROTO_UDP) {
			row->udp_state = str(fw, x->code[0]);
			row->udp_reason = str(fw, x->code[1]);
		} else {
			row->syn_state = str(fw, x->code[0]);
			row->syn_reason = str(fw, x->code[1]);
			row->ack_state = str(fw, x->code[2]);
			row->ack_reason = str(fw, x->code[3]);
		}
		row->ports = fw->text + x->off;
		row->count = x->r.count;
	}
	o->host = fw->text + hostoff;
	o->kind = kind_names[kind];
	o->summary = fw->text + off;
	o->rows = fw->rows;
	o->nrows = fw->nrx;
	o->segs = fw->segs;
	o->nsegs = fw->nsegs;
	fw->kinds[kind]++;
	fw->hosts++;
	return PK_OK;
}

/* Verdicts over the union of two hosts' slots (b may be NULL). */
static int
evaluate(struct pk_fw *fw, const struct fw_held *a, const struct fw_held *b,
    const struct pk_fw_host **out)
{
	static const struct fw_runs empty;
	const struct fw_runs *sl[NSLOTS];
	unsigned long unlisted[NSLOTS];
	uint8_t present = a->present, down = a->down;
	int s, rc;

	for (s = 0; s < NSLOTS; s++) {
		sl[s] = a->present & (1u << s) ? &a->slot[s] : &empty;
		if (b != NULL && !(a->present & (1u << s)) &&
		    (b->present & (1u << s)))
			sl[s] = &b->slot[s];
	}
	for (s = 0; s < NSLOTS; s++)
		unlisted[s] = sl[s] == &a->slot[s] ? a->unlisted[s] :
		    sl[s] == &empty ? 0 : b->unlisted[s];
	if (b != NULL) {
		present |= b->present;
		down |= b->down;
	}
	fw->nrx = fw->nsegs = fw->textlen = 0;
	fw->nomem = 0;
	for (s = 0; s < NPARTS; s++)
		fw->parts[s].n = fw->parts[s].count = 0;
	sweep(fw, PK_PROTO_TCP, sl[SLOT_SYN], sl[SLOT_ACK]);
	sweep(fw, PK_PROTO_UDP, sl[SLOT_UDP], sl[SLOT_UDPV]);
	rc = finish(fw, a->addr, present, down, unlisted);
	*out = rc == PK_OK ? &fw->out : NULL;
	return rc;
}

int
pk_fw_host(struct pk_fw *fw, const struct pk_host *h,
    const struct pk_fw_roles *roles, const struct pk_fw_host **out)
{
	struct fw_held *cur = &fw->cur, *hd;
	char *addr;
	int s, rc;

	*out = NULL;
	if ((addr = strdup(host_key(h))) == NULL)
		return PK_ERR_NOMEM;
	free(cur->addr);
	cur->addr = addr;
	cur->present = cur->down = 0;
	for (s = 0; s < NSLOTS; s++) {
		cur->slot[s].n = 0;
		cur->unlisted[s] = 0;
	}
	if ((rc = host_runs(fw, cur, h, roles)) != PK_OK)
		return rc;
	if ((hd = lookup(fw, addr)) != NULL)
		hd->matched = 1;
	return evaluate(fw, cur, hd, out);
}

int
pk_fw_next_unmatched(struct pk_fw *fw, const struct pk_fw_host **out)
{
	*out = NULL;
	while (fw->unmatched < fw->norder) {
		const struct fw_held *hd = fw->order[fw->unmatched++];

		if (!hd->matched)
			return evaluate(fw, hd, NULL, out);
	}
	return PK_EOF;
}

const char *
pk_fw_summary(struct pk_fw *fw)
{
	size_t n = 0;
	int k, w;

	w = snprintf(fw->line, sizeof(fw->line), "%lu host%s", fw->hosts,
	    fw->hosts == 1 ? "" : "s");
	for (k = 0; k < NKINDS && w > 0 && (size_t)w < sizeof(fw->line); k++) {
		if (fw->kinds[k] == 0)
			continue;
		w += snprintf(fw->line + w, sizeof(fw->line) - (size_t)w,
		    "%s%lu %s", n++ == 0 ? ": " : ", ", fw->kinds[k],
		    kind_texts[k]);
	}
	return fw->line;
}

struct pk_fw *
pk_fw_new(void)
{
	struct pk_fw *fw;

	if ((fw = calloc(1, sizeof(*fw))) == NULL)
		return NULL;
	fw->mem = sizeof(*fw);
	return fw;
}

static void
held_free(struct fw_held *hd)
{
	int s;

	for (s = 0; s < NSLOTS; s++)
		free(hd->slot[s].v);
	free(hd->addr);
}

void
pk_fw_free(struct pk_fw *fw)
{
	size_t i;

	if (fw == NULL)
		return;
	for (i = 0; i < fw->norder; i++) {
		held_free(fw->order[i]);
		free(fw->order[i]);
	}
	held_free(&fw->cur);
	for (i = 1; i <= fw->nstrs; i++)
		free(fw->strs[i]);
	for (i = 0; i < fw->maxrx; i++)
		free(fw->rx[i].r.v);
	for (i = 0; i < NPARTS; i++)
		free(fw->parts[i].v);
	free(fw->rx);
	free(fw->rows);
	free(fw->segs);
	free(fw->text);
	free(fw->tab);
	free(fw->order);
	free(fw);
}
