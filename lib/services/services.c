/*
 * services.c - the nmap-services database: strict loading, lookups by
 * port and by name, and nmap's top-ports order.
 *
 * nmap itself reads this file with sscanf and forgives almost anything
 * (port 70000 wraps to 4464, "nan" becomes 0); a tool that claims to
 * reproduce nmap's choices must instead refuse what nmap would misread,
 * so every field is checked by hand here.  Parsing by hand is also what
 * keeps loading the 27,000-line Debian file to a few milliseconds.
 * What a parse made is kept in the per-user cache and read back while
 * the file is unchanged: services_cache.c keeps that copy.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "base/arena.h"
#include "input/input.h"
#include "input/nmapdir.h"
#include "scan/portspec.h"
#include "base/error.h"
#include "base/hash.h"
#include "base/parse.h"
#include "services/services.h"
#include "services/services_cache.h"

struct pk_services {
	char		*name;		/* the file, as the caller named it */
	struct pk_arena	 strings;	/* service names and comments */
	struct pk_service *ents;	/* file order, duplicates dropped */
	size_t		 nents;
	size_t		 cap;
	unsigned long	 dups;
	/*
	 * 1 + index into ents, 0 for none: the O(1) port lookup.  Only
	 * written while loading (seen says whether a port/proto came
	 * before), so each page faults once rather than read as zero first.
	 */
	uint32_t	*byport[SVC_PROTOS];
	unsigned char	*seen;		/* a bit per port/proto, loading */
	/*
	 * Every frequency a decimal of at most 15 digits, maxfrac at most
	 * after the point: svc_sort's keys.
	 */
	int		 deckeys;
	size_t		 maxfrac;
	const struct pk_service **ranked[SVC_PROTOS];
	size_t		 nranked[SVC_PROTOS];
	double		 mass[SVC_PROTOS];
	/* Names, interned: entries of one name sit together in byname. */
	struct svc_name	*names;
	size_t		 nnames;
	size_t		 namecap;
	struct pk_index	 byname_ix;	/* name -> its place in names */
	uint32_t	 nlast;		/* 1 + the last name interned */
	const struct pk_portset *want;	/* loading: the ports kept, or NULL */
	struct svc_img	*img;		/* loading: the cache's copy, or NULL */
	uint32_t	*grp;		/* per entry: its index in names */
	const struct pk_service **byname;
};

struct svc_name {
	const char	*name;
	uint32_t	 first;		/* its run in byname */
	uint32_t	 count;
	uint32_t	 fill;
};

/* Where a parse error sits, for the message. */
struct svc_line {
	const char	*s;
	size_t		 len;
	size_t		 pos;
	unsigned long	 lineno;
};

/* The separators: one table lookup a byte on the 27,000 lines. */
static const unsigned char svc_blank[256] = {
	[' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1
};

static int
svc_isblank(char c)
{
	return svc_blank[(unsigned char)c];
}

/* Skip separators; returns 1 when a field starts at l->pos. */
static inline int
svc_skip(struct svc_line *l)
{
	while (l->pos < l->len && svc_isblank(l->s[l->pos]))
		l->pos++;
	return l->pos < l->len;
}

/* The field at l->pos: its length, l->pos left on it. */
static inline size_t
svc_field(const struct svc_line *l)
{
	const char *p = l->s + l->pos, *q = p, *end = l->s + l->len;

	while (q < end && !svc_isblank(*q))
		q++;
	return (size_t)(q - p);
}

static int PK_PRINTF(4, 5)
svc_fail(struct pk_error *err, const struct svc_line *l, int status,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	status = pk_error_vat(err, status, l->lineno, l->pos + 1, fmt, ap);
	va_end(ap);
	return status;
}

/* The protocols nmap-services knows, spelt exactly. */
static int
svc_proto(const char *s, size_t n)
{
	if (n == 3 && memcmp(s, "tcp", 3) == 0)
		return PK_PROTO_TCP;
	if (n == 3 && memcmp(s, "udp", 3) == 0)
		return PK_PROTO_UDP;
	if (n == 4 && memcmp(s, "sctp", 4) == 0)
		return PK_PROTO_SCTP;
	return -1;
}

/* "22/tcp": strict decimal 0..65535, then a known protocol. */
static int
svc_parse_portproto(struct svc_line *l, struct pk_service *sv,
    struct pk_error *err)
{
	const char *f = l->s + l->pos;
	size_t n = svc_field(l), i;
	unsigned long long port;
	char q[PK_EXCERPT_SIZE];
	int proto;

	/* Leading zeros are allowed: no pk_parse_port, which counts digits. */
	i = pk_parse_digits(f, n, &port);
	if (port > 65535)
		return svc_fail(err, l, PK_ERR_FORMAT,
		    "port out of range 0..65535 in '%s'", pk_excerpt(q, f, n));
	if (i == 0 || i == n || f[i] != '/')
		return svc_fail(err, l, PK_ERR_FORMAT,
		    "bad port/protocol '%s'", pk_excerpt(q, f, n));
	i++;
	proto = svc_proto(f + i, n - i);
	if (proto < 0)
		return svc_fail(err, l, PK_ERR_FORMAT,
		    "unknown protocol in '%s'", pk_excerpt(q, f, n));
	sv->port = (unsigned)port;
	sv->proto = proto;
	l->pos += n;
	return PK_OK;
}

/* A fraction too long for the buffer: its first 40 digits suffice. */
static double
svc_slow_freq(const char *f, size_t n)
{
	char buf[48];

	(void)n;
	memcpy(buf, f, 40);
	buf[40] = '\0';
	return strtod(buf, NULL);
}

/*
 * A frequency is DIGITS [ "." DIGITS ] and at most 1: no sign, exponent,
 * hex, "nan" or "inf".  With up to 15 significant digits the quotient of
 * two exactly representable numbers is the correctly rounded value, the
 * same double strtod gives, so ties compare exactly as they do in nmap;
 * longer fields go through strtod itself.
 */
static int
svc_parse_freq(struct svc_line *l, double *out, size_t *frac,
    struct pk_error *err)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
	    1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	const char *f = l->s + l->pos;
	size_t n = svc_field(l), i = 0, ndig = 0, nfrac = 0;
	uint64_t m = 0, ip = 0, fp = 0;
	double d = 0;
	char buf[64], q[PK_EXCERPT_SIZE];

	for (; i < n && f[i] >= '0' && f[i] <= '9'; i++, ndig++)
		if ((ip = ip * 10 + (uint64_t)(f[i] - '0')) > 1)
			ip = 2;		/* saturate: only <= 1 matters */
	m = ip;
	if (i < n && f[i] == '.' && ndig > 0) {
		for (i++; i < n && f[i] >= '0' && f[i] <= '9'; i++, nfrac++) {
			m = m * 10 + (uint64_t)(f[i] - '0');
			fp |= (uint64_t)(f[i] - '0');
		}
		if (nfrac == 0)
			i = 0;		/* "1." is not a number */
	}
	if (ndig == 0 || i != n)
		return svc_fail(err, l, PK_ERR_FORMAT,
		    "bad frequency '%s'", pk_excerpt(q, f, n));
	/* Range-check the decimal text, not a value rounded to 1.0. */
	if (ip == 0 && ndig + nfrac <= 15)
		d = (double)m / p10[nfrac];
	else if (ip == 1 && fp == 0)
		d = 1.0;
	else if (ip == 0 && n < sizeof(buf)) {
		memcpy(buf, f, n);
		buf[n] = '\0';
		d = strtod(buf, NULL);
	} else if (ip == 0)
		d = svc_slow_freq(f, n);
	else
		d = 2;
	if (!(d <= 1.0))
		return svc_fail(err, l, PK_ERR_FORMAT,
		    "frequency out of range 0..1: '%s'", pk_excerpt(q, f, n));
	*out = d;
	/* Digits after the point of an exact decimal key (svc_sort). */
	*frac = (ip == 0 && ndig + nfrac <= 15) ||
	    (ip == 1 && fp == 0 && nfrac <= 15) ? nfrac : SIZE_MAX;
	l->pos += n;
	return PK_OK;
}

/* At p (before end): the end of the field when it ends there, else NULL. */
static const char *
svc_field_end(const char *p, const char *end)
{
	return p == end || svc_isblank(*p) ? p : NULL;
}

/*
 * The usual shapes of nmap's own lines, read in one walk: "22/tcp" with
 * at most five digits, and a frequency "0.DIGITS" of at most 15 digits.
 * Anything else (or nothing) is left to svc_parse_portproto and
 * svc_parse_freq, which say what is wrong: 1 when read, with l->pos
 * after the field, 0 to take the full path.
 */
static int
svc_fast_portproto(struct svc_line *l, struct pk_service *sv)
{
	const char *f = l->s + l->pos, *p = f, *end = l->s + l->len;
	unsigned port = 0;
	int proto;

	while (p < end && p - f < 5 && *p >= '0' && *p <= '9')
		port = port * 10 + (unsigned)(*p++ - '0');
	if (p == f || port > 65535 || end - p < 4 || *p++ != '/')
		return 0;
	if (memcmp(p, "tcp", 3) == 0)
		proto = PK_PROTO_TCP;
	else if (memcmp(p, "udp", 3) == 0)
		proto = PK_PROTO_UDP;
	else
		return 0;
	if ((p = svc_field_end(p + 3, end)) == NULL)
		return 0;
	sv->port = port;
	sv->proto = proto;
	l->pos = (size_t)(p - l->s);
	return 1;
}

static int
svc_fast_freq(struct svc_line *l, double *out, size_t *frac)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
	    1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	const char *f = l->s + l->pos, *p = f + 2, *end = l->s + l->len;
	uint64_t m = 0;

	if (end - f < 3 || f[0] != '0' || f[1] != '.')
		return 0;
	while (p < end && p - f < 16 && *p >= '0' && *p <= '9')
		m = m * 10 + (uint64_t)(*p++ - '0');
	if (p == f + 2 || svc_field_end(p, end) == NULL)
		return 0;
	/* As svc_parse_freq computes it. */
	*frac = (size_t)(p - f) - 2;
	*out = (double)m / p10[*frac];
	l->pos = (size_t)(p - l->s);
	return 1;
}

/*
 * Fill sv from one non-comment line whose first NUL byte is nul (or
 * NULL); strings are copied by the caller.
 */
static int
svc_parse_line(struct svc_line *l, const char *nul, struct pk_service *sv,
    size_t *namelen, const char **comment, size_t *frac,
    struct pk_error *err)
{
	char q[PK_EXCERPT_SIZE];
	int rc;

	if (nul != NULL) {
		l->pos = (size_t)(nul - l->s);
		return svc_fail(err, l, PK_ERR_FORMAT, "NUL byte in line");
	}
	svc_skip(l);
	sv->name = l->s + l->pos;
	*namelen = svc_field(l);
	l->pos += *namelen;
	if (!svc_skip(l))
		return svc_fail(err, l, PK_ERR_FORMAT,
		    "missing port/protocol after '%s'",
		    pk_excerpt(q, sv->name, *namelen));
	if (!svc_fast_portproto(l, sv) &&
	    (rc = svc_parse_portproto(l, sv, err)) != PK_OK)
		return rc;
	if (!svc_skip(l))
		return svc_fail(err, l, PK_ERR_FORMAT,
		    "missing frequency after '%s'",
		    pk_excerpt(q, sv->name, *namelen));
	if (!svc_fast_freq(l, &sv->freq, frac) &&
	    (rc = svc_parse_freq(l, &sv->freq, frac, err)) != PK_OK)
		return rc;
	*comment = NULL;
	if (svc_skip(l)) {
		if (l->s[l->pos] != '#')
			return svc_fail(err, l, PK_ERR_FORMAT,
			    "unexpected '%s' after the frequency",
			    pk_excerpt(q, l->s + l->pos, svc_field(l)));
		l->pos++;
		svc_skip(l);
		*comment = l->s + l->pos;
	}
	return PK_OK;
}

/* Room for ncap entries (more than now). */
static int
svc_realloc(struct pk_services *svc, size_t ncap)
{
	struct pk_service *p;
	uint32_t *g;

	if ((p = realloc(svc->ents, ncap * sizeof(*p))) == NULL)
		return PK_ERR_NOMEM;
	svc->ents = p;
	if ((g = realloc(svc->grp, ncap * sizeof(*g))) == NULL)
		return PK_ERR_NOMEM;
	svc->grp = g;
	svc->cap = ncap;
	return PK_OK;
}

static int
svc_grow(struct pk_services *svc)
{
	return svc_realloc(svc, svc->cap ? svc->cap * 2 : 4096);
}

/*
 * Room for n entries in all, when the load knows how many it keeps (of
 * the cache's copy, want's few): not the 4,096 a parse starts with.
 */
static int
svc_reserve(struct pk_services *svc, size_t n)
{
	return n <= svc->cap ? PK_OK : svc_realloc(svc, n);
}

static const char *
svc_name_key(const void *arg, size_t i)
{
	const struct pk_services *svc = arg;

	return svc->names[i].name;
}

static uint32_t *
svc_slot(const struct pk_services *svc, const char *s, size_t n)
{
	return pk_index_find_str(&svc->byname_ix, svc_name_key, svc, s, n);
}

/*
 * The index of name in svc->names, added when new; -1 out of memory.
 * Three lines in four have the name of the line before (a port's tcp
 * and udp lines, runs of "unknown"): that one is checked first.
 */
static long
svc_intern(struct pk_services *svc, const char *s, size_t n)
{
	uint32_t *slot;
	struct svc_name *nm;
	size_t ncap;

	if (svc->nlast > 0) {
		nm = &svc->names[svc->nlast - 1];
		if (strncmp(nm->name, s, n) == 0 && nm->name[n] == '\0')
			return (long)svc->nlast - 1;
	}
	if (svc->nnames == svc->namecap) {
		ncap = svc->namecap ? svc->namecap * 2 : 4096;
		if ((nm = realloc(svc->names, ncap * sizeof(*nm))) == NULL)
			return -1;
		svc->names = nm;
		svc->namecap = ncap;
	}
	/* A load keeping want's ports has few names. */
	if (pk_index_reserve_str(&svc->byname_ix, svc->nnames,
	    svc->want != NULL ? 64 : 8192, svc_name_key, svc) == -1)
		return -1;
	slot = svc_slot(svc, s, n);
	if (*slot != 0) {
		svc->nlast = *slot;
		return (long)*slot - 1;
	}
	nm = &svc->names[svc->nnames];
	memset(nm, 0, sizeof(*nm));
	if ((nm->name = pk_arena_strndup(&svc->strings, s, n)) == NULL)
		return -1;
	*slot = (uint32_t)++svc->nnames;
	svc->nlast = *slot;
	return (long)svc->nnames - 1;
}

/*
 * Keep the first of duplicate port/proto lines, as nmap does.  The
 * comment, when there is one, is commentlen bytes long (SIZE_MAX: a
 * string, measured only when kept).
 */
static int
svc_add(struct pk_services *svc, const struct pk_service *sv,
    size_t namelen, size_t commentlen)
{
	struct pk_service *e;
	size_t bit = (size_t)sv->proto * SVC_PORTS + sv->port;
	long g;

	if (svc->seen[bit / 8] & (1u << (bit % 8))) {
		svc->dups++;
		return PK_OK;
	}
	svc->seen[bit / 8] |= (unsigned char)(1u << (bit % 8));
	if (svc->img != NULL)
		svc_img_add(svc->img, sv, namelen, commentlen);
	if (svc->want != NULL && !pk_portset_has(svc->want, sv->proto,
	    sv->port))
		return PK_OK;
	if (svc->nents == svc->cap && svc_grow(svc) != PK_OK)
		return PK_ERR_NOMEM;
	if ((g = svc_intern(svc, sv->name, namelen)) < 0)
		return PK_ERR_NOMEM;
	e = &svc->ents[svc->nents];
	*e = *sv;
	e->name = svc->names[g].name;
	svc->names[g].count++;
	svc->grp[svc->nents] = (uint32_t)g;
	if (sv->comment != NULL && commentlen == SIZE_MAX)
		commentlen = strlen(sv->comment);
	if (sv->comment != NULL && (e->comment = pk_arena_strndup(
	    &svc->strings, sv->comment, commentlen)) == NULL)
		return PK_ERR_NOMEM;
	svc->byport[sv->proto][sv->port] = (uint32_t)++svc->nents;
	return PK_OK;
}

static int
svc_is_comment(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && svc_isblank(s[i]))
		i++;
	return i == len || s[i] == '#';
}

static int
svc_read(struct pk_services *svc, struct pk_input *in, struct pk_error *err)
{
	struct svc_line l;
	struct pk_service sv;
	size_t namelen = 0, frac = 0;
	const char *comment = NULL, *nul;
	int rc;

	while ((rc = pk_input_getline(in, &l.s, &l.len, &l.lineno)) ==
	    PK_OK) {
		nul = memchr(l.s, '\0', l.len);
		if (nul == NULL && svc_is_comment(l.s, l.len))
			continue;
		l.pos = 0;
		memset(&sv, 0, sizeof(sv));
		rc = svc_parse_line(&l, nul, &sv, &namelen, &comment, &frac,
		    err);
		if (rc != PK_OK)
			return rc;
		if (frac > 15)
			svc->deckeys = 0;
		else if (frac > svc->maxfrac)
			svc->maxfrac = frac;
		sv.comment = comment;
		sv.line = l.lineno;
		if ((rc = svc_add(svc, &sv, namelen, comment == NULL ? 0 :
		    l.len - (size_t)(comment - l.s))) != PK_OK) {
			pk_error_set(err, rc, l.lineno, "out of memory");
			return rc;
		}
	}
	if (rc == PK_EOF)
		return PK_OK;
	if (err != NULL) {
		*err = *pk_input_error(in);
		err->line = pk_input_lines(in) + 1;
	}
	return rc;
}

/*
 * Entry indices in nmap's order: frequency descending, file order between
 * equals (nmap sorts a std::list, a stable sort).  A stable LSD radix sort
 * on the bits of the frequency gives that in linear time: a non-negative
 * double orders like its bit pattern, inverted here for descending.
 * When every frequency was a decimal of at most 15 digits, maxfrac of
 * them after the point (six in nmap's file), the key is that decimal as
 * an integer, 10^maxfrac less freq * 10^maxfrac: distinct such decimals
 * are distinct doubles, the product is within 0.25 of the integer, and
 * a key of 20 bits takes three passes instead of eight.
 */
static int
svc_sort(const struct pk_services *svc, uint32_t *out)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
	    1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	size_t i, n = svc->nents, d, cnt[257];
	uint64_t *key = malloc((n + 1) * sizeof(*key)), b, top = UINT64_MAX;
	uint32_t *tmp = malloc((n + 1) * sizeof(*tmp));
	double scale = p10[svc->maxfrac];
	unsigned shift;

	if (key == NULL || tmp == NULL) {
		free(key);
		free(tmp);
		return PK_ERR_NOMEM;
	}
	if (svc->deckeys)
		top = (uint64_t)scale;
	for (i = 0; i < n; i++) {
		if (svc->deckeys)
			key[i] = top - (uint64_t)(svc->ents[i].freq * scale +
			    0.5);
		else {
			memcpy(&b, &svc->ents[i].freq, sizeof(b));
			key[i] = ~b;
		}
		out[i] = (uint32_t)i;
	}
	for (shift = 0; shift < 64 && top >> shift != 0; shift += 8) {
		memset(cnt, 0, sizeof(cnt));
		for (i = 0; i < n; i++)
			cnt[((key[out[i]] >> shift) & 0xff) + 1]++;
		for (d = 0; d < 256 && cnt[d + 1] != n; d++)
			cnt[d + 1] += cnt[d];
		if (d < 256)
			continue;	/* one digit value: nothing moves */
		for (i = 0; i < n; i++)
			tmp[cnt[(key[out[i]] >> shift) & 0xff]++] = out[i];
		memcpy(out, tmp, n * sizeof(*out));
	}
	free(key);
	free(tmp);
	return PK_OK;
}

/* Per-protocol rankings and the by-name runs, both in nmap's order. */
static int
svc_index(struct pk_services *svc)
{
	size_t i, p, k[SVC_PROTOS] = { 0 };
	uint32_t *order, off = 0;
	struct pk_service *e;
	struct svc_name *nm;

	order = malloc((svc->nents + 1) * sizeof(*order));
	svc->byname = malloc((svc->nents + 1) * sizeof(*svc->byname));
	for (p = 0; p < SVC_PROTOS; p++)
		svc->ranked[p] = malloc((svc->nents + 1) *
		    sizeof(*svc->ranked[p]));
	if (order == NULL || svc->byname == NULL || svc->ranked[0] == NULL ||
	    svc->ranked[1] == NULL || svc->ranked[2] == NULL ||
	    svc_sort(svc, order) != PK_OK) {
		free(order);
		return PK_ERR_NOMEM;
	}
	for (i = 0; i < svc->nnames; i++) {
		svc->names[i].first = svc->names[i].fill = off;
		off += svc->names[i].count;
	}
	for (i = 0; i < svc->nents; i++) {
		e = &svc->ents[order[i]];
		p = (size_t)e->proto;
		svc->ranked[p][k[p]++] = e;
		svc->mass[p] += e->freq;
		nm = &svc->names[svc->grp[order[i]]];
		svc->byname[nm->fill++] = e;
	}
	for (p = 0; p < SVC_PROTOS; p++)
		svc->nranked[p] = k[p];
	free(order);
	return PK_OK;
}

static struct pk_services *
svc_new(const char *name)
{
	struct pk_services *svc;
	int p;

	if ((svc = calloc(1, sizeof(*svc))) == NULL)
		return NULL;
	pk_arena_init(&svc->strings, 0);
	svc->name = strdup(name);
	svc->deckeys = 1;
	svc->seen = calloc(SVC_PROTOS * SVC_PORTS / 8, 1);
	for (p = 0; p < SVC_PROTOS; p++)
		svc->byport[p] = calloc(SVC_PORTS, sizeof(uint32_t));
	if (svc->name == NULL || svc->seen == NULL ||
	    svc->byport[0] == NULL || svc->byport[1] == NULL ||
	    svc->byport[2] == NULL) {
		pk_services_free(svc);
		return NULL;
	}
	return svc;
}

/* Room for the n entries of the cache's copy a load keeps. */
static int
svc_room(void *arg, size_t n)
{
	return svc_reserve(arg, n);
}

/*
 * Add an entry of the cache's copy as the parse would.  A port the copy
 * gives twice counts as a duplicate, which refuses it (svc_cached).
 */
static int
svc_take(void *arg, const struct pk_service *sv, size_t namelen)
{
	return svc_add(arg, sv, namelen, SIZE_MAX);
}

/*
 * The table of c's copy, keeping want; NULL when it cannot be used.  The
 * copy is opened (svc_cache_init) before the table is made: a table
 * made and freed for nothing (3 x 256 KB) would raise malloc's mmap
 * threshold, and the parse's growing arrays then be copied, not
 * remapped.
 */
static struct pk_services *
svc_cached(struct svc_cache *c, const char *name,
    const struct pk_portset *want)
{
	struct svc_sink to = { svc_room, svc_take, NULL };
	struct pk_services *svc;
	struct svc_totals t;
	int rc = -1;

	if ((svc = svc_new(name)) != NULL) {
		svc->want = want;
		to.arg = svc;
		rc = svc_cache_read(c, &to, &t);
		svc->want = NULL;
	}
	if (rc != 0 || svc->dups != 0) {
		pk_services_free(svc);
		return NULL;
	}
	svc->dups = t.dups;
	svc->deckeys = t.deckeys;
	svc->maxfrac = t.maxfrac;
	return svc;
}

/*
 * Shared tail of the loaders: read (or take the cached copy when cache
 * is set and there is one of this very file), index, or fail cleanly.
 */
static struct pk_services *
svc_load(struct pk_input *in, const char *name,
    const struct pk_portset *want, const struct pk_limits *lim, int cache,
    struct pk_error *err)
{
	struct pk_services *svc = NULL;
	struct svc_cache c;
	struct svc_totals t;
	int rc = PK_OK;

	if (in == NULL) {
		if (err != NULL)
			err->file = name;
		return NULL;
	}
	if (svc_cache_init(&c, cache ? in : NULL, lim, want))
		svc = svc_cached(&c, name, want);
	if (svc == NULL) {
		if ((svc = svc_new(name)) == NULL) {
			svc_cache_done(&c);
			pk_input_free(in);
			pk_error_set(err, PK_ERR_NOMEM, 0, "out of memory");
			if (err != NULL)
				err->file = name;
			return NULL;
		}
		svc->want = want;
		svc->img = c.dir != NULL ? &c.img : NULL;
		rc = svc_read(svc, in, err);
		svc->want = NULL;
		svc->img = NULL;
		if (rc == PK_OK && c.dir != NULL) {
			t.dups = svc->dups;
			t.deckeys = svc->deckeys;
			t.maxfrac = svc->maxfrac;
			svc_cache_write(&c, &t);
		}
	}
	svc_cache_done(&c);
	pk_input_free(in);
	free(svc->seen);
	svc->seen = NULL;
	if (rc == PK_OK && (rc = svc_index(svc)) != PK_OK)
		pk_error_set(err, rc, 0, "out of memory");
	if (err != NULL)
		err->file = name;
	if (rc != PK_OK) {
		pk_services_free(svc);
		return NULL;
	}
	return svc;
}

struct pk_services *
pk_services_load_ports(const char *path, const struct pk_limits *limits,
    const struct pk_portset *want, struct pk_error *err)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;

	/* Standard input is no file to key a cache on. */
	return svc_load(pk_input_open(path, name, limits, err), name, want,
	    limits, strcmp(path, "-") != 0, err);
}

struct pk_services *
pk_services_load(const char *path, const struct pk_limits *limits,
    struct pk_error *err)
{
	return pk_services_load_ports(path, limits, NULL, err);
}

struct pk_services *
pk_services_load_mem(const void *buf, size_t len, const char *name,
    const struct pk_limits *limits, struct pk_error *err)
{
	return svc_load(pk_input_open_mem(buf, len, name, limits, err),
	    name, NULL, limits, 0, err);
}

void
pk_services_free(struct pk_services *svc)
{
	int p;

	if (svc == NULL)
		return;
	for (p = 0; p < SVC_PROTOS; p++) {
		free(svc->byport[p]);
		free(svc->ranked[p]);
	}
	free(svc->seen);
	free(svc->byname);
	free(svc->ents);
	free(svc->grp);
	free(svc->names);
	pk_index_free(&svc->byname_ix);
	pk_arena_destroy(&svc->strings);
	free(svc->name);
	free(svc);
}

const char *
pk_services_name(const struct pk_services *svc)
{
	return svc->name;
}

unsigned long
pk_services_duplicates(const struct pk_services *svc)
{
	return svc->dups;
}

const struct pk_service *
pk_services_get(const struct pk_services *svc, int proto, unsigned port)
{
	uint32_t i;

	if (proto < 0 || proto >= SVC_PROTOS || port >= SVC_PORTS)
		return NULL;
	i = svc->byport[proto][port];
	return i == 0 ? NULL : &svc->ents[i - 1];
}

size_t
pk_services_byname(const struct pk_services *svc, const char *name,
    const struct pk_service *const **list)
{
	const struct svc_name *nm;
	uint32_t i;

	i = svc->nnames == 0 ? 0 : *svc_slot(svc, name, strlen(name));
	if (i == 0) {
		if (list != NULL)
			*list = svc->byname;
		return 0;
	}
	nm = &svc->names[i - 1];
	if (list != NULL)
		*list = svc->byname + nm->first;
	return nm->count;
}

const struct pk_service *const *
pk_services_ranked(const struct pk_services *svc, int proto, size_t *n)
{
	if (proto < 0 || proto >= SVC_PROTOS) {
		*n = 0;
		return NULL;
	}
	*n = svc->nranked[proto];
	return svc->ranked[proto];
}

size_t
pk_services_top_ratio(const struct pk_services *svc, int proto,
    double ratio)
{
	size_t i, n;
	const struct pk_service *const *r = pk_services_ranked(svc, proto, &n);

	for (i = 0; i < n && r[i]->freq >= ratio; i++)
		continue;
	return i;
}

double
pk_services_mass(const struct pk_services *svc, int proto)
{
	return proto >= 0 && proto < SVC_PROTOS ? svc->mass[proto] : 0;
}

char *
pk_services_locate(const char *datadir, struct pk_error *err)
{
	char *out = NULL;
	int rc;

	rc = pk_nmapdir_find(datadir, "nmap-services", &out);
	if (rc < 0)
		pk_error_set(err, PK_ERR_NOMEM, 0, "out of memory");
	else if (rc == 0)
		pk_error_set(err, PK_ERR_IO, 0,
		    "cannot find nmap-services (tried --datadir, $NMAPDIR, "
		    "~/.nmap, nmap's directory, /usr/share/nmap, "
		    "/usr/local/share/nmap)");
	if (rc <= 0 && err != NULL)
		err->file = "nmap-services";
	return rc > 0 ? out : NULL;
}
