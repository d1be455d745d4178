/*
 * portspec.c - sets of ports and nmap's -p syntax.
 *
 * A set is one 65536-bit bitmap per protocol.  Counting and formatting
 * walk it a 64-bit word at a time, so a full "-" set costs about a
 * thousand word operations rather than 65536 bit tests.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/bits.h"
#include "base/error.h"
#include "base/parse.h"
#include "portkit.h"
#include "scan/portspec.h"

#define NPORTS		65536u
#define NWORDS		(NPORTS / 64)	/* PK_PORTSET_WORDS */
#define MAX_PORT	65535u
#define MAX_IPPROTO	255u
#define ALL_PROTOS	((1u << PK_PROTO_COUNT) - 1)

struct pk_portset {
	uint64_t	 w[PK_PROTO_COUNT][NWORDS];
};

/* A growing string for pk_portspec_format. */
struct strbuf {
	char		*p;
	size_t		 len;
	size_t		 cap;
	int		 nomem;
};

struct pk_portset *
pk_portset_new(void)
{
	return calloc(1, sizeof(struct pk_portset));
}

void
pk_portset_free(struct pk_portset *ps)
{
	free(ps);
}

void
pk_portset_add(struct pk_portset *ps, int proto, unsigned lo, unsigned hi)
{
	uint64_t *w, m;
	unsigned i, last;

	if (ps == NULL || proto < 0 || proto >= PK_PROTO_COUNT)
		return;
	if (hi > MAX_PORT)
		hi = MAX_PORT;
	if (lo > hi)
		return;
	w = ps->w[proto];
	i = lo / 64;
	last = hi / 64;
	m = ~0ULL << (lo % 64);
	for (; i < last; i++) {
		w[i] |= m;
		m = ~0ULL;
	}
	/* The last word: keep bits lo..hi of it, hi % 64 included. */
	w[last] |= m & (~0ULL >> (63 - hi % 64));
}

int
pk_portset_has(const struct pk_portset *ps, int proto, unsigned port)
{
	if (ps == NULL || proto < 0 || proto >= PK_PROTO_COUNT ||
	    port > MAX_PORT)
		return 0;
	return (ps->w[proto][port / 64] >> (port % 64)) & 1;
}

const uint64_t *
pk_portset_words(const struct pk_portset *ps, int proto)
{
	if (ps == NULL || proto < 0 || proto >= PK_PROTO_COUNT)
		return NULL;
	return ps->w[proto];
}

size_t
pk_portset_count(const struct pk_portset *ps, int proto)
{
	size_t n = 0;
	unsigned i;

	if (ps == NULL || proto < -1 || proto >= PK_PROTO_COUNT)
		return 0;
	if (proto == -1) {
		for (proto = 0; proto < PK_PROTO_COUNT; proto++)
			n += pk_portset_count(ps, proto);
		return n;
	}
	for (i = 0; i < NWORDS; i++)
		n += pk_popcount64(ps->w[proto][i]);
	return n;
}

/* --- Parsing ------------------------------------------------------------ */

/* What the parser knows about the item at hand. */
struct pscan {
	const char	*spec;
	const char	*item;		/* start of the item, prefix included */
	size_t		 itemlen;
	unsigned	 targets;	/* protocols the item goes to */
	unsigned	 max;		/* largest number allowed */
	struct pk_error	*err;
};

/*
 * Quote at most 48 bytes of s into dst for a message, control and
 * non-ASCII bytes as \xHH: the spec comes from the command line and the
 * message goes to a terminal.
 */
static const char *
quote(char *dst, size_t dstlen, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i, n = 0;

	for (i = 0; i < len && i < 48 && n + 8 < dstlen; i++) {
		if (p[i] < 0x20 || p[i] >= 0x7f || p[i] == '"' ||
		    p[i] == '\\') {
			dst[n++] = '\\';
			dst[n++] = 'x';
			dst[n++] = hex[p[i] >> 4];
			dst[n++] = hex[p[i] & 15];
		} else
			dst[n++] = (char)p[i];
	}
	if (i < len && n + 4 < dstlen) {
		memcpy(dst + n, "...", 3);
		n += 3;
	}
	dst[n] = '\0';
	return dst;
}

static int
item_error(const struct pscan *sc, const char *why)
{
	char qi[200], qs[200];

	if (sc->err == NULL)
		return PK_ERR_FORMAT;
	pk_error_set(sc->err, PK_ERR_FORMAT, 0, "bad port \"%s\" in \"%s\": %s",
	    quote(qi, sizeof(qi), sc->item, sc->itemlen),
	    quote(qs, sizeof(qs), sc->spec, strlen(sc->spec)), why);
	sc->err->file = NULL;
	return PK_ERR_FORMAT;
}

static int
bad_number(const struct pscan *sc)
{
	size_t i;

	for (i = 0; i < sc->itemlen; i++)
		if ((sc->item[i] >= 'a' && sc->item[i] <= 'z') ||
		    (sc->item[i] >= 'A' && sc->item[i] <= 'Z'))
			return item_error(sc, "not a port number "
			    "(service names are not supported)");
	return item_error(sc, "not a port number");
}

static int
out_of_range(const struct pscan *sc)
{
	return item_error(sc, sc->max == MAX_IPPROTO ?
	    "out of range 0-255" : "out of range 0-65535");
}

/* One parsed item; an open end is resolved per protocol when added. */
struct prange {
	unsigned	 lo;
	unsigned	 hi;
	int		 open_lo;	/* "-M" or "-" */
	int		 open_hi;	/* "N-" or "-" */
};

/* The lowest port an open range starts at: nmap starts IP at 0. */
static unsigned
proto_min(int proto)
{
	return proto == PK_PROTO_IP ? 0 : 1;
}

static unsigned
proto_max(int proto)
{
	return proto == PK_PROTO_IP ? MAX_IPPROTO : MAX_PORT;
}

/* Read the number ending an item at [p, end) into *v. */
static int
item_number(const struct pscan *sc, const char *p, const char *end,
    unsigned *v)
{
	size_t n = (size_t)(end - p);
	unsigned long long val;

	if (n == 0 || pk_parse_digits(p, n, &val) != n)
		return bad_number(sc);
	if (val > sc->max)
		return out_of_range(sc);
	*v = (unsigned)val;
	return PK_OK;
}

/* Parse "N", "N-M", "-M", "N-" or "-" in [p, end). */
static int
parse_range(const struct pscan *sc, const char *p, const char *end,
    struct prange *r)
{
	const char *dash;
	int rc;

	memset(r, 0, sizeof(*r));
	if (p == end)
		return item_error(sc, "no port after the protocol prefix");
	dash = memchr(p, '-', (size_t)(end - p));
	if (dash == NULL) {
		rc = item_number(sc, p, end, &r->lo);
		r->hi = r->lo;
		return rc;
	}
	if (dash == p)
		r->open_lo = 1;
	else if ((rc = item_number(sc, p, dash, &r->lo)) != PK_OK)
		return rc;
	if (dash + 1 == end)
		r->open_hi = 1;
	else if ((rc = item_number(sc, dash + 1, end, &r->hi)) != PK_OK)
		return rc;
	if (!r->open_lo && !r->open_hi && r->lo > r->hi)
		return item_error(sc, "reversed range");
	/* "-0" is empty unless it goes to IP protocols alone. */
	if (r->open_lo && !r->open_hi && r->hi == 0 &&
	    sc->targets != 1u << PK_PROTO_IP)
		return item_error(sc, "reversed range");
	return PK_OK;
}

/* Switch protocols on a "T:" style prefix; *used is what it took. */
static int
parse_prefix(struct pscan *sc, const char *p, const char *end, size_t *used)
{
	static const char letters[] = "TUSP";
	const char *l;

	*used = 0;
	if (end - p < 2 || p[1] != ':')
		return PK_OK;
	if (p[0] == '\0' || (l = strchr(letters, p[0])) == NULL)
		return item_error(sc, "unknown protocol prefix "
		    "(use T:, U:, S: or P:)");
	sc->targets = 1u << (l - letters);
	sc->max = proto_max((int)(l - letters));
	*used = 2;
	return PK_OK;
}

static void
add_range(struct pk_portset *ps, unsigned targets, const struct prange *r)
{
	unsigned lo, hi;
	int proto;

	for (proto = 0; proto < PK_PROTO_COUNT; proto++) {
		if ((targets & (1u << proto)) == 0)
			continue;
		lo = r->open_lo ? proto_min(proto) : r->lo;
		hi = r->open_hi || r->hi > proto_max(proto) ?
		    proto_max(proto) : r->hi;
		pk_portset_add(ps, proto, lo, hi);
	}
}

/* The largest number any protocol in targets accepts. */
static unsigned
targets_max(unsigned targets)
{
	return targets == 1u << PK_PROTO_IP ? MAX_IPPROTO : MAX_PORT;
}

/* One pass over spec; ps NULL only checks. */
static int
parse_pass(struct pk_portset *ps, const char *spec, unsigned protos,
    struct pk_error *err)
{
	struct pscan sc;
	struct prange r;
	const char *p, *end;
	size_t used;
	int rc;

	memset(&sc, 0, sizeof(sc));
	sc.spec = spec;
	sc.err = err;
	sc.targets = protos;
	sc.max = targets_max(protos);
	for (p = spec;; p = end + 1) {
		end = p + strcspn(p, ",");
		sc.item = p;
		sc.itemlen = (size_t)(end - p);
		if (p == end)
			return item_error(&sc, "empty item");
		if ((rc = parse_prefix(&sc, p, end, &used)) != PK_OK)
			return rc;
		if (sc.targets == 0)
			return item_error(&sc, "no protocol selected for "
			    "ports without a T:, U:, S: or P: prefix");
		if ((rc = parse_range(&sc, p + used, end, &r)) != PK_OK)
			return rc;
		if (ps != NULL)
			add_range(ps, sc.targets, &r);
		if (*end == '\0')
			return PK_OK;
	}
}

int
pk_portspec_parse(struct pk_portset *ps, const char *spec, unsigned protos,
    struct pk_error *err)
{
	int rc;

	if (ps == NULL || spec == NULL) {
		pk_error_set(err, PK_ERR_USAGE, 0, "no port set or spec");
		if (err != NULL)
			err->file = NULL;
		return PK_ERR_USAGE;
	}
	/* Check first, so that a bad spec leaves ps as it was. */
	protos &= ALL_PROTOS;
	if ((rc = parse_pass(NULL, spec, protos, err)) != PK_OK)
		return rc;
	return parse_pass(ps, spec, protos, err);
}

/* --- Formatting --------------------------------------------------------- */

/* The first port >= from whose bit equals want, or NPORTS. */
static unsigned
next_bit(const uint64_t *w, unsigned from, int want)
{
	uint64_t x, flip = want ? 0 : ~0ULL;
	unsigned i;

	if (from >= NPORTS)
		return NPORTS;
	i = from / 64;
	x = (w[i] ^ flip) & (~0ULL << (from % 64));
	while (x == 0) {
		if (++i == NWORDS)
			return NPORTS;
		x = w[i] ^ flip;
	}
	return i * 64 + pk_ctz64(x);
}

static void
sb_put(struct strbuf *sb, const char *s, size_t n)
{
	char *np;
	size_t ncap;

	if (sb->nomem)
		return;
	if (sb->cap - sb->len <= n) {
		ncap = sb->cap == 0 ? 256 : sb->cap;
		while (ncap - sb->len <= n)
			ncap *= 2;
		if ((np = realloc(sb->p, ncap)) == NULL) {
			sb->nomem = 1;
			return;
		}
		sb->p = np;
		sb->cap = ncap;
	}
	memcpy(sb->p + sb->len, s, n);
	sb->len += n;
}

static void
sb_uint(struct strbuf *sb, unsigned v)
{
	char tmp[16];
	size_t n = sizeof(tmp);

	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	sb_put(sb, tmp + n, sizeof(tmp) - n);
}

/* Append proto's ports as "1-3,7,9"; a run of two is "7-8", as nmap. */
static void
format_proto(struct strbuf *sb, const struct pk_portset *ps, int proto)
{
	const uint64_t *w = ps->w[proto];
	unsigned lo, hi;
	int first = 1;

	for (lo = next_bit(w, 0, 1); lo < NPORTS; lo = next_bit(w, hi, 1)) {
		hi = next_bit(w, lo, 0);
		if (!first)
			sb_put(sb, ",", 1);
		first = 0;
		sb_uint(sb, lo);
		if (hi - 1 > lo) {
			sb_put(sb, "-", 1);
			sb_uint(sb, hi - 1);
		}
	}
}

char *
pk_portspec_format(const struct pk_portset *ps, int proto)
{
	static const char *const prefix[PK_PROTO_COUNT] = {
		"T:", "U:", "S:", "P:"
	};
	struct strbuf sb = { NULL, 0, 0, 0 };
	int p, any = 0;

	if (ps != NULL && proto >= 0 && proto < PK_PROTO_COUNT)
		format_proto(&sb, ps, proto);
	for (p = 0; ps != NULL && proto == -1 && p < PK_PROTO_COUNT; p++) {
		if (next_bit(ps->w[p], 0, 1) == NPORTS)
			continue;
		if (any++)
			sb_put(&sb, ",", 1);
		sb_put(&sb, prefix[p], 2);
		format_proto(&sb, ps, p);
	}
	sb_put(&sb, "", 1);
	if (sb.nomem) {
		free(sb.p);
		return NULL;
	}
	return sb.p;
}
