/*
 * guard.c - a byte-level watch over XML before libxml2 sees it.
 *
 * Most of an Nmap XML file is runs of short tags, which are skipped by
 * looking at their '<' only, sixteen bytes at a time where SSE2 is at
 * hand (every x86-64; 32 where the CPU has AVX2), else with one memchr
 * per tag; attribute values
 * of longer tags are skipped with memchr, and only names and the gaps
 * between attributes are walked byte by byte, so the watch costs a small
 * fraction of the parse.  The '&' bytes are found with memchr or with
 * the '<', and only a tag holding one that may begin a forbidden
 * reference is walked rather than skipped.
 */
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
/* A wider fast path, chosen at run time (pk_xml_guard_init). */
#if defined(__x86_64__) && (defined(__clang__) || __GNUC__ >= 5)
#define GUARD_AVX2	1
#include <immintrin.h>
/*
 * glibc 2.33 and later say what the CPU has from what its loader found
 * at start; __builtin_cpu_supports links in a constructor that asks the
 * CPU again in every run of every tool, which costs tens of microseconds
 * in a virtual machine, where each CPUID traps to the hypervisor.
 */
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
#include <sys/platform/x86.h>
#define HAS_AVX2()	CPU_FEATURE_ACTIVE(AVX2)
#else
#define HAS_AVX2()	__builtin_cpu_supports("avx2")
#endif
#endif
#endif

#include "base/parse.h"
#include "nmap/guard.h"

enum {
	G_TEXT,		/* character data */
	G_LT,		/* just after '<' */
	G_BANG,		/* after "<!": deciding */
	G_TAG,		/* inside a tag, outside quotes */
	G_QUOTE,	/* inside a quoted value */
	G_COMMENT,	/* inside "<!--", until "-->" */
	G_PI,		/* inside "<?", until "?>" */
	G_CDATA		/* inside "<![CDATA[", until "]]>" */
};

void
pk_xml_guard_init(struct pk_xml_guard *g, size_t max_tag_bytes,
    size_t max_attrs)
{
	memset(g, 0, sizeof(*g));
	g->state = G_TEXT;
	g->max_tag_bytes = max_tag_bytes;
	g->max_attrs = max_attrs;
#ifdef GUARD_AVX2
	g->avx2 = HAS_AVX2();
#endif
}

static void
guard_tag_start(struct pk_xml_guard *g)
{
	g->state = G_LT;
	g->tagbytes = 1;
	g->attrs = 0;
	g->namelen = 0;
	g->name_done = 0;
	g->endtag = 0;
	g->leadlen = 0;
	g->match = 0;
}

/* Advance through a terminator such as "-->"; 1 when it completed. */
static int
guard_term(struct pk_xml_guard *g, char c, const char *term)
{
	size_t tl = strlen(term);

	if (c == term[g->match]) {
		if (++g->match == tl) {
			g->state = G_TEXT;
			return 1;
		}
		return 0;
	}
	/* "--->" and "]]]>": a repeat of the first byte keeps progress. */
	if (c == term[0])
		g->match = (g->match > 0 && term[0] == term[1]) ? g->match : 1;
	else
		g->match = 0;
	return 0;
}

static void
guard_bang(struct pk_xml_guard *g, char c)
{
	g->lead[g->leadlen++] = c;
	if (g->leadlen == 2 && memcmp(g->lead, "--", 2) == 0) {
		g->state = G_COMMENT;
		g->match = 0;
	} else if (g->leadlen == 7 && memcmp(g->lead, "[CDATA[", 7) == 0) {
		g->state = G_CDATA;
		g->match = 0;
	} else if (memcmp(g->lead, "--", g->leadlen < 2 ? g->leadlen : 2)
	    != 0 && memcmp(g->lead, "[CDATA[", g->leadlen) != 0) {
		g->state = G_TAG;	/* <!DOCTYPE ...>: a quoted tag */
		g->name_done = 1;
	}
}

/*
 * Inside a tag, outside quotes.  Only end tags need their name (to see
 * "</nmaprun>"); elsewhere the walk just looks for the next quote or '>'.
 * Returns a guard result; *i moves past what was consumed.
 */
static int
guard_tag(struct pk_xml_guard *g, const char *p, size_t n, size_t *i)
{
	size_t k = *i;
	char c;

	while (!g->name_done && k < n) {
		c = p[k];
		if (c == '>' || c == '"' || c == '\'' || c == ' ' ||
		    c == '\t' || c == '\r' || c == '\n' || c == '/') {
			g->name_done = 1;
			break;
		}
		if (g->namelen < sizeof(g->name) - 1)
			g->name[g->namelen++] = c;
		else
			g->namelen = sizeof(g->name);	/* too long */
		k++;
	}
	while (k < n && p[k] != '>' && p[k] != '"' && p[k] != '\'')
		k++;
	g->tagbytes += k - *i;
	*i = k;
	if (k == n)
		return g->tagbytes > g->max_tag_bytes ? PK_GUARD_TAG_LIMIT :
		    PK_GUARD_OK;
	c = p[k];
	*i = k + 1;
	g->tagbytes++;
	if (g->tagbytes > g->max_tag_bytes)
		return PK_GUARD_TAG_LIMIT;
	if (c == '>') {
		g->state = G_TEXT;
		if (g->endtag && g->namelen == 7 &&
		    memcmp(g->name, "nmaprun", 7) == 0)
			return PK_GUARD_SPLIT;
		return PK_GUARD_OK;
	}
	g->name_done = 1;
	g->quote = c;
	g->state = G_QUOTE;
	if (!g->endtag && ++g->attrs > g->max_attrs)
		return PK_GUARD_ATTR_LIMIT;
	return PK_GUARD_OK;
}

/* The offset of the next '&' at or after i, or n. */
static size_t
next_amp(const char *p, size_t n, size_t i)
{
	const char *q = i < n ? memchr(p + i, '&', n - i) : NULL;

	return q != NULL ? (size_t)(q - p) : n;
}

/* XML 1.0's Char production. */
static int
xml_char(unsigned long v)
{
	return v == 0x9 || v == 0xa || v == 0xd || (v >= 0x20 && v <= 0xd7ff) ||
	    (v >= 0xe000 && v <= 0xfffd) || (v >= 0x10000 && v <= 0x10ffff);
}

/*
 * At p[0] == '&', of n bytes: the length of a character reference to a
 * character XML forbids ("&#x1b;", "&#27;"); 0 for anything else, which
 * libxml2 judges; -1 when the bytes end before it can be told.
 */
static int
bad_charref(const char *p, size_t n)
{
	size_t k, first;
	unsigned long v = 0;
	int d, hex;

	if (n < 3)
		return n > 1 && p[1] != '#' ? 0 : -1;
	if (p[1] != '#')
		return 0;
	/* "&#xa;", the most frequent (script output), at a glance. */
	if (n > 4 && p[2] == 'x' && p[4] == ';' && (p[3] == 'a' || p[3] == 'A'))
		return 0;
	hex = p[2] == 'x';
	first = hex ? 3 : 2;
	for (k = first; k < n && k < PK_GUARD_REF_MAX; k++) {
		d = hex ? pk_hexval(p[k]) : (p[k] >= '0' && p[k] <= '9') ?
		    p[k] - '0' : -1;
		if (d < 0)
			break;
		if (v <= 0x110000)	/* saturates: too large is too large */
			v = v * (hex ? 16 : 10) + (unsigned long)d;
	}
	if (k == n && n < PK_GUARD_REF_MAX)
		return -1;
	if (k == first || k == n || p[k] != ';' || xml_char(v))
		return 0;
	return (int)k + 1;
}

/*
 * The first '&' of [from, to) that may begin a forbidden reference (or
 * one the bytes end inside, unless at_end), else the first '&' at or
 * after to, or n.  amp is the first '&' not yet judged, or one before
 * from.
 */
static size_t
suspect_amp(const char *p, size_t n, size_t from, size_t to, size_t amp,
    int at_end)
{
	int len;

	if (amp < from)
		amp = next_amp(p, n, from);
	while (amp < to) {
		len = bad_charref(p + amp, n - amp);
		if (len > 0 || (len < 0 && !at_end))
			return amp;
		amp = next_amp(p, n, amp + 1);
	}
	return amp;
}

/* The suspect '&' at amp of a value starting at i: what to tell. */
static int
guard_ref(struct pk_xml_guard *g, const char *p, size_t n, size_t i,
    size_t amp)
{
	int len = bad_charref(p + amp, n - amp);

	g->tagbytes += amp - i;
	if (len < 0)
		return PK_GUARD_MORE;
	g->reflen = (size_t)len;
	memcpy(g->ref, p + amp, g->reflen);
	g->ref[g->reflen] = '\0';
	return PK_GUARD_CHARREF;
}

/* How far apart two '<' may be for the tag between to break no limit. */
static size_t
guard_span(const struct pk_xml_guard *g)
{
	return 4 * g->max_attrs < g->max_tag_bytes ? 4 * g->max_attrs :
	    g->max_tag_bytes;
}

/*
 * The fast path.  '<' cannot appear inside an attribute value, so a tag
 * ends before the next '<'; an attribute takes at least four bytes
 * (a=""), so a tag followed by another '<' within 4 * max_attrs bytes can
 * break neither limit and needs no closer look.  Most tags of an Nmap
 * file are like that, start and end tags alike, which spares the walk
 * over their bytes.  "</nmaprun>" (where a document ends), comments,
 * CDATA and processing instructions take the exact path, and so does an
 * end tag whose name runs past the bytes at hand.  k is the byte after
 * '<'; returns the offset of the next '<' when the tag may be skipped,
 * else 0.
 */
static size_t
guard_short_tag(const struct pk_xml_guard *g, const char *p, size_t n,
    size_t k)
{
	size_t span = guard_span(g);
	const char *q;

	if (k >= n || p[k] == '!' || p[k] == '?')
		return 0;
	if (p[k] == '/' && (n - k < 8 || memcmp(p + k + 1, "nmaprun", 7) == 0))
		return 0;
	if (span > n - k)
		span = n - k;
	q = memchr(p + k, '<', span);
	return q != NULL ? (size_t)(q - p) : 0;
}

#if defined(__SSE2__) && defined(__GNUC__)
#define GB	64		/* bytes a block */

static __m128i
gb_eq(__m128i v, char c)
{
	return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

static __m128i
gb_load(const char *p)
{
	return _mm_loadu_si128((const __m128i *)(const void *)p);
}

/*
 * The GB bytes at p, one bit a byte: returns where a '<' is, sets *amp
 * where a '&' is, and *stop where a '<' opens what guard_short_tag sends
 * to the exact walk: "<!", "<?", and "</n", which "</nmaprun>" begins
 * with.  Reads p[0..GB + 2).
 */
static uint64_t
guard_block(const char *p, uint64_t *amp, uint64_t *stop)
{
	__m128i b0, b1, l, after;
	uint64_t lt = 0, am = 0;
	int k;

	for (k = 0; k < GB; k += 16) {
		b0 = gb_load(p + k);
		b1 = gb_load(p + k + 1);
		l = gb_eq(b0, '<');
		after = _mm_or_si128(_mm_or_si128(gb_eq(b1, '!'),
		    gb_eq(b1, '?')), _mm_and_si128(gb_eq(b1, '/'),
		    gb_eq(gb_load(p + k + 2), 'n')));
		lt |= (uint64_t)(unsigned)_mm_movemask_epi8(l) << k;
		/* '&' and the '<' that stop, apart: one mask for both. */
		am |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(
		    gb_eq(b0, '&'), _mm_and_si128(l, after))) << k;
	}
	*amp = am & ~lt;
	*stop = am & lt;
	return lt;
}

/*
 * The fast path of guard_text a block at a time, for runs of short
 * tags: one memchr per tag costs more in mispredicted branches than in
 * instructions.  From the '<' at i - 1, blocks pass while every '<' is
 * at most span bytes after the one before (so no tag can break a
 * limit), nothing in them stops the fast path (block) and no '&' in
 * them may begin a forbidden reference.  Returns the byte after the
 * last '<' of the blocks passed, whose tag guard_short_tag checks; i
 * when none passed.  Inlined into each caller with its own block.
 */
static inline __attribute__((always_inline)) size_t
guard_blocks_by(const struct pk_xml_guard *g, const char *p, size_t n,
    size_t i, uint64_t (*block)(const char *, uint64_t *, uint64_t *))
{
	size_t b, j, prev = i - 1, span = guard_span(g);
	uint64_t lt, amp, stop;

	if (span < GB)
		return i;
	for (b = prev; n - b >= GB + 2; b += GB) {
		lt = block(p + b, &amp, &stop);
		/* With no '<' the next is further than the block's end. */
		if (stop != 0 || b + (size_t)__builtin_ctzll(lt |
		    (uint64_t)1 << (GB - 1)) - prev > span)
			break;
		for (; amp != 0; amp &= amp - 1) {
			j = b + (size_t)__builtin_ctzll(amp);
			if (bad_charref(p + j, n - j) != 0)
				return prev + 1;
		}
		if (lt != 0)
			prev = b + GB - 1 - (size_t)__builtin_clzll(lt);
	}
	return prev + 1;
}

#ifdef GUARD_AVX2
/* guard_block with 32-byte vectors: half the steps where AVX2 exists. */
__attribute__((target("avx2"))) static uint64_t
guard_block_avx2(const char *p, uint64_t *amp, uint64_t *stop)
{
	__m256i b0, b1, l, after;
	uint64_t lt = 0, am = 0;
	int k;

	for (k = 0; k < GB; k += 32) {
		b0 = _mm256_loadu_si256((const __m256i *)(const void *)(p + k));
		b1 = _mm256_loadu_si256((const __m256i *)(const void *)
		    (p + k + 1));
		l = _mm256_cmpeq_epi8(b0, _mm256_set1_epi8('<'));
		after = _mm256_or_si256(_mm256_or_si256(
		    _mm256_cmpeq_epi8(b1, _mm256_set1_epi8('!')),
		    _mm256_cmpeq_epi8(b1, _mm256_set1_epi8('?'))),
		    _mm256_and_si256(_mm256_cmpeq_epi8(b1,
		    _mm256_set1_epi8('/')), _mm256_cmpeq_epi8(
		    _mm256_loadu_si256((const __m256i *)(const void *)
		    (p + k + 2)), _mm256_set1_epi8('n'))));
		lt |= (uint64_t)(uint32_t)_mm256_movemask_epi8(l) << k;
		am |= (uint64_t)(uint32_t)_mm256_movemask_epi8(
		    _mm256_or_si256(_mm256_cmpeq_epi8(b0,
		    _mm256_set1_epi8('&')), _mm256_and_si256(l, after))) << k;
	}
	*amp = am & ~lt;
	*stop = am & lt;
	return lt;
}

__attribute__((target("avx2"))) static size_t
guard_blocks_avx2(const struct pk_xml_guard *g, const char *p, size_t n,
    size_t i)
{
	return guard_blocks_by(g, p, n, i, guard_block_avx2);
}
#endif

static size_t
guard_blocks(const struct pk_xml_guard *g, const char *p, size_t n,
    size_t i)
{
#ifdef GUARD_AVX2
	if (g->avx2)
		return guard_blocks_avx2(g, p, n, i);
#endif
	return guard_blocks_by(g, p, n, i, guard_block);
}
#else
static size_t
guard_blocks(const struct pk_xml_guard *g, const char *p, size_t n,
    size_t i)
{
	(void)g;
	(void)p;
	(void)n;
	return i;
}
#endif

/*
 * Character data and the tags that take the fast path, a block or one
 * memchr per tag at a time: returns where the exact walk must go on, with the state it needs
 * (G_TEXT at the end of the bytes, else G_LT after a '<').  A tag with a
 * suspect '&' (*amp, as for suspect_amp) takes the exact path.
 */
static size_t
guard_text(struct pk_xml_guard *g, const char *p, size_t n, size_t i,
    size_t *amp)
{
	const char *q;
	size_t k;

	if ((q = memchr(p + i, '<', n - i)) == NULL)
		return n;
	i = (size_t)(q - p) + 1;
	for (;;) {
		i = guard_blocks(g, p, n, i);
		if ((k = guard_short_tag(g, p, n, i)) == 0 || (k > *amp &&
		    (*amp = suspect_amp(p, n, i, k, *amp, g->at_end)) < k))
			break;
		i = k + 1;
	}
	guard_tag_start(g);
	return i;
}

int
pk_xml_guard_scan(struct pk_xml_guard *g, const char *p, size_t n,
    size_t *used)
{
	const char *q;
	size_t i = 0, amp = next_amp(p, n, 0), end;
	int rc;

	while (i < n) {
		switch (g->state) {
		case G_TEXT:
			i = guard_text(g, p, n, i, &amp);
			break;
		case G_LT:
			if (p[i] == '?') {
				g->state = G_PI;
				i++;
			} else if (p[i] == '!') {
				g->state = G_BANG;
				i++;
			} else {
				if (p[i] == '/') {
					g->endtag = 1;
					i++;
					g->tagbytes++;
				} else {
					g->name_done = 1;	/* unneeded */
				}
				g->state = G_TAG;
			}
			break;
		case G_BANG:
			guard_bang(g, p[i++]);
			break;
		case G_QUOTE:
			q = memchr(p + i, g->quote, n - i);
			end = q != NULL ? (size_t)(q - p) : n;
			if (amp < end)
				amp = suspect_amp(p, n, i, end, amp, g->at_end);
			if (amp < end) {
				*used = amp;
				return guard_ref(g, p, n, i, amp);
			}
			if (q == NULL) {
				g->tagbytes += n - i;
				i = n;
			} else {
				g->tagbytes += (size_t)(q - (p + i)) + 1;
				i = (size_t)(q - p) + 1;
				g->state = G_TAG;
			}
			if (g->tagbytes > g->max_tag_bytes) {
				*used = i;
				return PK_GUARD_TAG_LIMIT;
			}
			break;
		case G_TAG:
			rc = guard_tag(g, p, n, &i);
			if (rc != PK_GUARD_OK) {
				*used = i;
				return rc;
			}
			break;
		case G_COMMENT:
			(void)guard_term(g, p[i++], "-->");
			break;
		case G_PI:
			(void)guard_term(g, p[i++], "?>");
			break;
		default:
			(void)guard_term(g, p[i++], "]]>");
			break;
		}
	}
	*used = n;
	return PK_GUARD_OK;
}
