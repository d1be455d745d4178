/*
 * hold.c - the compact held side of the firewall engine.
 *
 * A held host is a few sorted lists of port ranges ("runs"), one per
 * role, each run with one state and one reason code: the ports folded
 * into <extraports> arrive as ranges and stay ranges, so a host with
 * 65535 filtered ports costs one run, not 65535 ports.  The streamed
 * host is turned into runs the same way.
 */
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/parse.h"
#include "firewall/firewall_impl.h"

/* Grow *v (elements of size sz) to hold n + 1; 0 or -1. */
int
pk_fwi_grow(void *vp, size_t *cap, size_t n, size_t sz)
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

/* pk_fwi_grow for a slot's 32-bit counts. */
static int
runs_grow(struct fw_runs *rs)
{
	size_t cap = rs->cap;

	if (rs->n == rs->cap && rs->cap >= UINT32_MAX / 2)
		return -1;
	if (pk_fwi_grow(&rs->v, &cap, rs->n, sizeof(rs->v[0])) == -1)
		return -1;
	rs->cap = (uint32_t)cap;
	return 0;
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
	if (runs_grow(rs) == -1)
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
	const char *end = s + strlen(s);
	unsigned long long lo, hi;
	size_t n;

	while (s < end) {
		if ((n = pk_parse_digits(s, (size_t)(end - s), &lo)) == 0)
			return PK_ERR_FORMAT;
		hi = lo;
		s += n;
		if (*s == '-') {
			s++;
			n = pk_parse_digits(s, (size_t)(end - s), &hi);
			if (n == 0)
				return PK_ERR_FORMAT;
			s += n;
		}
		if (hi > 65535 || lo > hi || (*s != ',' && *s != '\0'))
			return PK_ERR_FORMAT;
		if (runs_add(fw, rs, (unsigned)lo, (unsigned)hi, state,
		    reason) == -1)
			return PK_ERR_NOMEM;
		if (*s == ',')
			s++;
	}
	return PK_OK;
}

/* Folded ports a slot has no port list for; hostile counts saturate. */
static void
add_unlisted(uint32_t *u, long count)
{
	if (count <= 0)
		return;
	if ((unsigned long)count >= UINT32_MAX - *u)
		*u = UINT32_MAX;
	else
		*u += (uint32_t)count;
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
			add_unlisted(&hd->unlisted[s], e->count);
		for (j = 0; j < e->nreasons; j++) {
			r = &e->reasons[j];
			proto = r->proto != NULL ? pk_proto_parse(r->proto) :
			    PK_PROTO_TCP;
			if ((s = slot_of(proto, ro)) < 0)
				continue;
			if (r->ports == NULL || e->state == NULL) {
				add_unlisted(&hd->unlisted[s], r->count);
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
int
pk_fwi_host_runs(struct pk_fw *fw, struct fw_held *hd, const struct pk_host *h,
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

static const char *
held_key(const void *arg, size_t i)
{
	const struct pk_fw *fw = arg;

	return fw->order[i]->addr;
}

struct fw_held *
pk_fwi_lookup(const struct pk_fw *fw, const char *addr)
{
	uint32_t *slot;

	if (fw->ix.slot == NULL)
		return NULL;
	slot = pk_index_find_str(&fw->ix, held_key, fw, addr, strlen(addr));
	return *slot != 0 ? fw->order[*slot - 1] : NULL;
}

static struct fw_held *
held_new(struct pk_fw *fw, const char *addr)
{
	struct fw_held *hd;
	uint32_t *slot;
	size_t before = pk_index_bytes(&fw->ix);

	if (pk_index_reserve_str(&fw->ix, fw->norder, 64, held_key, fw) == -1)
		return NULL;
	fw->mem += pk_index_bytes(&fw->ix) - before;
	if (pk_fwi_grow(&fw->order, &fw->ordercap, fw->norder,
	    sizeof(*fw->order)) == -1)
		return NULL;
	if ((hd = calloc(1, sizeof(*hd))) == NULL)
		return NULL;
	if ((hd->addr = strdup(addr)) == NULL) {
		free(hd);
		return NULL;
	}
	slot = pk_index_find_str(&fw->ix, held_key, fw, addr, strlen(addr));
	fw->order[fw->norder++] = hd;
	*slot = (uint32_t)fw->norder;
	fw->mem += sizeof(*hd) + strlen(addr) + 1 + sizeof(hd);
	return hd;
}

const char *
pk_fwi_host_key(const struct pk_host *h)
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

	if ((hd = pk_fwi_lookup(fw, pk_fwi_host_key(h))) == NULL &&
	    (hd = held_new(fw, pk_fwi_host_key(h))) == NULL)
		return PK_ERR_NOMEM;
	for (s = 0; s < NSLOTS; s++)
		before[s] = hd->slot[s].cap;
	rc = pk_fwi_host_runs(fw, hd, h, roles);
	held_shrink(fw, hd, before);
	return rc;
}

size_t
pk_fw_memory(const struct pk_fw *fw)
{
	return fw->mem;
}

void
pk_fwi_held_free(struct fw_held *hd)
{
	int s;

	for (s = 0; s < NSLOTS; s++)
		free(hd->slot[s].v);
	free(hd->addr);
}
