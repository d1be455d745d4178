/*
 * products.c - split grepable output's version field with the product
 * names nmap can print.
 *
 * nmap -oG writes product, version and extrainfo as one field:
 * "OpenSSH 9.2p1 Debian 2+deb12u3 (protocol 2.0)".  The extrainfo is the
 * trailing parenthesised part; where the product ends is known only from
 * the names nmap has: the p/.../ fields of nmap-service-probes' match
 * lines.  A name with a $1 (filled from the banner) stands for one word
 * there: "AXIS $1 camera httpd" is "AXIS", a word, "camera httpd".
 * The names as parsed are kept in the per-user cache, and read from
 * there while the file stays the same (pk_products_load).
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/error.h"
#include "input/cache.h"
#include "scan/products.h"
#include "scan/queue.h"

/*
 * A name: its text at off in the names' block, NUL-terminated.  Twelve
 * bytes, not the 32 of pointers and sizes: the array is much of the
 * pages the load touches, a page fault each.
 */
struct tpl {
	uint32_t	 off;		/* the p/.../ field, in pp->names */
	uint32_t	 next;		/* 1 + the next keyed one of its
					   bucket, 0 at the chain's end */
	uint16_t	 keylen;	/* its first word, 0 when that is not
					   literal ("$1 httpd"); KEYMAX when
					   that long or longer (not indexed) */
	uint8_t		 var;		/* it holds a $ substitution */
};

/* First words longer than this name nothing (nmap's are short). */
#define KEYMAX		256

/*
 * How a text splits, as offsets into it, so that it can be cut again
 * without working it out: -1 for a field that is absent.
 */
struct cut {
	const char	*lit;		/* the literal name to copy back, or
					   NULL when s has it as it is */
	size_t		 plen;		/* the product's length, 0: none */
	long		 ver, ext;	/* where version and extrainfo start */
	long		 paren;		/* the byte cut before "(", or -1 */
	int		 split;		/* 0: the text stays whole */
	int		 end;		/* 1: the last byte, ')', is cut */
};

/*
 * The cuts of the texts seen last: a scan repeats a few version texts
 * over its hosts, and working one out can walk every template that
 * begins with a substitution.  Open addressing over slots that point
 * to an entry (the cut and its key) in an arena, so that an entry
 * stays where it is when the slots grow.  The slots start at MEMO_MIN
 * and double when half full, up to MEMO_SLOTS (a scan shows a few dozen
 * texts: 2,048 slots made about 20 page faults a run); once MEMO_MAX
 * texts are in, it starts over, so its memory stays bounded (texts of
 * MEMO_KEY bytes or more are worked out each time).
 */
#define MEMO_MIN	64
#define MEMO_SLOTS	2048
#define MEMO_MAX	(MEMO_SLOTS / 2)
#define MEMO_KEY	128
#define HINT_SLOTS	1024

struct memo_ent {
	struct cut	 cut;
	uint32_t	 len;
	char		 key[];		/* the text, NUL-terminated */
};

struct memo {
	const struct memo_ent *e;	/* NULL: empty slot */
	uint32_t	 hash;
	uint32_t	 len;
};

struct pk_products {
	void		*image;		/* NULL, or the cached copy that
					   names, t and bucket lie in */
	char		*names;		/* the names' texts, one block */
	size_t		 nameslen;
	size_t		 lastoff;	/* the name kept last, lastlen bytes */
	size_t		 lastlen;
	size_t		 namescap;
	struct tpl	*t;		/* the keyed from the front, the
					   unkeyed from the back */
	size_t		 cap;
	size_t		 n;		/* nkeyed + nunkeyed */
	size_t		 nkeyed;
	size_t		 nunkeyed;	/* at t[cap - nunkeyed..cap) */
	uint32_t	*bucket;	/* keyed ones by first word: 1 + the
					   first of a chain, 0 when none */
	size_t		 bmask;
	struct pk_arena	 memokeys;	/* the memo's entries */
	size_t		 nmemo;
	struct memo	*memo;		/* NULL until the first text */
	size_t		 mmask;		/* the memo's slots - 1 */
	/* The entry of the text seen last under the caller's hint. */
	const struct memo_ent *hint[HINT_SLOTS];
};

/* --- Loading ------------------------------------------------------------ */

/* Length of the $ substitution at t ("$1", "$P(2)", "$SUBST(1,...)"). */
static size_t
var_len(const char *t)
{
	size_t i, depth = 0;

	if (t[0] != '$')
		return 0;
	if (isdigit((unsigned char)t[1]))
		return 2;
	for (i = 1; isupper((unsigned char)t[i]); i++)
		continue;
	if (i == 1 || t[i] != '(')
		return 0;
	for (; t[i] != '\0'; i++) {
		if (t[i] == '(')
			depth++;
		else if (t[i] == ')' && --depth == 0)
			return i + 1;
	}
	return 0;
}

/* x with its '|' bytes turned to '/' (grepable output's '/'). */
static uint64_t
unbar(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u;
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fu;
	uint64_t t = x ^ ones * '|', z;

	z = ~(((t & low7) + low7) | t | low7);	/* 0x80 where t's byte is 0 */
	return x ^ (z >> 7) * ('|' ^ '/');
}

/*
 * A first word hashed as the names have it, '|' standing for '/': its
 * length and its first and last eight bytes (four when shorter).  A
 * byte loop (FNV-1a) cost 0.3M more instructions a load; words that
 * share those bytes only share a chain, whose keys are compared whole.
 */
static inline uint32_t
word_hash(const char *s, size_t n)
{
	const uint64_t mul = 0x9e3779b97f4a7c15u;
	uint64_t a = 0, b = 0, h;
	uint32_t x, y;
	size_t i;

	if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
	} else if (n >= 4) {
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		a = (uint64_t)y << 32 | x;
	} else
		for (i = 0; i < n; i++)
			a = a << 8 | (unsigned char)s[i];
	h = (n ^ unbar(a)) * mul;
	h = (h ^ h >> 32 ^ unbar(b)) * mul;
	return (uint32_t)(h >> 32);
}

/*
 * s[0..n) is the name kept last: nmap-service-probes repeats many
 * p/.../ texts (11,700 names, 7,900 distinct), most often on the lines
 * right after (2,600 of the 3,800 copies); a copy splits nothing
 * differently and costs memory.  The last name, unlike one found by
 * hash, is still in the cache.
 */
static int
known(const struct pk_products *pp, const char *s, size_t n)
{
	return pp->lastlen == n &&
	    memcmp(pp->names + pp->lastoff, s, n) == 0;
}

/* The keyed name t[i], its first word hashed to h, chained in its bucket. */
static void
chain(struct pk_products *pp, size_t i, uint32_t h)
{
	pp->t[i].next = pp->bucket[h];
	pp->bucket[h] = (uint32_t)i + 1;
}

/* The bucket of first word w[0..n). */
static uint32_t
bucket_of(const struct pk_products *pp, const char *w, size_t n)
{
	return word_hash(w, n) & (uint32_t)pp->bmask;
}

/*
 * Room in the bucket table for one more keyed name: doubled when the
 * names average four a bucket (chains are walked once per distinct text
 * split, so they may be long; a small table is fewer pages touched).
 */
static int
buckets_room(struct pk_products *pp)
{
	const struct tpl *t;
	uint32_t *nb;
	size_t j, n;

	if (pp->nkeyed < 4 * (pp->bmask + 1))
		return 0;
	n = 2 * (pp->bmask + 1);
	if ((nb = calloc(n, sizeof(*nb))) == NULL)
		return -1;
	free(pp->bucket);
	pp->bucket = nb;
	pp->bmask = n - 1;
	for (j = 0; j < pp->nkeyed; j++) {
		t = &pp->t[j];
		if (t->keylen < KEYMAX)
			chain(pp, j, bucket_of(pp, pp->names + t->off,
			    t->keylen));
	}
	return 0;
}

/* Room for one more name: the unkeyed move to the grown array's end. */
static int
names_room(struct pk_products *pp)
{
	struct tpl *t;
	size_t ncap;

	if (pp->nkeyed + pp->nunkeyed < pp->cap)
		return 0;
	ncap = pp->cap * 2;
	if (ncap >= UINT32_MAX ||
	    (t = realloc(pp->t, ncap * sizeof(*t))) == NULL)
		return -1;
	memmove(t + ncap - pp->nunkeyed, t + pp->cap - pp->nunkeyed,
	    pp->nunkeyed * sizeof(*t));
	pp->t = t;
	pp->cap = ncap;
	return 0;
}

/* s[0..n) copied to the end of the names' block; its offset, or -1. */
static long long
keep_text(struct pk_products *pp, const char *s, size_t n)
{
	size_t ncap, off = pp->nameslen;
	char *b;

	if (pp->namescap - off <= n) {
		ncap = 2 * pp->namescap + n + 1;
		if (ncap > UINT32_MAX || (b = realloc(pp->names, ncap)) == NULL)
			return -1;
		pp->names = b;
		pp->namescap = ncap;
	}
	memcpy(pp->names + off, s, n);
	pp->names[off + n] = '\0';
	pp->nameslen += n + 1;
	return (long long)off;
}

/* The name at off: keyed (keylen > 0) from the array's front. */
static struct tpl *
new_name(struct pk_products *pp, long long off, size_t keylen, int var)
{
	struct tpl *t;

	t = keylen > 0 ? &pp->t[pp->nkeyed++] :
	    &pp->t[pp->cap - ++pp->nunkeyed];
	memset(t, 0, sizeof(*t));	/* its padding goes to the cache */
	t->off = (uint32_t)off;
	t->var = (uint8_t)var;
	t->keylen = (uint16_t)(keylen < KEYMAX ? keylen : KEYMAX);
	t->next = 0;
	return t;
}

/*
 * A name with a substitution, its text at off: keyed by its first word
 * when that is literal, not at all when it is only substitutions.
 */
static int
add_var(struct pk_products *pp, long long off, size_t n)
{
	const char *text = pp->names + off;
	size_t i, vl, keylen;
	int lit = 0, var = 0;

	for (i = 0; i < n; i += vl > 0 ? vl : 1) {
		if ((vl = var_len(text + i)) > 0)
			var = 1;
		else if (text[i] != ' ')
			lit = 1;
	}
	if (!lit) {	/* "$1": says nothing of where it ends */
		pp->nameslen = (size_t)off;
		return 0;
	}
	for (i = 0; i < n && text[i] != ' ' && var_len(text + i) == 0; i++)
		continue;
	keylen = i < n && text[i] != ' ' ? 0 : i;
	if (keylen > 0 && buckets_room(pp) == -1)
		return -1;
	(void)new_name(pp, off, keylen, var);
	if (keylen > 0 && keylen < KEYMAX)
		chain(pp, pp->nkeyed - 1, bucket_of(pp, text, keylen));
	return 0;
}

static int
add(struct pk_products *pp, const char *s, size_t n)
{
	const char *sp;
	size_t keylen;
	long long off;
	uint32_t h = 0;

	while (n > 0 && s[0] == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return 0;
	if (known(pp, s, n))
		return 0;
	if (names_room(pp) == -1)
		return -1;
	pp->lastlen = n;
	pp->lastoff = pp->nameslen;
	if (memchr(s, '$', n) != NULL)
		return (off = keep_text(pp, s, n)) == -1 ? -1 :
		    add_var(pp, off, n);
	/* Most: all literal, keyed by the word before the first space. */
	sp = memchr(s, ' ', n);
	keylen = sp != NULL ? (size_t)(sp - s) : n;
	if (keylen < KEYMAX) {
		if (buckets_room(pp) == -1)
			return -1;
		h = bucket_of(pp, s, keylen);
	}
	if ((off = keep_text(pp, s, n)) == -1)
		return -1;
	(void)new_name(pp, off, keylen, 0);
	if (keylen < KEYMAX)
		chain(pp, pp->nkeyed - 1, h);
	return 0;
}

/* A byte of a field's key: nmap's are "m", "p", "cpe:" and the like. */
static inline int
key_byte(char c)
{
	return (c >= 'a' && c <= 'z') || c == ':';
}

/*
 * The buffer the file is read into: its data ends in a NUL, and SLACK
 * bytes are readable from there, so that field_end reads sixteen bytes
 * at a time without a bound.
 */
#define READ_CHUNK	((size_t)64 << 10)
#define SLACK		16

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>

/*
 * Where a field's text ends: the first d, newline or NUL from p.  One
 * pass, sixteen bytes a step: strchr on the line cut at its newline
 * read each pattern twice (its newline found first) and stalled on the
 * NUL just stored there.
 */
static const char *
field_end(const char *p, char d)
{
	const __m128i vd = _mm_set1_epi8(d), nl = _mm_set1_epi8('\n');
	const __m128i nul = _mm_setzero_si128();
	__m128i x;
	unsigned m;

	for (;; p += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)p);
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(x, vd), _mm_cmpeq_epi8(x, nl)),
		    _mm_cmpeq_epi8(x, nul)));
		if (m != 0)
			return p + __builtin_ctz(m);
	}
}
#else
static const char *
field_end(const char *p, char d)
{
	while (*p != d && *p != '\n' && *p != '\0')
		p++;
	return p;
}
#endif

/*
 * "match ssh m|^SSH-...|s p/OpenSSH/ v/$1/ ...": its p field, if any.
 * After the service, fields: a key, a delimiter, a text up to the same
 * delimiter, flags; the first must be the m (the pattern).  The line
 * starts at p, the data buffered ends at end (a NUL); a NUL within the
 * line ends it there.  Returns where the next line starts, end at the
 * end of the file (eof), or NULL when the line's newline is not
 * buffered yet: nothing of it is kept then.  *rc is -1 for no memory.
 */
static const char *
parse_line(struct pk_products *pp, const char *p, const char *end, int eof,
    int *rc)
{
	const char *key, *q, *nl;
	char d;
	int first;

	if (end - p > 6 && memcmp(p, "match ", 6) == 0)
		p += 6;
	else if (end - p > 10 && memcmp(p, "softmatch ", 10) == 0)
		p += 10;
	else
		goto skip;
	while (*p != ' ' && *p != '\n' && *p != '\0')	/* the service */
		p++;
	for (first = 1;; first = 0) {
		while (*p == ' ')
			p++;
		for (key = p; key_byte(*p); p++)
			continue;
		if (p == key || (d = *p) == '\n' || d == '\0' ||
		    *(q = field_end(p + 1, d)) != d)
			goto skip;
		if (first && (p - key != 1 || *key != 'm'))
			goto skip;
		if (!first && p - key == 1 && *key == 'p')
			break;
		for (p = q + 1; (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z'); p++)	/* flags: m|..|si */
			continue;
	}
	/* Kept only once the line is whole. */
	if ((nl = memchr(q + 1, '\n', (size_t)(end - q - 1))) == NULL && !eof)
		return NULL;
	*rc = add(pp, p + 1, (size_t)(q - p - 1));
	return nl != NULL ? nl + 1 : end;
skip:
	if ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL)
		return nl + 1;
	return eof ? end : NULL;
}

/*
 * Each line of fp to parse_line, read 64 KiB at a time: getline(3) cost
 * more than the parsing.  The lines are parsed where they lie, with no
 * NUL written into them.  PK_OK, PK_ERR_NOMEM or PK_ERR_IO.
 */
static int
read_lines(struct pk_products *pp, FILE *fp)
{
	char *buf = NULL, *nbuf;
	const char *p, *next, *end;
	size_t cap = 0, have = 0, got, want;
	int rc = 0, eof = 0;

	while (rc == 0 && !eof) {
		if (cap - have < READ_CHUNK / 2) {	/* a long line */
			if ((nbuf = realloc(buf, cap + READ_CHUNK +
			    SLACK)) == NULL) {
				rc = -1;
				break;
			}
			buf = nbuf;
			cap += READ_CHUNK;
		}
		/* Whole blocks: stdio reads those straight into buf. */
		want = (cap - have) & ~(size_t)4095;
		got = fread(buf + have, 1, want, fp);
		eof = got < want;
		have += got;
		memset(buf + have, 0, SLACK);
		end = buf + have;
		for (p = buf; rc == 0 && p < end &&
		    (next = parse_line(pp, p, end, eof, &rc)) != NULL; p = next)
			continue;
		have = (size_t)(end - p);
		memmove(buf, p, have);
	}
	free(buf);
	if (rc != 0)
		return PK_ERR_NOMEM;	/* realloc, or add's */
	return ferror(fp) ? PK_ERR_IO : PK_OK;
}

/*
 * The file's size when it is a regular file, else 0.  The names' array,
 * their block and the bucket table are sized from it at once: grown by
 * copies, they touched more pages than they end in, a page fault each,
 * in every run that reads the file.
 */
static size_t
file_size(FILE *fp)
{
	struct stat st;

	if (fstat(fileno(fp), &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size <= 0 || st.st_size > (off_t)1 << 30)
		return 0;
	return (size_t)st.st_size;
}

/*
 * Room for the names of a file of size bytes: nmap's has a p field
 * every 220 bytes or so, and a name is shorter than its line (the block
 * is only touched as far as it is filled).  A bucket for every 1 KiB of
 * it, four names or so.
 */
static int
names_alloc(struct pk_products *pp, size_t size)
{
	size_t nb;

	pp->cap = size / 192 + 1024;
	pp->namescap = size > 0 ? size + 1 : (size_t)16 << 10;
	for (nb = 256; nb < size / 1024; nb *= 2)
		continue;
	pp->bmask = nb - 1;
	pp->t = malloc(pp->cap * sizeof(*pp->t));
	pp->names = malloc(pp->namescap);
	pp->bucket = calloc(nb, sizeof(*pp->bucket));
	return pp->t != NULL && pp->names != NULL && pp->bucket != NULL ?
	    0 : -1;
}

struct pk_products *
pk_products_read(FILE *fp, struct pk_error *err)
{
	struct pk_products *pp;
	int rc = PK_ERR_NOMEM;

	if ((pp = calloc(1, sizeof(*pp))) == NULL) {
		pk_error_set(err, PK_ERR_NOMEM, 0, "out of memory");
		return NULL;
	}
	pk_arena_init(&pp->memokeys, 0);
	/* A file read in part would split some fields and not others. */
	if (names_alloc(pp, file_size(fp)) == 0)
		rc = read_lines(pp, fp);
	if (rc != PK_OK) {
		pk_error_set(err, rc, 0, "%s", rc == PK_ERR_NOMEM ?
		    "out of memory" : "read error");
		pk_products_free(pp);
		return NULL;
	}
	pp->n = pp->nkeyed + pp->nunkeyed;
	return pp;
}

void
pk_products_free(struct pk_products *pp)
{
	if (pp == NULL)
		return;
	pk_arena_destroy(&pp->memokeys);
	free(pp->memo);
	if (pp->image != NULL)
		free(pp->image);
	else {
		free(pp->names);
		free(pp->t);
		free(pp->bucket);
	}
	free(pp);
}

/* --- The cached copy ---------------------------------------------------- */

/*
 * A parsed table is kept in the per-user cache (input/cache.c), so that
 * nmap-service-probes is parsed once per version of the file rather
 * than in every run that splits a version text (1.5 ms of CPU).  The
 * payload: these counts, the keyed names' struct tpl then the unkeyed
 * ones', the buckets, the names' block.  Everything is 4-byte aligned.
 */
struct image {
	uint32_t	 nkeyed;
	uint32_t	 nunkeyed;
	uint32_t	 nbucket;
	uint32_t	 nameslen;
};

/* Bump when the payload's meaning changes; sizes are checked apart. */
#define IMAGE_VERSION	1
#define IMAGE_LAYOUT	((uint32_t)(sizeof(struct tpl) | \
	    sizeof(struct image) << 8 | KEYMAX << 16))

/* The payload's length for these counts, or 0 when it would overflow. */
static size_t
image_len(size_t n, size_t nbucket, size_t nameslen)
{
	if (n > PK_CACHE_MAX / sizeof(struct tpl) ||
	    nbucket > PK_CACHE_MAX / sizeof(uint32_t) ||
	    nameslen > PK_CACHE_MAX)
		return 0;
	return sizeof(struct image) + n * sizeof(struct tpl) +
	    nbucket * sizeof(uint32_t) + nameslen;
}

/* pp as a payload, malloc'ed in *lenp bytes; NULL when out of memory. */
static void *
image_make(const struct pk_products *pp, size_t *lenp)
{
	struct image im;
	char *buf, *p;

	im.nkeyed = (uint32_t)pp->nkeyed;
	im.nunkeyed = (uint32_t)pp->nunkeyed;
	im.nbucket = (uint32_t)(pp->bmask + 1);
	im.nameslen = (uint32_t)pp->nameslen;
	if ((*lenp = image_len(pp->n, im.nbucket, pp->nameslen)) == 0 ||
	    (buf = malloc(*lenp)) == NULL)
		return NULL;
	memcpy(buf, &im, sizeof(im));
	p = buf + sizeof(im);
	memcpy(p, pp->t, pp->nkeyed * sizeof(*pp->t));
	p += pp->nkeyed * sizeof(*pp->t);
	memcpy(p, pp->t + pp->cap - pp->nunkeyed,
	    pp->nunkeyed * sizeof(*pp->t));
	p += pp->nunkeyed * sizeof(*pp->t);
	memcpy(p, pp->bucket, im.nbucket * sizeof(*pp->bucket));
	p += im.nbucket * sizeof(*pp->bucket);
	memcpy(p, pp->names, pp->nameslen);
	return buf;
}

/*
 * Every index of a table read back, so that a damaged or forged cache
 * can neither read out of bounds nor loop: each name within the block
 * (which ends in a NUL), each chain link and bucket to a keyed name,
 * a link only to an earlier one (as chain() makes them: no cycle).
 */
static int
image_valid(const struct pk_products *pp)
{
	const struct tpl *t;
	size_t i;

	if (((pp->bmask + 1) & pp->bmask) != 0 || (pp->n > 0 &&
	    (pp->nameslen == 0 || pp->names[pp->nameslen - 1] != '\0')))
		return 0;
	for (i = 0; i <= pp->bmask; i++)
		if (pp->bucket[i] > pp->nkeyed)
			return 0;
	for (i = 0; i < pp->n; i++) {
		t = &pp->t[i];
		if (t->off >= pp->nameslen || t->var > 1)
			return 0;
		if (i < pp->nkeyed ? t->keylen == 0 || t->keylen > KEYMAX ||
		    t->next > i : t->keylen != 0 || t->next != 0)
			return 0;
	}
	return 1;
}

/* pp's arrays laid over the payload buf[0..len); 0 when it fits. */
static int
image_map(struct pk_products *pp, char *buf, size_t len)
{
	struct image im;
	char *p = buf + sizeof(im);

	if (len < sizeof(im))
		return -1;
	memcpy(&im, buf, sizeof(im));
	pp->n = (size_t)im.nkeyed + im.nunkeyed;
	if (im.nbucket == 0 ||
	    image_len(pp->n, im.nbucket, im.nameslen) != len)
		return -1;
	pp->nkeyed = pp->n - im.nunkeyed;
	pp->nunkeyed = im.nunkeyed;
	pp->cap = pp->n;		/* the unkeyed ones end the array */
	pp->t = (struct tpl *)(void *)p;
	p += pp->n * sizeof(struct tpl);
	pp->bucket = (uint32_t *)(void *)p;
	pp->bmask = im.nbucket - 1;
	pp->names = p + im.nbucket * sizeof(uint32_t);
	pp->nameslen = pp->namescap = im.nameslen;
	return image_valid(pp) ? 0 : -1;
}

/* The table of key's cache file in dir; NULL when there is none to use. */
static struct pk_products *
from_cache(const char *dir, const struct pk_cache_key *key)
{
	struct pk_products *pp;
	size_t len;
	void *buf;

	if ((buf = pk_cache_read(dir, key, &len)) == NULL)
		return NULL;
	if ((pp = calloc(1, sizeof(*pp))) == NULL) {
		free(buf);
		return NULL;
	}
	pk_arena_init(&pp->memokeys, 0);
	pp->image = buf;
	if (image_map(pp, buf, len) == 0)
		return pp;
	pk_products_free(pp);
	return NULL;
}

static void
to_cache(const struct pk_products *pp, const char *dir,
    const struct pk_cache_key *key)
{
	size_t len;
	void *buf;

	if ((buf = image_make(pp, &len)) != NULL)
		pk_cache_write(dir, key, buf, len);
	free(buf);
}

struct pk_products *
pk_products_load(FILE *fp, const char *cache, struct pk_error *err)
{
	struct pk_cache_key key;
	struct pk_products *pp = NULL;
	char *dir;

	dir = pk_cache_open(fileno(fp), cache, "products", IMAGE_VERSION,
	    IMAGE_LAYOUT, &key);
	if (dir != NULL)
		pp = from_cache(dir, &key);
	if (pp == NULL && (pp = pk_products_read(fp, err)) != NULL &&
	    dir != NULL)
		to_cache(pp, dir, &key);
	free(dir);
	return pp;
}

/* --- Splitting ---------------------------------------------------------- */

/*
 * Where a match of template t ends in s from si, on a word boundary,
 * or -1.  A substitution takes one word or the start of one; grepable
 * output writes a '/' as '|'.
 */
static long
tmatch(const char *t, const char *s, size_t si)
{
	size_t vl, k;
	long r;

	for (; *t != '\0'; t++, si++) {
		if ((vl = var_len(t)) > 0) {
			for (k = si + 1; s[k - 1] != '\0' && s[k - 1] != ' ';
			    k++)
				if ((r = tmatch(t + vl, s, k)) >= 0)
					return r;
			return -1;
		}
		if (s[si] != *t && !(*t == '/' && s[si] == '|'))
			return -1;
	}
	return s[si] == '\0' || s[si] == ' ' ? (long)si : -1;
}

/* Compare a first word, '|' standing for '/'. */
static int
key_is(const char *w, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i] != s[i] && !(w[i] == '/' && s[i] == '|'))
			return 0;
	return 1;
}

/*
 * The length of the product s begins with: the longest literal name,
 * else the longest name with a substitution; 0 when none.  *lit is the
 * literal name matched, to give '/' back where grepable wrote '|' (of
 * two as long, the first in byte order, as when the names were sorted).
 */
static size_t
product_len(const struct pk_products *pp, const char *s, const char **lit)
{
	const struct tpl *t;
	const char *w;
	size_t n, i, best = 0, bestvar = 0;
	uint32_t k;
	long r;

	*lit = NULL;
	for (n = 0; s[n] != '\0' && s[n] != ' '; n++)
		continue;
	k = n > 0 && n < KEYMAX ? pp->bucket[word_hash(s, n) & pp->bmask] : 0;
	for (; k != 0; k = t->next) {
		t = &pp->t[k - 1];
		w = pp->names + t->off;
		if (t->keylen != n || !key_is(w, s, n) ||
		    (r = tmatch(w, s, 0)) <= 0)
			continue;
		if (t->var) {
			if ((size_t)r > bestvar)
				bestvar = (size_t)r;
		} else if ((size_t)r > best || ((size_t)r == best &&
		    strcmp(w, *lit) < 0)) {
			best = (size_t)r;
			*lit = w;
		}
	}
	for (i = pp->cap - pp->nunkeyed; best == 0 && i < pp->cap; i++)
		if ((r = tmatch(pp->names + pp->t[i].off, s, 0)) > 0 &&
		    (size_t)r > bestvar)
			bestvar = (size_t)r;
	return best > 0 ? best : bestvar;
}

/*
 * The start of the trailing "(...)" of s[0..n), its parentheses
 * balanced, at the start or after a space; -1 when there is none.
 */
static long
trailing_paren(const char *s, size_t n)
{
	size_t i, depth = 0;

	if (n < 2 || s[n - 1] != ')')
		return -1;
	for (i = n; i-- > 0;) {
		if (s[i] == ')')
			depth++;
		else if (s[i] == '(' && --depth == 0)
			return i == 0 || s[i - 1] == ' ' ? (long)i : -1;
	}
	return -1;
}

/* Work out how s[0..n) splits (pk_products_split says how). */
static void
plan(const struct pk_products *pp, const char *s, size_t n, struct cut *c)
{
	size_t plen = 0, rest;
	long paren;

	memset(c, 0, sizeof(*c));
	if (pp != NULL && pp->n > 0)
		plen = product_len(pp, s, &c->lit);
	rest = plen;
	if (plen > 0 && rest < n) {
		if (s[rest + 1] == ' ' || s[rest + 1] == '\0')
			return;			/* not one space: unsure */
		rest++;
	}
	paren = trailing_paren(s + rest, n - rest);
	if (plen == 0 && paren != 0)
		return;				/* unsettled: joined */
	if (paren > 0 && (paren < 2 || s[rest + (size_t)paren - 2] == ' '))
		return;
	/* Settled; the name copied back only where '|' stands for '/'. */
	if (c->lit != NULL && memcmp(s, c->lit, plen) == 0)
		c->lit = NULL;
	c->split = 1;
	c->plen = plen;
	c->ver = rest < n && paren != 0 ? (long)rest : -1;
	c->ext = c->paren = -1;
	if (paren >= 0) {
		paren += (long)rest;
		c->end = 1;
		if ((size_t)paren + 2 < n)
			c->ext = paren + 1;
		if ((size_t)paren > rest)
			c->paren = paren - 1;
	}
}

/* Cut s[0..n) as c says. */
static int
cut_apply(const struct cut *c, char *s, size_t n, const char **product,
    const char **version, const char **extrainfo)
{
	*product = *extrainfo = NULL;
	*version = s;
	if (!c->split)
		return 0;
	if (c->plen > 0) {
		if (c->lit != NULL)			/* '|' back to '/' */
			memcpy(s, c->lit, c->plen);
		s[c->plen] = '\0';
		*product = s;
	}
	*version = c->ver >= 0 ? s + c->ver : NULL;
	*extrainfo = c->ext >= 0 ? s + c->ext : NULL;
	if (c->end)
		s[n - 1] = '\0';			/* the ')' */
	if (c->paren >= 0)
		s[c->paren] = '\0';
	return 1;
}

/*
 * The memo's hash, a word at a time: FNV-1a byte by byte (pk_hash) cost
 * as much as the rest of a split that the memo answers.  The key is
 * compared, so this only has to spread the texts over the slots.
 */
static uint32_t
memo_hash(const char *s, size_t n)
{
	const uint64_t mul = 0x9e3779b97f4a7c15u;
	uint64_t h = n, w = 0;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * mul;
		h ^= h >> 32;
	}
	if (i < n) {
		if (n >= 8)
			memcpy(&w, s + n - 8, 8);
		else
			for (w = 0; i < n; i++)
				w = w << 8 | (unsigned char)s[i];
		h = (h ^ w) * mul;
		h ^= h >> 32;
	}
	return (uint32_t)h;
}

/*
 * a[0..n) == b[0..n), eight bytes at a time and the last eight again:
 * for these short texts a call to memcmp took longer than the compare
 * (7% of reading -oG, mostly its dispatch on the length).
 */
static inline int
same_text(const char *a, const char *b, size_t n)
{
	uint64_t x, y, d = 0;
	size_t i;

	if (n < 8) {
		for (i = 0; i < n; i++)
			d |= (unsigned char)(a[i] ^ b[i]);
		return d == 0;
	}
	for (i = 0; i + 8 < n; i += 8) {
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		d |= x ^ y;
	}
	memcpy(&x, a + n - 8, 8);
	memcpy(&y, b + n - 8, 8);
	return (d | (x ^ y)) == 0;
}

/* The memo's slot for s[0..n): its own, or the empty one to fill. */
static struct memo *
memo_slot(const struct pk_products *pp, const char *s, size_t n, uint32_t h)
{
	struct memo *m;
	size_t j;

	for (j = h & pp->mmask;; j = (j + 1) & pp->mmask) {
		m = &pp->memo[j];
		if (m->e == NULL || (m->hash == h && m->len == n &&
		    same_text(m->e->key, s, n)))
			return m;
	}
}

/* The memo's slots doubled (MEMO_MIN at first); -1 for no memory. */
static int
memo_grow(struct pk_products *pp)
{
	struct memo *old = pp->memo, *m;
	size_t i, oldn = old != NULL ? pp->mmask + 1 : 0;
	size_t n = old != NULL ? 2 * oldn : MEMO_MIN;

	if ((pp->memo = calloc(n, sizeof(*pp->memo))) == NULL) {
		pp->memo = old;
		return -1;
	}
	pp->mmask = n - 1;
	for (i = 0; i < oldn; i++) {
		if (old[i].e == NULL)
			continue;
		m = memo_slot(pp, old[i].e->key, old[i].len, old[i].hash);
		*m = old[i];
	}
	free(old);
	return 0;
}

/*
 * s[0..n)'s cut from the memo, worked out and remembered when new, and
 * made the hint's text; worked out into *tmp when there is no memory to
 * remember it.
 */
static const struct cut *
memo_cut(struct pk_products *pp, const char *s, size_t n,
    const struct memo_ent **hp,
    struct cut *tmp)
{
	struct memo *m = NULL;
	struct memo_ent *e;
	uint32_t h;

	h = memo_hash(s, n);
	if (pp->memo != NULL)
		m = memo_slot(pp, s, n, h);
	if (m == NULL || m->e == NULL) {
		if (pp->nmemo == MEMO_MAX) {	/* full: start over */
			memset(pp->memo, 0, (pp->mmask + 1) * sizeof(*pp->memo));
			memset(pp->hint, 0, sizeof(pp->hint));
			pk_arena_reset(&pp->memokeys);
			pp->nmemo = 0;
		} else if ((pp->memo == NULL ||
		    pp->nmemo == (pp->mmask + 1) / 2) && memo_grow(pp) == -1) {
			plan(pp, s, n, tmp);
			return tmp;
		}
		if ((e = pk_arena_alloc(&pp->memokeys,
		    sizeof(*e) + n + 1)) == NULL) {
			plan(pp, s, n, tmp);
			return tmp;
		}
		plan(pp, s, n, &e->cut);
		e->len = (uint32_t)n;
		memcpy(e->key, s, n);
		e->key[n] = '\0';
		m = memo_slot(pp, s, n, h);
		m->e = e;
		m->hash = h;
		m->len = (uint32_t)n;
		pp->nmemo++;
	}
	*hp = m->e;
	return &m->e->cut;
}

/* The split of a text that is not its hint's: from the memo, or worked out. */
static int __attribute__((noinline))
split_slow(struct pk_products *pp, char *s, size_t n,
    const struct memo_ent **hp,
    const char **product, const char **version, const char **extrainfo)
{
	struct cut tmp;
	const struct cut *c = &tmp;

	if (pp == NULL || pp->n == 0)
		plan(NULL, s, n, &tmp);
	else if (n >= MEMO_KEY)
		plan(pp, s, n, &tmp);
	else
		c = memo_cut(pp, s, n, hp, &tmp);
	return cut_apply(c, s, n, product, version, extrainfo);
}

/*
 * The text last split under the same hint (the caller's: a port number)
 * and length is tried first, which needs no hash: a scan shows the same
 * version text on the same port host after host (91% of the splits of
 * the bench's scans; 85% by the port alone, where texts of another
 * length on the port took each other's place).  Inline in
 * pk_vsplit_port, with the rest out of line: the call to it and its
 * saved registers were a third of a split.
 */
static inline int
split_text(struct pk_products *pp, char *s, size_t n, unsigned hint,
    const char **product, const char **version, const char **extrainfo)
{
	const struct memo_ent **hp = NULL, *e;

	if (pp != NULL) {
		hp = &pp->hint[(hint ^ (unsigned)n << 4) & (HINT_SLOTS - 1)];
		if ((e = *hp) != NULL && e->len == n &&
		    same_text(e->key, s, n))
			return cut_apply(&e->cut, s, n, product, version,
			    extrainfo);
	}
	return split_slow(pp, s, n, hp, product, version, extrainfo);
}

int
pk_products_split(struct pk_products *pp, char *s, size_t n, unsigned hint,
    const char **product, const char **version, const char **extrainfo)
{
	return split_text(pp, s, n, hint, product, version, extrainfo);
}

/* --- A reader's split --------------------------------------------------- */

/*
 * The names of the reader's nmap-service-probes in vs->products, from
 * the cache its options name when the copy there is of this very file;
 * none there is no error (the text stays whole).  A file that cannot be read
 * through, or no memory, fails the reader: half the names would split
 * some ports and not others.
 */
static int
vs_load(struct pk_reader *r, struct pk_vsplit *vs, unsigned long line)
{
	struct pk_error err;
	FILE *fp;
	int rc;

	vs->read = 1;
	if ((rc = pk_vsplit_open(r, line, &fp)) != PK_OK || fp == NULL)
		return rc;
	memset(&err, 0, sizeof(err));
	vs->products = pk_products_load(fp, r->opts.probes_cache, &err);
	(void)fclose(fp);
	if (vs->products != NULL)
		return PK_OK;
	return pk_rd_fail(r, err.status, line, "nmap-service-probes: %s",
	    err.msg);
}

int
pk_vsplit_port(struct pk_reader *r, struct pk_vsplit *vs, struct pk_port *p,
    size_t n)
{
	int rc;

	if (r->opts.probes != NULL && r->opts.probes[0] == '\0')
		return PK_OK;			/* asked to keep it whole */
	if (!vs->read && (rc = vs_load(r, vs, p->line)) != PK_OK)
		return rc;
	/* The host's own copy of the line, or an arena copy: writable. */
	(void)split_text(vs->products, (char *)p->version, n, p->port,
	    &p->product, &p->version, &p->extrainfo);
	return PK_OK;
}

void
pk_vsplit_free(struct pk_vsplit *vs)
{
	pk_products_free(vs->products);
	vs->products = NULL;
}
