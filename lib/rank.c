/*
 * rank.c - rank the ports (services, products) open in scans by the
 * number of distinct hosts where they are open, streaming.
 *
 * Memory is one entry per distinct key (with its detected sub-names) plus
 * 17 bytes per distinct host address, needed to count a host once when
 * several inputs hold it.  Nothing is kept per (host, port): a host is
 * counted from the first record seen for its address, and later records
 * of the same address are skipped.  The per-host work uses a serial
 * number stamped in each key entry, so no per-host key set is built.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "arena.h"
#include "input.h"
#include "pk_error.h"

#define RANK_MAGIC	"# ptop counts 1"

static const char *const rank_states[] = { "open", "closed", "filtered",
    "unfiltered", "open|filtered", "closed|filtered" };
#define RANK_NSTATES	(sizeof(rank_states) / sizeof(rank_states[0]))

static const char *const rank_keys[] = { "port", "service", "product" };

struct rank_sub {
	const char	*name;
	unsigned long	 hosts;
	unsigned long	 stamp;		/* last host serial counted */
};

struct rank_ent {
	const char	*key;
	int		 proto;
	unsigned	 port;
	unsigned long	 hosts;
	unsigned long	 stamp;
	struct rank_sub	*subs;
	size_t		 nsubs;
	size_t		 capsubs;
};

/* A host address: 16 bytes (IPv4 mapped into IPv6) and a tag. */
struct rank_addr {
	unsigned char	 a[16];
	unsigned char	 tag;		/* 0 empty, 1 IP, 2 MAC */
};

struct pk_rank {
	int		 key;
	unsigned	 states;
	struct pk_arena	 strings;
	struct rank_ent	*ents;
	size_t		 nents;
	size_t		 capents;
	uint32_t	*kh;		/* 1 + index into ents, 0 empty */
	size_t		 khmask;
	struct rank_addr *seen;
	size_t		 nseen;
	size_t		 seenmask;
	unsigned long	 hosts;
	unsigned long	 dups;
	unsigned long	 serial;
	struct pk_rank_row *rows;
	struct pk_rank_sub *subrows;
};

int
pk_rank_key_parse(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(rank_keys) / sizeof(rank_keys[0]); i++)
		if (strcmp(name, rank_keys[i]) == 0)
			return (int)i;
	return -1;
}

const char *
pk_rank_key_name(int key)
{
	return key >= 0 && key <= PK_RANK_PRODUCT ? rank_keys[key] : NULL;
}

static int
rank_state_bit(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < RANK_NSTATES; i++)
		if (strlen(rank_states[i]) == n &&
		    memcmp(rank_states[i], s, n) == 0)
			return (int)i;
	return -1;
}

int
pk_rank_states_parse(const char *list, unsigned *mask)
{
	const char *e;
	int b;

	*mask = 0;
	for (; *list != '\0'; list = *e != '\0' ? e + 1 : e) {
		e = list + strcspn(list, ",");
		if ((b = rank_state_bit(list, (size_t)(e - list))) < 0)
			return PK_ERR_FORMAT;
		*mask |= 1u << b;
		if (*e == ',' && e[1] == '\0')
			return PK_ERR_FORMAT;
	}
	return *mask != 0 ? PK_OK : PK_ERR_FORMAT;
}

/* The canonical "open,filtered" form of a mask, in table order. */
static void
rank_states_format(unsigned mask, char *buf, size_t len)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < RANK_NSTATES; i++)
		if (mask & (1u << i)) {
			if (buf[0] != '\0')
				strncat(buf, ",", len - strlen(buf) - 1);
			strncat(buf, rank_states[i], len - strlen(buf) - 1);
		}
}

struct pk_rank *
pk_rank_new(int key, unsigned states)
{
	struct pk_rank *rk;

	if (key < 0 || key > PK_RANK_PRODUCT || states == 0)
		return NULL;
	if ((rk = calloc(1, sizeof(*rk))) == NULL)
		return NULL;
	rk->key = key;
	rk->states = states;
	pk_arena_init(&rk->strings, 0);
	return rk;
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
	free(rk->kh);
	free(rk->seen);
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

size_t
pk_rank_memory(const struct pk_rank *rk)
{
	size_t n = sizeof(*rk) + rk->strings.used, i;

	n += rk->capents * sizeof(*rk->ents);
	n += rk->kh != NULL ? (rk->khmask + 1) * sizeof(*rk->kh) : 0;
	n += rk->seen != NULL ? (rk->seenmask + 1) * sizeof(*rk->seen) : 0;
	for (i = 0; i < rk->nents; i++)
		n += rk->ents[i].capsubs * sizeof(struct rank_sub);
	return n;
}

static uint32_t
rank_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (n-- > 0)
		h = (h ^ *s++) * 16777619u;
	return h;
}

/* --- The set of host addresses already counted ------------------------ */

static int
rank_addr_key(const char *ip, const char *mac, struct rank_addr *k)
{
	unsigned m[6];
	int i;

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
	if (mac != NULL && sscanf(mac, "%2x:%2x:%2x:%2x:%2x:%2x",
	    &m[0], &m[1], &m[2], &m[3], &m[4], &m[5]) == 6) {
		for (i = 0; i < 6; i++)
			k->a[i] = (unsigned char)m[i];
		k->tag = 2;
		return 1;
	}
	return 0;		/* no address: cannot be matched, count it */
}

/* The address as counts files write it: IPv4, IPv6 or a MAC. */
static void
rank_addr_text(const struct rank_addr *k, char *buf, size_t len)
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

static int
rank_seen_grow(struct pk_rank *rk)
{
	size_t ncap = rk->seen ? (rk->seenmask + 1) * 2 : 1024, i, j;
	struct rank_addr *t = calloc(ncap, sizeof(*t));

	if (t == NULL)
		return PK_ERR_NOMEM;
	for (i = 0; rk->seen != NULL && i <= rk->seenmask; i++) {
		if (rk->seen[i].tag == 0)
			continue;
		j = rank_hash(&rk->seen[i], sizeof(rk->seen[i])) & (ncap - 1);
		while (t[j].tag != 0)
			j = (j + 1) & (ncap - 1);
		t[j] = rk->seen[i];
	}
	free(rk->seen);
	rk->seen = t;
	rk->seenmask = ncap - 1;
	return PK_OK;
}

/* 1 when k was already counted, 0 when it is new (and now recorded). */
static int
rank_seen(struct pk_rank *rk, const struct rank_addr *k)
{
	size_t j;

	if ((rk->seen == NULL || rk->nseen * 2 >= rk->seenmask) &&
	    rank_seen_grow(rk) != PK_OK)
		return -1;
	j = rank_hash(k, sizeof(*k)) & rk->seenmask;
	for (; rk->seen[j].tag != 0; j = (j + 1) & rk->seenmask)
		if (memcmp(&rk->seen[j], k, sizeof(*k)) == 0)
			return 1;
	rk->seen[j] = *k;
	rk->nseen++;
	return 0;
}

/* --- Key entries --------------------------------------------------------- */

static int
rank_kh_grow(struct pk_rank *rk)
{
	size_t ncap = rk->kh ? (rk->khmask + 1) * 2 : 256, i, j;
	uint32_t *t = calloc(ncap, sizeof(*t));
	const char *key;

	if (t == NULL)
		return PK_ERR_NOMEM;
	for (i = 0; i < rk->nents; i++) {
		key = rk->ents[i].key;
		j = rank_hash(key, strlen(key)) & (ncap - 1);
		while (t[j] != 0)
			j = (j + 1) & (ncap - 1);
		t[j] = (uint32_t)i + 1;
	}
	free(rk->kh);
	rk->kh = t;
	rk->khmask = ncap - 1;
	return PK_OK;
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

/* The entry for key (n bytes), created when new; NULL out of memory. */
static struct rank_ent *
rank_ent(struct pk_rank *rk, const char *key, size_t n)
{
	size_t j;
	const char *k;

	if ((rk->kh == NULL || rk->nents * 2 >= rk->khmask) &&
	    rank_kh_grow(rk) != PK_OK)
		return NULL;
	j = rank_hash(key, n) & rk->khmask;
	for (; rk->kh[j] != 0; j = (j + 1) & rk->khmask) {
		k = rk->ents[rk->kh[j] - 1].key;
		if (strncmp(k, key, n) == 0 && k[n] == '\0')
			return &rk->ents[rk->kh[j] - 1];
	}
	return rank_ent_new(rk, key, n, &rk->kh[j]);
}

/* Sub-names per key are few (a port shows a handful of services). */
static struct rank_sub *
rank_sub(struct pk_rank *rk, struct rank_ent *e, const char *name)
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
	e->nsubs++;
	return s;
}

/* --- Counting hosts ------------------------------------------------------ */

static int
rank_state_ok(const struct pk_rank *rk, const char *state)
{
	int b;

	if (state == NULL)
		return 0;
	b = rank_state_bit(state, strlen(state));
	return b >= 0 && (rk->states & (1u << b)) != 0;
}

/* The key and sub-name a port contributes; 0 when it has no key. */
static int
rank_port_key(const struct pk_rank *rk, const struct pk_port *p,
    char *key, size_t keylen, char *sub, size_t sublen)
{
	const char *pn = pk_proto_name(p->proto);

	sub[0] = '\0';
	switch (rk->key) {
	case PK_RANK_PORT:
		(void)snprintf(key, keylen, "%u/%s", p->port, pn ? pn : "?");
		if (p->service != NULL)
			(void)snprintf(sub, sublen, "%s%s", p->tunnel != NULL &&
			    strcmp(p->tunnel, "ssl") == 0 ? "ssl/" : "",
			    p->service);
		return 1;
	case PK_RANK_SERVICE:
		if (p->service == NULL)
			return 0;
		(void)snprintf(key, keylen, "%s%s", p->tunnel != NULL &&
		    strcmp(p->tunnel, "ssl") == 0 ? "ssl/" : "", p->service);
		(void)snprintf(sub, sublen, "%u/%s", p->port, pn ? pn : "?");
		return 1;
	default:
		if (p->product == NULL)
			return 0;
		(void)snprintf(key, keylen, "%s", p->product);
		if (p->service != NULL)
			(void)snprintf(sub, sublen, "%s", p->service);
		return 1;
	}
}

static int
rank_count_port(struct pk_rank *rk, const struct pk_port *p)
{
	char key[512], sub[512];
	struct rank_ent *e;
	struct rank_sub *s;

	if (!rank_state_ok(rk, p->state) ||
	    !rank_port_key(rk, p, key, sizeof(key), sub, sizeof(sub)))
		return PK_OK;
	if ((e = rank_ent(rk, key, strlen(key))) == NULL)
		return PK_ERR_NOMEM;
	if (rk->key == PK_RANK_PORT) {
		e->proto = p->proto;
		e->port = p->port;
	}
	if (e->stamp != rk->serial) {	/* once per host */
		e->stamp = rk->serial;
		e->hosts++;
	}
	if (sub[0] == '\0')
		return PK_OK;
	if ((s = rank_sub(rk, e, sub)) == NULL)
		return PK_ERR_NOMEM;
	if (s->stamp != rk->serial) {
		s->stamp = rk->serial;
		s->hosts++;
	}
	return PK_OK;
}

int
pk_rank_add(struct pk_rank *rk, const struct pk_host *h)
{
	struct rank_addr k;
	size_t i;
	int rc;

	if (h->status != NULL && strcmp(h->status, "up") != 0)
		return PK_OK;
	if (rank_addr_key(h->host, h->mac, &k)) {
		if ((rc = rank_seen(rk, &k)) < 0)
			return PK_ERR_NOMEM;
		if (rc == 1) {
			rk->dups++;
			return PK_EOF;
		}
	}
	rk->hosts++;
	rk->serial++;
	for (i = 0; i < h->nports; i++)
		if ((rc = rank_count_port(rk, &h->ports[i])) != PK_OK)
			return rc;
	return PK_OK;
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

/* --- Partial counts: write and merge ------------------------------------ */

/* TSV escaping of one field: \t \n \r \\ as two characters. */
static int
rank_put(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		const char *esc = *s == '\t' ? "\\t" : *s == '\n' ? "\\n" :
		    *s == '\r' ? "\\r" : *s == '\\' ? "\\\\" : NULL;

		if (esc != NULL ? fputs(esc, out) < 0 : putc(*s, out) == EOF)
			return PK_ERR_IO;
	}
	return PK_OK;
}

int
pk_rank_write_counts(const struct pk_rank *rk, FILE *out)
{
	char st[128], addr[64];
	size_t i, j;
	const struct rank_ent *e;

	rank_states_format(rk->states, st, sizeof(st));
	fprintf(out, "%s\tby=%s\tstates=%s\n", RANK_MAGIC,
	    rank_keys[rk->key], st);
	fprintf(out, "hosts\t%lu\n", rk->hosts);
	for (i = 0; rk->seen != NULL && i <= rk->seenmask; i++)
		if (rk->seen[i].tag != 0) {
			rank_addr_text(&rk->seen[i], addr, sizeof(addr));
			fprintf(out, "addr\t%s\n", addr);
		}
	for (i = 0; i < rk->nents; i++) {
		e = &rk->ents[i];
		fputs("key\t", out);
		rank_put(out, e->key);
		fprintf(out, "\t%lu\n", e->hosts);
		for (j = 0; j < e->nsubs; j++) {
			fputs("sub\t", out);
			rank_put(out, e->key);
			putc('\t', out);
			rank_put(out, e->subs[j].name);
			fprintf(out, "\t%lu\n", e->subs[j].hosts);
		}
	}
	return ferror(out) ? PK_ERR_IO : PK_OK;
}

/* Undo rank_put in place over s[0..n); returns the new length. */
static size_t
rank_unescape(char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			s[o++] = s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' :
			    s[i] == 'r' ? '\r' : s[i];
		} else
			s[o++] = s[i];
	}
	return o;
}

/* Split line into at most max tab-separated fields, unescaped, NUL-ended. */
static size_t
rank_split(char *line, char **f, size_t max)
{
	size_t n = 0, len;
	char *p = line, *t;

	for (;;) {
		t = strchr(p, '\t');
		len = t != NULL ? (size_t)(t - p) : strlen(p);
		if (n == max)
			return max + 1;
		f[n++] = p;
		p[rank_unescape(p, len)] = '\0';
		if (t == NULL)
			return n;
		p = t + 1;
	}
}

static int
rank_number(const char *s, unsigned long *v)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	*v = strtoul(s, &end, 10);
	return *end == '\0' ? 0 : -1;
}

/* The port/proto of a "80/tcp" key, for port-ordered ties. */
static void
rank_key_port(struct rank_ent *e)
{
	char *slash;
	unsigned long port;

	slash = strchr(e->key, '/');
	if (slash == NULL || (port = strtoul(e->key, NULL, 10)) > 65535)
		return;
	e->port = (unsigned)port;
	e->proto = pk_proto_parse(slash + 1);
}

/*
 * Counts are sums, so a host counted in two shards would count twice:
 * every counted address is listed, and one seen again fails the merge
 * instead of silently disagreeing with a single run over all inputs.
 */
static int
rank_merge_addr(struct pk_rank *rk, const char *text, struct pk_error *err,
    unsigned long lineno)
{
	struct rank_addr k;
	int rc;

	if (!rank_addr_key(text, text, &k)) {
		pk_error_set(err, PK_ERR_FORMAT, lineno, "bad address '%s'",
		    text);
		return PK_ERR_FORMAT;
	}
	if ((rc = rank_seen(rk, &k)) == 0)
		return PK_OK;
	if (rc < 0)
		pk_error_set(err, PK_ERR_NOMEM, lineno, "out of memory");
	else
		pk_error_set(err, PK_ERR_USAGE, lineno, "host %s is counted "
		    "in another counts file too: shard by host", text);
	return rc < 0 ? PK_ERR_NOMEM : PK_ERR_USAGE;
}

static int
rank_merge_line(struct pk_rank *rk, char *line, struct pk_error *err,
    unsigned long lineno)
{
	char *f[5];
	size_t n = rank_split(line, f, 4);
	unsigned long v;
	struct rank_ent *e;
	struct rank_sub *s;

	if (n == 2 && strcmp(f[0], "hosts") == 0 && rank_number(f[1], &v) == 0) {
		rk->hosts += v;
		return PK_OK;
	}
	if (n == 2 && strcmp(f[0], "addr") == 0)
		return rank_merge_addr(rk, f[1], err, lineno);
	if (n == 3 && strcmp(f[0], "key") == 0 && rank_number(f[2], &v) == 0) {
		if ((e = rank_ent(rk, f[1], strlen(f[1]))) == NULL)
			goto nomem;
		if (rk->key == PK_RANK_PORT)
			rank_key_port(e);
		e->hosts += v;
		return PK_OK;
	}
	if (n == 4 && strcmp(f[0], "sub") == 0 && rank_number(f[3], &v) == 0) {
		if ((e = rank_ent(rk, f[1], strlen(f[1]))) == NULL ||
		    (s = rank_sub(rk, e, f[2])) == NULL)
			goto nomem;
		s->hosts += v;
		return PK_OK;
	}
	pk_error_set(err, PK_ERR_FORMAT, lineno, "bad counts line");
	return PK_ERR_FORMAT;
nomem:
	pk_error_set(err, PK_ERR_NOMEM, lineno, "out of memory");
	return PK_ERR_NOMEM;
}

static int
rank_merge_header(const struct pk_rank *rk, const char *line, size_t len,
    struct pk_error *err)
{
	char want[256], st[128];

	rank_states_format(rk->states, st, sizeof(st));
	(void)snprintf(want, sizeof(want), "%s\tby=%s\tstates=%s",
	    RANK_MAGIC, rank_keys[rk->key], st);
	if (len == strlen(want) && memcmp(line, want, len) == 0)
		return PK_OK;
	if (len < strlen(RANK_MAGIC) || memcmp(line, RANK_MAGIC,
	    strlen(RANK_MAGIC)) != 0)
		pk_error_set(err, PK_ERR_FORMAT, 1, "not a ptop counts file");
	else
		pk_error_set(err, PK_ERR_USAGE, 1,
		    "counts made with other options (want by=%s states=%s)",
		    rank_keys[rk->key], st);
	return err != NULL ? err->status : PK_ERR_FORMAT;
}

/* One line after the header, copied so it can be split in place. */
static int
rank_merge_copy(struct pk_rank *rk, const char *line, size_t len,
    unsigned long lineno, struct pk_error *err)
{
	char *buf;
	int rc;

	if ((buf = malloc(len + 1)) == NULL) {
		pk_error_set(err, PK_ERR_NOMEM, lineno, "out of memory");
		return PK_ERR_NOMEM;
	}
	memcpy(buf, line, len);
	buf[len] = '\0';
	rc = rank_merge_line(rk, buf, err, lineno);
	free(buf);
	return rc;
}

int
pk_rank_merge(struct pk_rank *rk, const char *path, struct pk_error *err)
{
	struct pk_input *in;
	const char *line;
	size_t len;
	unsigned long lineno = 0;
	int rc;

	if (err != NULL)
		err->status = PK_OK;	/* tells our errors from the input's */
	if ((in = pk_input_open(path, NULL, NULL, err)) == NULL) {
		if (err != NULL)
			err->file = path;
		return err != NULL ? err->status : PK_ERR_IO;
	}
	while ((rc = pk_input_getline(in, &line, &len, &lineno)) == PK_OK) {
		rc = lineno == 1 ? rank_merge_header(rk, line, len, err) :
		    rank_merge_copy(rk, line, len, lineno, err);
		if (rc != PK_OK)
			break;
	}
	if (rc == PK_EOF && lineno == 0)
		pk_error_set(err, rc = PK_ERR_FORMAT, 0, "empty counts file");
	else if (rc == PK_EOF)
		rc = PK_OK;
	else if (lineno == 0 || (err != NULL && err->status != rc)) {
		if (err != NULL)
			*err = *pk_input_error(in);
	}
	pk_input_free(in);
	if (err != NULL)
		err->file = path;
	return rc;
}
