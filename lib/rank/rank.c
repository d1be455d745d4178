/*
 * rank.c - rank the ports (services, products) open in scans by the
 * number of distinct hosts where they are open, streaming.
 *
 * A host's keys are the union of all its records (masscan writes one
 * record per open port; a TCP and a UDP scan of the same host are two
 * records).  Telling a new (host, key) from one already counted needs
 * memory per (host, key), which no streaming counter can avoid; so that
 * is kept only when records may repeat a host.  When the caller promises
 * they do not (pk_rank_set_distinct: one nmap run lists each host once),
 * memory is one entry per distinct key and detected name, nothing more.
 * Within one record, a serial number stamped in each entry counts a host
 * once however many of its ports show the key.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/parse.h"
#include "base/proto.h"
#include "rank/rank_impl.h"

#define PORTIX_SIZE	((size_t)PK_PROTO_COUNT * 65536)
#define PAIR_SUB	((uint64_t)1 << 31)	/* pair names a sub, not a key */

const char *const pk_rank_keynames[4] = { "port", "service", "product",
    "category" };

int
pk_rank_key_parse(const char *name)
{
	size_t i;

	for (i = 0; i < 4; i++)
		if (strcmp(name, pk_rank_keynames[i]) == 0)
			return (int)i;
	return -1;
}

const char *
pk_rank_key_name(int key)
{
	return key >= 0 && key <= PK_RANK_CATEGORY ? pk_rank_keynames[key] :
	    NULL;
}

int
pk_rank_states_parse(const char *list, unsigned *mask)
{
	const char *e;
	int b;

	*mask = 0;
	for (; *list != '\0'; list = *e != '\0' ? e + 1 : e) {
		e = list + strcspn(list, ",");
		if ((b = pk_state_parse(list, (size_t)(e - list))) < 0)
			return PK_ERR_FORMAT;
		*mask |= 1u << b;
		if (*e == ',' && e[1] == '\0')
			return PK_ERR_FORMAT;
	}
	return *mask != 0 ? PK_OK : PK_ERR_FORMAT;
}

/* The canonical "open,filtered" form of a mask, in table order. */
void
pk_rank_states_format(unsigned mask, char *buf, size_t len)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < PK_STATE_COUNT; i++)
		if (mask & (1u << i)) {
			if (buf[0] != '\0')
				strncat(buf, ",", len - strlen(buf) - 1);
			strncat(buf, pk_state_names[i], len - strlen(buf) - 1);
		}
}

struct pk_rank *
pk_rank_new(int key, unsigned states)
{
	struct pk_rank *rk;

	if (key < 0 || key > PK_RANK_CATEGORY || states == 0 ||
	    states >= 1u << PK_STATE_COUNT)
		return NULL;
	if ((rk = calloc(1, sizeof(*rk))) == NULL)
		return NULL;
	rk->key = key;
	rk->states = states;
	pk_arena_init(&rk->strings, 0);
	return rk;
}

void
pk_rank_set_ports(struct pk_rank *rk, const struct pk_ports *pt)
{
	rk->ports = pt;
}

int
pk_rank_set_distinct(struct pk_rank *rk, int on)
{
	if (rk->started)
		return PK_ERR_USAGE;
	rk->distinct = on != 0;
	return PK_OK;
}

void
pk_rank_free(struct pk_rank *rk)
{
	size_t i;

	if (rk == NULL)
		return;
	for (i = 0; i < rk->nents; i++)
		free(rk->ents[i].subs);
	free(rk->ents);
	pk_index_free(&rk->kh);
	free(rk->portix);
	free(rk->seen);
	free(rk->pairs);
	free(rk->rows);
	free(rk->subrows);
	pk_arena_destroy(&rk->strings);
	free(rk);
}

unsigned long
pk_rank_hosts(const struct pk_rank *rk)
{
	return rk->hosts;
}

unsigned long
pk_rank_duplicates(const struct pk_rank *rk)
{
	return rk->dups;
}

/* The port index is counted by the pages a ranking can have touched. */
size_t
pk_rank_memory(const struct pk_rank *rk)
{
	size_t n = sizeof(*rk) + rk->strings.used, i;

	n += rk->capents * sizeof(*rk->ents);
	n += pk_index_bytes(&rk->kh);
	n += rk->seen != NULL ? (rk->seenmask + 1) * sizeof(*rk->seen) : 0;
	n += rk->pairs != NULL ? (rk->pairmask + 1) * sizeof(*rk->pairs) : 0;
	if (rk->portix != NULL)
		n += rk->nents * 4096 < PORTIX_SIZE * sizeof(*rk->portix) ?
		    rk->nents * 4096 : PORTIX_SIZE * sizeof(*rk->portix);
	for (i = 0; i < rk->nents; i++)
		n += rk->ents[i].capsubs * sizeof(struct rank_sub);
	return n;
}

/* --- The host table ------------------------------------------------------ */

int
pk_rank_addr_parse(const char *ip, const char *mac, struct rank_addr *k)
{
	memset(k, 0, sizeof(*k));
	if (ip != NULL && inet_pton(AF_INET6, ip, k->a) == 1) {
		k->tag = 1;
		return 1;
	}
	if (ip != NULL && inet_pton(AF_INET, ip, k->a + 12) == 1) {
		k->a[10] = k->a[11] = 0xff;	/* ::ffff:a.b.c.d */
		k->tag = 1;
		return 1;
	}
	if (mac != NULL && pk_parse_mac(mac, k->a) == 0) {
		k->tag = 2;
		return 1;
	}
	return 0;		/* no address: cannot be matched */
}

/* The address as counts files write it: IPv4, IPv6 or a MAC. */
void
pk_rank_addr_text(const struct rank_addr *k, char *buf, size_t len)
{
	static const unsigned char v4[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0xff, 0xff };

	if (k->tag == 2)
		(void)snprintf(buf, len, "%02X:%02X:%02X:%02X:%02X:%02X",
		    k->a[0], k->a[1], k->a[2], k->a[3], k->a[4], k->a[5]);
	else if (memcmp(k->a, v4, sizeof(v4)) == 0)
		(void)inet_ntop(AF_INET, k->a + 12, buf, (socklen_t)len);
	else
		(void)inet_ntop(AF_INET6, k->a, buf, (socklen_t)len);
}

/* The hash of an address ignores its id. */
static uint32_t
rank_addr_hash(const struct rank_addr *k)
{
	return pk_hash(k->a, sizeof(k->a)) ^ k->tag;
}

static int
rank_seen_grow(struct pk_rank *rk)
{
	size_t ncap = rk->seen ? (rk->seenmask + 1) * 2 : 256, i, j;
	struct rank_addr *t = calloc(ncap, sizeof(*t));

	if (t == NULL)
		return PK_ERR_NOMEM;
	for (i = 0; rk->seen != NULL && i <= rk->seenmask; i++) {
		if (rk->seen[i].tag == 0)
			continue;
		j = rank_addr_hash(&rk->seen[i]) & (ncap - 1);
		while (t[j].tag != 0)
			j = (j + 1) & (ncap - 1);
		t[j] = rk->seen[i];
	}
	free(rk->seen);
	rk->seen = t;
	rk->seenmask = ncap - 1;
	return PK_OK;
}

int
pk_rank_seen(struct pk_rank *rk, struct rank_addr *k)
{
	size_t j;
	struct rank_addr *s;

	if ((rk->seen == NULL || rk->nseen * 2 >= rk->seenmask) &&
	    rank_seen_grow(rk) != PK_OK)
		return -1;
	j = rank_addr_hash(k) & rk->seenmask;
	for (; (s = &rk->seen[j])->tag != 0; j = (j + 1) & rk->seenmask)
		if (s->tag == k->tag && memcmp(s->a, k->a, sizeof(k->a)) == 0) {
			k->id = s->id;
			return 1;
		}
	k->id = (uint32_t)++rk->nseen;
	*s = *k;
	return 0;
}

/* --- (host, key) pairs of tracked hosts --------------------------------- */

/*
 * A pair is one integer, looked up for every port a tracked host has:
 * mixing it with one multiply is 5-8% faster in ptop than pk_hash over
 * its eight bytes (measured on 400,000 small hosts).
 */
static uint64_t
rank_pair_hash(uint64_t v)
{
	v ^= v >> 33;			/* a 64-bit finaliser (murmur3) */
	v *= 0xff51afd7ed558ccdULL;
	v ^= v >> 33;
	return v;
}

static int
rank_pairs_grow(struct pk_rank *rk)
{
	size_t ncap = rk->pairs ? (rk->pairmask + 1) * 2 : 1024, i, j;
	uint64_t *t = calloc(ncap, sizeof(*t));

	if (t == NULL)
		return PK_ERR_NOMEM;
	for (i = 0; rk->pairs != NULL && i <= rk->pairmask; i++) {
		if (rk->pairs[i] == 0)
			continue;
		j = rank_pair_hash(rk->pairs[i]) & (ncap - 1);
		while (t[j] != 0)
			j = (j + 1) & (ncap - 1);
		t[j] = rk->pairs[i];
	}
	free(rk->pairs);
	rk->pairs = t;
	rk->pairmask = ncap - 1;
	return PK_OK;
}

/* 1 when the current host gets what (a key or sub) for the first time. */
static int
rank_pair_add(struct pk_rank *rk, uint64_t what)
{
	uint64_t v = (uint64_t)rk->cur << 32 | what;
	size_t j;

	if ((rk->pairs == NULL || rk->npairs * 2 >= rk->pairmask) &&
	    rank_pairs_grow(rk) != PK_OK)
		return -1;
	j = rank_pair_hash(v) & rk->pairmask;
	for (; rk->pairs[j] != 0; j = (j + 1) & rk->pairmask)
		if (rk->pairs[j] == v)
			return 0;
	rk->pairs[j] = v;
	rk->npairs++;
	return 1;
}

/*
 * Whether the record being counted brings a host to this key (or sub)
 * for the first time: once per record by the stamp, once per host by
 * the pair set when the host is tracked.
 */
static int
rank_first(struct pk_rank *rk, unsigned long *stamp, uint64_t what)
{
	if (*stamp == rk->serial)
		return 0;
	*stamp = rk->serial;
	return rk->cur == 0 ? 1 : rank_pair_add(rk, what);
}

/* --- Key entries --------------------------------------------------------- */

static const char *
rank_ent_key(const void *arg, size_t i)
{
	const struct pk_rank *rk = arg;

	return rk->ents[i].key;
}

static struct rank_ent *
rank_ent_new(struct pk_rank *rk, const char *key, size_t n, uint32_t *slot)
{
	struct rank_ent *e;

	if (rk->nents == rk->capents) {
		size_t ncap = rk->capents ? rk->capents * 2 : 256;

		if ((e = realloc(rk->ents, ncap * sizeof(*e))) == NULL)
			return NULL;
		rk->ents = e;
		rk->capents = ncap;
	}
	e = &rk->ents[rk->nents];
	memset(e, 0, sizeof(*e));
	e->proto = -1;
	if ((e->key = pk_arena_strndup(&rk->strings, key, n)) == NULL)
		return NULL;
	*slot = (uint32_t)++rk->nents;
	return e;
}

struct rank_ent *
pk_rank_ent(struct pk_rank *rk, const char *key, size_t n)
{
	uint32_t *slot;

	if (pk_index_reserve_str(&rk->kh, rk->nents, 256, rank_ent_key,
	    rk) == -1)
		return NULL;
	slot = pk_index_find_str(&rk->kh, rank_ent_key, rk, key, n);
	if (*slot != 0)
		return &rk->ents[*slot - 1];
	return rank_ent_new(rk, key, n, slot);
}

/*
 * The entry of a port, through a direct index: a scan of every port of
 * many hosts (--state closed with extraports) meets the same few
 * thousand ports again and again, and formatting "80/tcp" to hash it
 * each time would cost more than reading the scan.
 */
static struct rank_ent *
rank_port_ent(struct pk_rank *rk, int proto, unsigned port)
{
	char key[32];
	struct rank_ent *e;
	uint32_t *slot;

	if (rk->portix == NULL &&
	    (rk->portix = calloc(PORTIX_SIZE, sizeof(*rk->portix))) == NULL)
		return NULL;
	slot = &rk->portix[(size_t)proto * 65536 + port];
	if (*slot != 0)
		return &rk->ents[*slot - 1];
	(void)snprintf(key, sizeof(key), "%u/%s", port, pk_proto_name(proto));
	if ((e = pk_rank_ent(rk, key, strlen(key))) == NULL)
		return NULL;
	e->proto = proto;
	e->port = port;
	*slot = (uint32_t)(e - rk->ents) + 1;
	return e;
}

/* Sub-names per key are few (a port shows a handful of services). */
struct rank_sub *
pk_rank_sub(struct pk_rank *rk, struct rank_ent *e, const char *name)
{
	struct rank_sub *s;
	size_t i;

	for (i = 0; i < e->nsubs; i++)
		if (strcmp(e->subs[i].name, name) == 0)
			return &e->subs[i];
	if (e->nsubs == e->capsubs) {
		size_t ncap = e->capsubs ? e->capsubs * 2 : 4;

		if ((s = realloc(e->subs, ncap * sizeof(*s))) == NULL)
			return NULL;
		e->subs = s;
		e->capsubs = ncap;
	}
	s = &e->subs[e->nsubs];
	memset(s, 0, sizeof(*s));
	if ((s->name = pk_arena_strndup(&rk->strings, name,
	    strlen(name))) == NULL)
		return NULL;
	s->id = rk->nsubids++;
	e->nsubs++;
	return s;
}

/* --- Counting hosts ------------------------------------------------------ */

/*
 * Whether a port state counts.  The answer for the last state string is
 * kept: a host's folded ports share one, and a host of 65535 ports would
 * otherwise compare it 65535 times.  The cache is cleared per record, as
 * the strings are lent only until the next one.
 */
static int
rank_state_ok(struct pk_rank *rk, const char *state)
{
	int b;

	if (state == NULL)
		return 0;
	if (state == rk->okstate)
		return rk->okval;
	b = pk_state_parse(state, strlen(state));
	rk->okstate = state;
	rk->okval = b >= 0 && (rk->states & (1u << b)) != 0;
	return rk->okval;
}

/*
 * Only a detected name counts as a service: nmap's guess from the port
 * number (method "table") would rank "down" and "pharos" on a SYN scan.
 */
static int
rank_detected(const struct pk_rank *rk, const struct pk_port *p)
{
	return pk_port_detected(p, rk->versions);
}

/* The key entry and sub-name of a port; *e NULL when it has no key. */
static int
rank_port_key(struct pk_rank *rk, const struct pk_port *p,
    struct rank_ent **e, char *sub, size_t sublen)
{
	const char *pn = pk_proto_name(p->proto), *name;
	char key[512];

	sub[0] = '\0';
	*e = NULL;
	if (rk->key == PK_RANK_PORT) {
		if (p->service != NULL && rank_detected(rk, p) &&
		    (name = pk_port_service(p, sub, sublen)) != sub)
			(void)snprintf(sub, sublen, "%s", name);
		if (pn == NULL || p->port > 65535)
			return PK_OK;
		*e = rank_port_ent(rk, p->proto, p->port);
	} else if (rk->key == PK_RANK_SERVICE) {
		if (p->service == NULL || !rank_detected(rk, p))
			return PK_OK;
		name = pk_port_service(p, key, sizeof(key));
		(void)snprintf(sub, sublen, "%u/%s", p->port, pn ? pn : "?");
		*e = pk_rank_ent(rk, name, strlen(name));
	} else {
		if (p->product == NULL)
			return PK_OK;
		if (p->service != NULL &&
		    (name = pk_port_service(p, sub, sublen)) != sub)
			(void)snprintf(sub, sublen, "%s", name);
		*e = pk_rank_ent(rk, p->product, strlen(p->product));
	}
	return *e == NULL ? PK_ERR_NOMEM : PK_OK;
}

/* Count the host once under key, and sub (when not empty) under it. */
static int
rank_count_key(struct pk_rank *rk, struct rank_ent *e, const char *sub)
{
	struct rank_sub *s;
	int rc;

	if ((rc = rank_first(rk, &e->stamp, (uint64_t)(e - rk->ents))) < 0)
		return PK_ERR_NOMEM;
	e->hosts += (unsigned long)rc;
	if (sub[0] == '\0')
		return PK_OK;
	if ((s = pk_rank_sub(rk, e, sub)) == NULL ||
	    (rc = rank_first(rk, &s->stamp, PAIR_SUB | s->id)) < 0)
		return PK_ERR_NOMEM;
	s->hosts += (unsigned long)rc;
	return PK_OK;
}

/*
 * By category: the port counts under each of its categories in the port
 * table, with port/proto as the detected name.  No table, no category.
 */
static int
rank_count_categories(struct pk_rank *rk, const struct pk_port *p)
{
	const struct pk_portcat *c = pk_ports_get(rk->ports, p->proto,
	    p->port);
	const char *q, *end;
	struct rank_ent *e;
	char sub[32];
	int rc;

	if (c == NULL || c->category[0] == '\0')
		return PK_OK;
	(void)snprintf(sub, sizeof(sub), "%u/%s", p->port,
	    pk_proto_name(p->proto));
	for (q = c->category; ; q = end + 1) {
		if ((end = strchr(q, ',')) == NULL)
			end = q + strlen(q);
		if ((e = pk_rank_ent(rk, q, (size_t)(end - q))) == NULL ||
		    (rc = rank_count_key(rk, e, sub)) != PK_OK)
			return PK_ERR_NOMEM;
		if (*end == '\0')
			return PK_OK;
	}
}

static int
rank_count_port(struct pk_rank *rk, const struct pk_port *p)
{
	char sub[512];
	struct rank_ent *e;
	int rc;

	if (!rank_state_ok(rk, p->state))
		return PK_OK;
	if (rk->key == PK_RANK_CATEGORY)
		return rank_count_categories(rk, p);
	if (rk->key != PK_RANK_PORT && p->service == NULL &&
	    p->product == NULL)
		return PK_OK;	/* fast path for folded, unnamed ports */
	if ((rc = rank_port_key(rk, p, &e, sub, sizeof(sub))) != PK_OK)
		return rc;
	return e != NULL ? rank_count_key(rk, e, sub) : PK_OK;
}

static int
rank_count_folded(void *arg, const struct pk_port *p)
{
	return rank_count_port(arg, p);
}

/* Folded ports carry no service: a port or category ranking uses them. */
static int
rank_count_extraports(struct pk_rank *rk, const struct pk_host *h)
{
	size_t i;
	int rc;

	if (rk->key != PK_RANK_PORT && rk->key != PK_RANK_CATEGORY)
		return PK_OK;
	for (i = 0; i < h->nextraports; i++)
		if (rank_state_ok(rk, h->extraports[i].state))
			break;
	if (i == h->nextraports)
		return PK_OK;
	rc = pk_extraports_foreach(h, rank_count_folded, rk);
	/* A bad range list loses the folded ports, not the host. */
	return rc == PK_ERR_NOMEM ? rc : PK_OK;
}

/* Which host the record is: rk->cur, and whether it was counted before. */
static int
rank_which_host(struct pk_rank *rk, const struct pk_host *h)
{
	struct rank_addr k;
	int rc;

	rk->cur = 0;
	if (rk->distinct || !pk_rank_addr_parse(h->host, h->mac, &k))
		return 0;	/* untracked: a new host */
	if ((rc = pk_rank_seen(rk, &k)) < 0)
		return PK_ERR_NOMEM;
	rk->cur = k.id;
	return rc;
}

int
pk_rank_add(struct pk_rank *rk, const struct pk_host *h)
{
	size_t i;
	int rc, again;

	if (h->status != NULL && strcmp(h->status, "up") != 0)
		return PK_OK;
	rk->started = 1;
	rk->okstate = NULL;
	rk->versions = pk_scan_versions(h->scan);
	if ((again = rank_which_host(rk, h)) < 0)
		return PK_ERR_NOMEM;
	if (again)
		rk->dups++;
	else
		rk->hosts++;
	rk->serial++;
	for (i = 0; i < h->nports; i++)
		if ((rc = rank_count_port(rk, &h->ports[i])) != PK_OK)
			return rc;
	if ((rc = rank_count_extraports(rk, h)) != PK_OK)
		return rc;
	return again ? PK_EOF : PK_OK;
}

/* --- Sorted rows --------------------------------------------------------- */

static int
rank_cmp_row(const void *a, const void *b)
{
	const struct pk_rank_row *x = a, *y = b;

	if (x->hosts != y->hosts)
		return x->hosts > y->hosts ? -1 : 1;
	if (x->proto >= 0 && y->proto >= 0) {
		if (x->port != y->port)
			return x->port < y->port ? -1 : 1;
		return x->proto - y->proto;
	}
	return strcmp(x->key, y->key);
}

static int
rank_cmp_sub(const void *a, const void *b)
{
	const struct pk_rank_sub *x = a, *y = b;

	if (x->hosts != y->hosts)
		return x->hosts > y->hosts ? -1 : 1;
	return strcmp(x->name, y->name);
}

struct pk_portset *
pk_rank_ports(const struct pk_rank *rk)
{
	struct pk_portset *ps;
	size_t i;

	if ((ps = pk_portset_new()) == NULL)
		return NULL;
	for (i = 0; i < rk->nents; i++)
		if (rk->ents[i].proto >= 0)
			pk_portset_add(ps, rk->ents[i].proto,
			    rk->ents[i].port, rk->ents[i].port);
	return ps;
}

const struct pk_rank_row *
pk_rank_rows(struct pk_rank *rk, size_t *n)
{
	size_t i, j, nsub = 0;
	struct pk_rank_row *r;
	struct pk_rank_sub *s;

	for (i = 0; i < rk->nents; i++)
		nsub += rk->ents[i].nsubs;
	free(rk->rows);
	free(rk->subrows);
	rk->rows = malloc((rk->nents + 1) * sizeof(*rk->rows));
	rk->subrows = malloc((nsub + 1) * sizeof(*rk->subrows));
	if (rk->rows == NULL || rk->subrows == NULL) {
		*n = 0;
		return NULL;
	}
	for (i = 0, s = rk->subrows; i < rk->nents; i++) {
		r = &rk->rows[i];
		r->key = rk->ents[i].key;
		r->proto = rk->ents[i].proto;
		r->port = rk->ents[i].port;
		r->hosts = rk->ents[i].hosts;
		r->subs = s;
		r->nsubs = rk->ents[i].nsubs;
		for (j = 0; j < r->nsubs; j++, s++) {
			s->name = rk->ents[i].subs[j].name;
			s->hosts = rk->ents[i].subs[j].hosts;
		}
		qsort(s - r->nsubs, r->nsubs, sizeof(*s), rank_cmp_sub);
	}
	qsort(rk->rows, rk->nents, sizeof(*rk->rows), rank_cmp_row);
	*n = rk->nents;
	return rk->rows;
}
