/*
 * services_cache.c - nmap-services' parsed entries in the per-user
 * cache: the layout of the copy, making it while services.c parses,
 * writing it, and reading it back, whole or only the records and
 * strings of the ports a load keeps, every field checked before use
 * (SECURITY.md).  What it reads goes back through the functions
 * services.c passes in (struct svc_sink): this file calls none of its.
 *
 * A parsed file is kept in the per-user cache (input/cache.c), so that
 * nmap-services is checked line by line once per version of the file
 * rather than in every run of ptop (most of its fixed cost).  The
 * payload: a struct img_hdr; a bit for each port and protocol the file
 * names (IMG_MAPWORDS words, tcp's ports first) and, for each word, the
 * number of ports named before it (uint32_t); for each entry the
 * parse kept (file order, duplicates dropped, before want) the index of
 * its struct img_rec; the records, sorted by protocol and port; then a
 * block of NUL-terminated names and comments in the records' order.
 * Limits that could have failed the parse are part of what must match.
 * A load that keeps only want's ports (ptop ranking a scan) reads the
 * map, then only the records and strings of those ports: input/cache.c
 * checks the sums of just the blocks it reads.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "base/arena.h"
#include "base/bits.h"
#include "input/cache.h"
#include "input/input.h"
#include "scan/portspec.h"
#include "services/services.h"
#include "services/services_cache.h"

struct img_hdr {
	uint32_t	 nrecs;
	uint32_t	 deckeys;
	uint32_t	 maxfrac;
	uint32_t	 zero;
	uint64_t	 dups;
	uint64_t	 strlen;
	uint64_t	 maxline;	/* pk_limits max_line_bytes */
	uint64_t	 maxinput;	/* pk_limits max_input_bytes */
};

struct img_rec {
	double		 freq;
	uint32_t	 line;
	uint32_t	 name;		/* offsets into the block */
	uint32_t	 comment;	/* IMG_NONE: no comment */
	uint16_t	 port;
	uint8_t		 proto;
	uint8_t		 namelen;	/* longer names: no cache */
};

#define IMG_NONE	UINT32_MAX
/* Bump when the payload's meaning changes; sizes are checked apart. */
#define IMG_VERSION	2
#define IMG_LAYOUT	((uint32_t)(sizeof(struct img_rec) | \
	    sizeof(struct img_hdr) << 8))
#define IMG_MAPWORDS	(SVC_PROTOS * SVC_PORTS / 64)
/*
 * Payload offsets: the map, its bases, the file order, the records, the
 * strings.
 */
#define IMG_MAP		sizeof(struct img_hdr)
#define IMG_BASE	(IMG_MAP + IMG_MAPWORDS * sizeof(uint64_t))
#define IMG_ORDER	(IMG_BASE + IMG_MAPWORDS * sizeof(uint32_t))
#define IMG_RECS(n)	(IMG_ORDER + (size_t)(n) * sizeof(uint32_t))
#define IMG_STR(n)	(IMG_RECS(n) + (size_t)(n) * sizeof(struct img_rec))

/*
 * Append the string s (n bytes and its NUL) to the strings at str, of
 * *slen bytes so far: its offset.
 */
static uint32_t
svc_img_put(char *str, size_t *slen, const char *s, size_t n)
{
	size_t off = *slen;

	memcpy(str + off, s, n);
	str[off + n] = '\0';
	*slen = off + n + 1;
	return (uint32_t)off;
}

/* Append s[0..n) and a NUL to the block; its offset, IMG_NONE on failure. */
static uint32_t
svc_img_str(struct svc_img *im, const char *s, size_t n)
{
	size_t ncap, off = im->strlen;
	char *p;

	if (n >= PK_CACHE_MAX || off + n + 1 > PK_CACHE_MAX)
		return IMG_NONE;
	if (off + n + 1 > im->strcap) {
		ncap = im->strcap ? im->strcap * 2 : 65536;
		while (ncap < off + n + 1)
			ncap *= 2;
		if ((p = realloc(im->str, ncap)) == NULL)
			return IMG_NONE;
		im->str = p;
		im->strcap = ncap;
	}
	return svc_img_put(im->str, &im->strlen, s, n);
}

void
svc_img_add(struct svc_img *im, const struct pk_service *sv, size_t namelen,
    size_t commentlen)
{
	struct img_rec *r;
	size_t ncap;

	if (im->failed)
		return;
	if (im->nrecs == im->reccap) {
		ncap = im->reccap ? im->reccap * 2 : 4096;
		if ((r = realloc(im->recs, ncap * sizeof(*r))) == NULL) {
			im->failed = 1;
			return;
		}
		im->recs = r;
		im->reccap = ncap;
	}
	r = &im->recs[im->nrecs];
	memset(r, 0, sizeof(*r));
	r->freq = sv->freq;
	r->line = (uint32_t)sv->line;
	r->port = (uint16_t)sv->port;
	r->proto = (uint8_t)sv->proto;
	r->namelen = (uint8_t)namelen;
	/* Most names are the last one again (tcp and udp lines). */
	if (im->lastname != 0 && im->recs[im->nrecs - 1].namelen == namelen &&
	    memcmp(im->str + im->lastname - 1, sv->name, namelen) == 0)
		r->name = im->lastname - 1;
	else
		r->name = svc_img_str(im, sv->name, namelen);
	im->lastname = r->name + 1;
	r->comment = sv->comment == NULL ? IMG_NONE :
	    svc_img_str(im, sv->comment, commentlen);
	if (namelen > UINT8_MAX || sv->line > UINT32_MAX ||
	    r->name == IMG_NONE || (sv->comment != NULL &&
	    r->comment == IMG_NONE))
		im->failed = 1;
	im->nrecs++;
}

/*
 * c's key for in, and its directory (c->dir stays NULL when none); its
 * copy opened, read whole unless want: partial reads check only the
 * blocks they read.
 */
int
svc_cache_init(struct svc_cache *c, struct pk_input *in,
    const struct pk_limits *lim, const struct pk_portset *want)
{
	memset(c, 0, sizeof(*c));
	c->f.fd = -1;
	pk_limits_fill(&c->lim, lim);
	c->want = want;
	if (in == NULL || (c->dir = pk_cache_open(pk_input_fd(in), NULL,
	    "services", IMG_VERSION, IMG_LAYOUT, &c->key)) == NULL)
		return 0;
	if (want != NULL)
		return pk_cache_open_file(c->dir, &c->key, &c->f) == 0;
	c->buf = pk_cache_read(c->dir, &c->key, &c->len);
	return c->buf != NULL;
}

/* Close c's copy (again: a no-op). */
static void
svc_cache_close(struct svc_cache *c)
{
	pk_cache_close(&c->f);
	free(c->buf);
	c->buf = NULL;
}

void
svc_cache_done(struct svc_cache *c)
{
	svc_cache_close(c);
	free(c->dir);
	free(c->img.recs);
	free(c->img.str);
}

/*
 * The records of im in port order, at buf's IMG_RECS(n), each at the
 * rank of its port among those map names (base: the ports before each
 * word), its index at IMG_ORDER in file order; their strings after
 * them, in that order.  The strings' length, the last name shared by
 * the records after it that have the same name.
 */
static size_t
svc_img_sort(const struct svc_img *im, const uint64_t *map,
    const uint32_t *base, char *buf)
{
	const size_t n = im->nrecs;
	char *recs = buf + IMG_RECS(n), *str = buf + IMG_STR(n);
	struct img_rec r, last;
	size_t i, bit, slen = 0;
	uint32_t k;

	for (i = 0; i < n; i++) {
		bit = (size_t)im->recs[i].proto * SVC_PORTS + im->recs[i].port;
		k = base[bit / 64] + (uint32_t)pk_popcount64(map[bit / 64] &
		    (((uint64_t)1 << (bit % 64)) - 1));
		memcpy(buf + IMG_ORDER + i * sizeof(k), &k, sizeof(k));
		memcpy(recs + (size_t)k * sizeof(r), &im->recs[i], sizeof(r));
	}
	memset(&last, 0, sizeof(last));
	for (i = 0; i < n; i++) {
		memcpy(&r, recs + i * sizeof(r), sizeof(r));
		if (i > 0 && last.namelen == r.namelen && memcmp(str +
		    last.name, im->str + r.name, r.namelen) == 0)
			r.name = last.name;
		else
			r.name = svc_img_put(str, &slen, im->str + r.name,
			    r.namelen);
		if (r.comment != IMG_NONE)
			r.comment = svc_img_put(str, &slen, im->str +
			    r.comment, strlen(im->str + r.comment));
		memcpy(recs + i * sizeof(r), &r, sizeof(r));
		last = r;
	}
	return slen;
}

/*
 * The payload for the copy im made while parsing, with the parse's
 * totals t, malloc'ed, its length in *lenp; NULL when it cannot be made.
 */
static char *
svc_img_build(const struct svc_img *im, const struct svc_totals *t,
    const struct svc_cache *c, size_t *lenp)
{
	struct img_hdr h;
	uint64_t *map;
	uint32_t *base;
	size_t i, w, bit, cap, nsum = 0;
	char *buf = NULL;

	/* The map and, per word, the ports before it (36 KB): not stack. */
	if ((map = calloc(IMG_MAPWORDS, sizeof(*map) + sizeof(*base))) ==
	    NULL)
		return NULL;
	base = (uint32_t *)(map + IMG_MAPWORDS);
	/* The most the strings can take: no name shared. */
	cap = IMG_STR(im->nrecs);
	for (i = 0; i < im->nrecs; i++) {
		bit = (size_t)im->recs[i].proto * SVC_PORTS +
		    im->recs[i].port;
		map[bit / 64] |= (uint64_t)1 << (bit % 64);
		cap += (size_t)im->recs[i].namelen + 1;
		if (im->recs[i].comment != IMG_NONE)
			cap += strlen(im->str + im->recs[i].comment) + 1;
	}
	for (w = 0; w < IMG_MAPWORDS; w++) {
		base[w] = (uint32_t)nsum;
		nsum += pk_popcount64(map[w]);
	}
	if (cap <= PK_CACHE_MAX && (buf = malloc(cap)) != NULL) {
		memset(&h, 0, sizeof(h));
		h.nrecs = (uint32_t)im->nrecs;
		h.deckeys = (uint32_t)t->deckeys;
		h.maxfrac = (uint32_t)t->maxfrac;
		h.dups = t->dups;
		h.strlen = svc_img_sort(im, map, base, buf);
		h.maxline = c->lim.max_line_bytes;
		h.maxinput = c->lim.max_input_bytes;
		memcpy(buf, &h, sizeof(h));
		memcpy(buf + IMG_MAP, map, IMG_MAPWORDS * sizeof(*map));
		memcpy(buf + IMG_BASE, base, IMG_MAPWORDS * sizeof(*base));
		*lenp = IMG_STR(im->nrecs) + (size_t)h.strlen;
	}
	free(map);
	return buf;
}

void
svc_cache_write(struct svc_cache *c, const struct svc_totals *t)
{
	size_t len = 0;
	char *buf;

	if (c->img.failed || c->img.nrecs > UINT32_MAX)
		return;
	if ((buf = svc_img_build(&c->img, t, c, &len)) != NULL)
		pk_cache_write(c->dir, &c->key, buf, len);
	free(buf);
}

/* Whether a payload of len bytes with header h fits the limits of c. */
static int
svc_img_hdr(const struct svc_cache *c, const struct img_hdr *h, size_t len)
{
	return h->deckeys <= 1 && h->maxfrac <= 15 && h->zero == 0 &&
	    h->maxline == c->lim.max_line_bytes &&
	    h->maxinput == c->lim.max_input_bytes &&
	    h->strlen <= PK_CACHE_MAX && h->nrecs <= PK_CACHE_MAX /
	    sizeof(struct img_rec) && len == IMG_STR(h->nrecs) + h->strlen &&
	    (h->nrecs == 0 || h->strlen > 0);
}

/*
 * Whether the fields of record r are sound and its strings start inside
 * the block (whose last byte is a NUL); its name's end is the caller's.
 */
static inline int
svc_rec_ok(const struct img_rec *r, const struct img_hdr *h)
{
	return r->name < h->strlen && h->strlen - r->name > r->namelen &&
	    (r->comment == IMG_NONE || r->comment < h->strlen) &&
	    r->proto < SVC_PROTOS && r->freq >= 0 && r->freq <= 1 &&
	    r->line > 0;
}

/* Hand the entry of record r, its strings name and comment, to to. */
static int
svc_rec_take(const struct svc_sink *to, const struct img_rec *r,
    const char *name, const char *comment)
{
	struct pk_service sv;

	memset(&sv, 0, sizeof(sv));
	sv.name = name;
	sv.port = r->port;
	sv.proto = (int)r->proto;
	sv.freq = r->freq;
	sv.line = (unsigned long)r->line;
	sv.comment = comment;
	return to->take(to->arg, &sv, r->namelen);
}

/* The parse's totals of header h. */
static void
svc_img_totals(const struct img_hdr *h, struct svc_totals *t)
{
	t->dups = (unsigned long)h->dups;
	t->deckeys = (int)h->deckeys;
	t->maxfrac = h->maxfrac;
}

/*
 * Hand back the entries of c's whole copy in file order, checking every
 * field on the way: 0, or -1 when anything is out of place.
 */
static int
svc_img_load(const struct svc_cache *c, const struct svc_sink *to,
    struct svc_totals *t)
{
	const char *buf = c->buf;
	const size_t len = c->len;
	const char *str, *recs;
	struct img_hdr h;
	struct img_rec r;
	uint64_t last = 0;
	uint32_t k;
	size_t i;

	if (len < sizeof(h))
		return -1;
	memcpy(&h, buf, sizeof(h));
	if (!svc_img_hdr(c, &h, len) || (h.nrecs > 0 && buf[len - 1] != '\0'))
		return -1;
	recs = buf + IMG_RECS(h.nrecs);
	str = buf + IMG_STR(h.nrecs);
	for (i = 0; i < h.nrecs; i++) {
		memcpy(&k, buf + IMG_ORDER + i * sizeof(k), sizeof(k));
		if (k >= h.nrecs)
			return -1;
		memcpy(&r, recs + (size_t)k * sizeof(r), sizeof(r));
		/* Rising lines: no record is taken twice. */
		if (!svc_rec_ok(&r, &h) || str[r.name + r.namelen] != '\0' ||
		    r.line <= last)
			return -1;
		last = r.line;
		if (svc_rec_take(to, &r, str + r.name, r.comment == IMG_NONE ?
		    NULL : str + r.comment) != 0)
			return -1;
	}
	svc_img_totals(&h, t);
	return 0;
}

/* An entry want keeps: its record, the copies of its strings. */
struct svc_pick {
	struct img_rec	 r;
	uint32_t	 rank;		/* its record's index */
	uint32_t	 key;		/* proto * SVC_PORTS + port */
	const char	*name, *comment;
};

static int
svc_pick_cmp(const void *a, const void *b)
{
	const struct svc_pick *x = a, *y = b;

	return x->r.line < y->r.line ? -1 : x->r.line > y->r.line;
}

/*
 * The picks of want's ports the map names, in port order, the count in
 * *np: base[w], the number of ports the map names before its word w,
 * gives each its record without counting the bits of every word before
 * (a call a word: there is no popcount instruction without -march).
 * NULL when out of memory or a record's index is not below nrecs.
 */
static struct svc_pick *
svc_img_picks(const uint64_t *map, const uint32_t *base,
    const struct pk_portset *want, size_t nrecs, size_t *np)
{
	struct svc_pick *pk, *q;
	const uint64_t *ww[SVC_PROTOS];
	uint64_t m;
	size_t p, w, i, n = 0, rank;
	unsigned b;

	for (p = 0; p < SVC_PROTOS; p++) {
		if ((ww[p] = pk_portset_words(want, (int)p)) == NULL)
			return NULL;
		for (w = 0; w < SVC_PORTS / 64; w++)
			if ((m = map[p * (SVC_PORTS / 64) + w] & ww[p][w]) != 0)
				n += pk_popcount64(m);
	}
	if ((pk = calloc(n + 1, sizeof(*pk))) == NULL)
		return NULL;
	q = pk;
	for (p = 0; p < SVC_PROTOS; p++)
		for (w = 0; w < SVC_PORTS / 64; w++) {
			i = p * (SVC_PORTS / 64) + w;
			for (m = map[i] & ww[p][w]; m != 0; m &= m - 1, q++) {
				b = pk_ctz64(m);
				rank = (size_t)base[i] + pk_popcount64(map[i] &
				    (((uint64_t)1 << b) - 1));
				if (rank >= nrecs) {
					free(pk);
					return NULL;
				}
				q->key = (uint32_t)(p * SVC_PORTS + w * 64 + b);
				q->rank = (uint32_t)rank;
			}
		}
	*np = n;
	return pk;
}

/*
 * The string at offset off of the strings' block (at payload offset str,
 * slen bytes), copied into a: it must end inside the block.  NULL when
 * it does not, or a read fails.
 */
static const char *
svc_img_cstr(struct pk_cache_file *f, size_t str, size_t slen,
    size_t off, struct pk_arena *a)
{
	const char *p, *nul;
	size_t want = 128, n;

	for (;;) {
		n = slen - off < want ? slen - off : want;
		if ((p = pk_cache_get(f, str + off, n)) == NULL)
			return NULL;
		if ((nul = memchr(p, '\0', n)) != NULL)
			return pk_arena_strndup(a, p, (size_t)(nul - p));
		if (n == slen - off)
			return NULL;
		want *= 2;
	}
}

/*
 * Fill the picks' records and strings from f, checking each: 0 or -1.
 * The records and the strings are read in port order, as they lie.
 */
static int
svc_img_fill(struct pk_cache_file *f, const struct img_hdr *h,
    struct svc_pick *pk, size_t n, struct pk_arena *a)
{
	const size_t str = IMG_STR(h->nrecs);
	const char *p;
	size_t i;

	for (i = 0; i < n; i++) {
		if (pk[i].rank >= h->nrecs || (p = pk_cache_get(f,
		    IMG_RECS(h->nrecs) + (size_t)pk[i].rank *
		    sizeof(struct img_rec), sizeof(struct img_rec))) == NULL)
			return -1;
		memcpy(&pk[i].r, p, sizeof(pk[i].r));
		if (!svc_rec_ok(&pk[i].r, h) || (uint32_t)pk[i].r.proto *
		    SVC_PORTS + pk[i].r.port != pk[i].key)
			return -1;
	}
	for (i = 0; i < n; i++) {
		pk[i].name = svc_img_cstr(f, str, (size_t)h->strlen,
		    pk[i].r.name, a);
		if (pk[i].name == NULL ||
		    strlen(pk[i].name) != pk[i].r.namelen)
			return -1;
		if (pk[i].r.comment != IMG_NONE && (pk[i].comment =
		    svc_img_cstr(f, str, (size_t)h->strlen, pk[i].r.comment,
		    a)) == NULL)
			return -1;
	}
	return 0;
}

/*
 * Hand back the entries of want's ports from c's copy in file order,
 * reading no more of it than they need; each field read is checked as
 * svc_img_load does.  0, or -1 when anything is out of place.
 */
static int
svc_img_want(struct svc_cache *c, const struct svc_sink *to,
    struct svc_totals *t)
{
	struct pk_cache_file *f = &c->f;
	struct svc_pick *pk = NULL;
	struct pk_arena a;
	struct img_hdr h;
	const void *p;
	size_t i, n = 0;
	int rc = -1;

	pk_arena_init(&a, 0);
	/*
	 * The header, the map and its bases lie together: one read.  A
	 * string is read up to its NUL, within the block (svc_img_cstr).
	 */
	if ((p = pk_cache_get(f, 0, IMG_ORDER)) == NULL)
		goto out;
	memcpy(&h, p, sizeof(h));
	if (!svc_img_hdr(c, &h, f->paylen) ||
	    (pk = svc_img_picks((const uint64_t *)((const char *)p + IMG_MAP),
	    (const uint32_t *)((const char *)p + IMG_BASE), c->want, h.nrecs,
	    &n)) == NULL || svc_img_fill(f, &h, pk, n, &a) == -1)
		goto out;
	qsort(pk, n, sizeof(*pk), svc_pick_cmp);
	if (to->room(to->arg, n) != 0)
		goto out;
	for (i = 0; i < n; i++)
		if ((i > 0 && pk[i].r.line == pk[i - 1].r.line) ||
		    svc_rec_take(to, &pk[i].r, pk[i].name,
		    pk[i].comment) != 0)
			goto out;
	svc_img_totals(&h, t);
	rc = 0;
out:
	free(pk);
	pk_arena_destroy(&a);
	return rc;
}

int
svc_cache_read(struct svc_cache *c, const struct svc_sink *to,
    struct svc_totals *t)
{
	int rc;

	rc = c->want != NULL ? svc_img_want(c, to, t) : svc_img_load(c, to, t);
	svc_cache_close(c);
	return rc;
}
