/*
 * firewall.c - infer packet filters from a SYN scan set against an ACK
 * scan (and UDP scans) of the same hosts.
 *
 * One side is held, the other streamed, both as sorted lists of port
 * ranges (firewall_hold.c).  A sweep over the two lists cuts the port
 * space into segments of constant evidence, segments with the same
 * evidence are gathered into rows, and each row gets its verdict
 * (firewall_infer.c).  Nothing is expanded port by port.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "firewall/firewall_impl.h"
#include "base/error.h"

static const char *const part_labels[NPARTS] = {
	"dropped (SYN and ACK)", "SYN blocked, ACK passes", "rejected",
	"filtered (drop or reject)", "open",
	"rejects (tcp-reset, or no filter)", "closed, ACK dropped",
	"inconsistent", "UDP filtered",
	"UDP open|filtered (needs -sUV)", "UDP open", "only in the SYN scan",
	"only in the ACK scan"
};

static const char *const kind_names[NKINDS] = {
	"ambiguous", "ambiguous", "ambiguous", "stateless", "filtered",
	"port-rules", "none", "syn-only", "ack-only", "syn-only", "ack-only",
	"down"
};

/* The total line's words; kinds with the same words count together. */
static const char *const kind_texts[NKINDS] = {
	"ambiguous", "ambiguous", "ambiguous", "stateless rules",
	"every port filtered", "filtering rules on some ports",
	"no filtering seen", "only in the SYN scan", "only in the ACK scan",
	"up in the SYN scan only", "up in the ACK scan only",
	"down in every scan"
};

/* How a host's summary begins: the candidates and what would settle. */
static const char *const kind_leads[NKINDS] = {
	"ambiguous (a stateful firewall, or a stateless rule dropping "
	    "non-SYN packets; a version scan, -sV, of a port open to SYN "
	    "would tell)",
	"ambiguous (stateless rules, and a stateful firewall or a "
	    "stateless rule dropping non-SYN packets; a version scan, -sV, "
	    "of a port open to SYN would tell)",
	"ambiguous (stateless rules, or a stateful firewall whose "
	    "conntrack picks up a lone ACK; a FIN scan, -sF, "
	    "would tell)",
	"stateless rules", "every port filtered",
	"filtering rules on some ports", "no filtering seen",
	"only in the SYN scan", "only in the ACK scan",
	"down in the ACK scan, up in the SYN scan",
	"down in the SYN scan, up in the ACK scan", "down in every scan"
};

/* --- One host's verdicts ----------------------------------------------- */

static int
ranges_add(struct fw_ranges *r, unsigned lo, unsigned hi)
{
	r->count += hi - lo + 1;
	if (r->n > 0 && r->v[r->n - 1].hi + 1 == lo) {
		r->v[r->n - 1].hi = hi;
		return 0;
	}
	if (pk_fwi_grow(&r->v, &r->cap, r->n, sizeof(r->v[0])) == -1)
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
	if (pk_fwi_grow(&fw->rx, &fw->caprx, fw->nrx, sizeof(*x)) == -1)
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
		x->verdict = pk_fw_infer_udp(fw_str(fw, code[0]),
		    fw_str(fw, code[1]));
	else
		x->verdict = pk_fw_infer(fw_str(fw, code[0]), fw_str(fw, code[1]),
		    fw_str(fw, code[2]), fw_str(fw, code[3]));
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
	} else if (pk_fwi_grow(&fw->segs, &fw->capsegs, fw->nsegs,
	    sizeof(*sg)) == 0) {
		sg = &fw->segs[fw->nsegs++];
		sg->lo = lo;
		sg->hi = hi;
		sg->row = row;
	} else {
		fw->nomem = 1;
	}
	part = part_of(proto, x->verdict, fw_str(fw, code[0]));
	if (part >= 0 && ranges_add(&fw->parts[part], lo, hi) == -1)
		fw->nomem = 1;
}

/* The evidence of a UDP port: a -sUV answer beats a plain -sU. */
static void
udp_code(const struct pk_fw *fw, const struct fw_run *a,
    const struct fw_run *b, uint8_t code[4])
{
	const struct fw_run *r = a;

	if (b != NULL && (a == NULL || strcmp(fw_str(fw, b->state),
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

/* Which TCP evidence a host has: ports passing SYN and ACK, and ports
   dropping or rejecting both. */
enum { TCP_PASSES = 1, TCP_STOPPED = 2 };

/*
 * What the host's evidence proves.  A SYN that passes where a lone ACK
 * is dropped fits conntrack and a stateless drop of non-SYN packets
 * alike; a lone ACK that passes where others drop fits a stateless rule
 * and conntrack's loose pickup alike.  Only a SYN dropped where the ACK
 * passes proves a stateless rule.
 */
static int
host_kind(const struct pk_fw_host *o, uint8_t present, uint8_t down,
    const unsigned long *unlisted, int tcp)
{
	const unsigned long *c = o->counts;
	int syn = (present >> SLOT_SYN) & 1, ack = (present >> SLOT_ACK) & 1;

	if (present != 0 && (present & ~down) == 0)
		return K_DOWN;
	if (syn && ack && (down & (1u << SLOT_SYN)))
		return K_ACKUP;
	if (syn && ack && (down & (1u << SLOT_ACK)))
		return K_SYNUP;
	if (syn && !ack)
		return K_SYNONLY;
	if (ack && !syn)
		return K_ACKONLY;
	if (c[PK_FW_STATEFUL] > 0)
		return c[PK_FW_STATELESS_SYN] > 0 ? K_AMB_BOTH : K_AMB_NONSYN;
	if (c[PK_FW_STATELESS_SYN] > 0)
		return K_STATELESS;
	if (!o->filtering)
		return K_NONE;
	if (tcp == (TCP_PASSES | TCP_STOPPED))
		return K_AMB_LOOSE;
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
			r = fw_str(fw, fw->rx[i].code[k]);
			if (pk_fwi_filter_kind(r) != 2)
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
	int p, notes;

	notes = kind != K_SYNUP && kind != K_ACKUP && kind != K_DOWN;
	(void)text_put(fw, "%s", kind_leads[kind]);
	for (p = 0; p < NPARTS; p++) {
		r = &fw->parts[p];
		if (r->count == 0 || (p == P_SYNONLY && (kind == K_SYNONLY ||
		    kind == K_SYNUP)) || (p == P_ACKONLY && (kind ==
		    K_ACKONLY || kind == K_ACKUP)))
			continue;
		/* A reset is a REJECT candidate only where the rest drops. */
		label = p == P_RESET && kind != K_AMB_NONSYN &&
		    kind != K_AMB_BOTH && kind != K_FILTERED ? "closed" :
		    part_labels[p];
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
	if (notes && (down & (1u << SLOT_SYN)))
		(void)text_put(fw, "%sdown in the SYN scan", sep);
	if (notes && (down & (1u << SLOT_ACK)))
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
	int kind, tcp = 0, v;

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
		v = fw->rx[i].verdict;
		o->counts[v] += fw->rx[i].r.count;
		if (pk_fw_verdict_filters(v))
			o->filtering = 1;
		if (fw->rx[i].proto == PK_PROTO_TCP)
			tcp |= v == PK_FW_NO_FILTER ||
			    v == PK_FW_NO_FILTER_OR_RESET ? TCP_PASSES :
			    v == PK_FW_DROP || v == PK_FW_REJECT ||
			    v == PK_FW_DROP_OR_REJECT ? TCP_STOPPED : 0;
		fw->rx[i].off = text_ranges(fw, &fw->rx[i].r);
	}
	kind = host_kind(o, present, down, unlisted, tcp);
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
			row->udp_state = fw_str(fw, x->code[0]);
			row->udp_reason = fw_str(fw, x->code[1]);
		} else {
			row->syn_state = fw_str(fw, x->code[0]);
			row->syn_reason = fw_str(fw, x->code[1]);
			row->ack_state = fw_str(fw, x->code[2]);
			row->ack_reason = fw_str(fw, x->code[3]);
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
	if ((addr = strdup(pk_fwi_host_key(h))) == NULL)
		return PK_ERR_NOMEM;
	free(cur->addr);
	cur->addr = addr;
	cur->present = cur->down = 0;
	for (s = 0; s < NSLOTS; s++) {
		cur->slot[s].n = 0;
		cur->unlisted[s] = 0;
	}
	if ((rc = pk_fwi_host_runs(fw, cur, h, roles)) != PK_OK)
		return rc;
	if ((hd = pk_fwi_lookup(fw, addr)) != NULL)
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
	unsigned long c;
	size_t n = 0;
	int j, k, w;

	w = snprintf(fw->line, sizeof(fw->line), "%lu host%s", fw->hosts,
	    fw->hosts == 1 ? "" : "s");
	for (k = 0; k < NKINDS && w > 0 && (size_t)w < sizeof(fw->line); k++) {
		/* Kinds that share their words follow each other. */
		if (k > 0 && strcmp(kind_texts[k - 1], kind_texts[k]) == 0)
			continue;
		for (c = 0, j = k; j < NKINDS &&
		    strcmp(kind_texts[j], kind_texts[k]) == 0; j++)
			c += fw->kinds[j];
		if (c == 0)
			continue;
		w += snprintf(fw->line + w, sizeof(fw->line) - (size_t)w,
		    "%s%lu %s", n++ == 0 ? ": " : ", ", c, kind_texts[k]);
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

void
pk_fw_free(struct pk_fw *fw)
{
	size_t i;

	if (fw == NULL)
		return;
	for (i = 0; i < fw->norder; i++) {
		pk_fwi_held_free(fw->order[i]);
		free(fw->order[i]);
	}
	pk_fwi_held_free(&fw->cur);
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
	pk_index_free(&fw->ix);
	free(fw->order);
	free(fw);
}

