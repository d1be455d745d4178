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
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/error.h"
#include "base/hash.h"
#include "scan/products.h"

struct tpl {
	const char	*text;		/* the p/.../ field, NUL-terminated */
	size_t		 len;
	size_t		 keylen;	/* its first word, 0 when that is not
					   literal ("$1 httpd") */
	int		 var;		/* it holds a $ substitution */
	uint32_t	 next;		/* 1 + the next keyed one of its
					   bucket, 0 at the chain's end */
};

/* First words longer than this name nothing (nmap's are short). */
#define KEYMAX		256

/*
 * How a text splits, as offsets into it, so that it can be cut again
 * without working it out: -1 for a field that is absent.
 */
struct cut {
	const struct tpl *lit;		/* the literal name to copy back, or
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
 * begins with a substitution.  Open addressing, keys in an arena; once
 * MEMO_MAX texts are in, it starts over, so its memory stays bounded
 * (texts of MEMO_KEY bytes or more are worked out each time).
 */
#define MEMO_SLOTS	2048
#define MEMO_MAX	(MEMO_SLOTS / 2)
#define MEMO_KEY	128
#define HINT_SLOTS	1024

struct memo {
	const char	*key;		/* NULL: empty slot */
	uint32_t	 hash;
	uint32_t	 len;
	struct cut	 cut;
};

/*
 * The text seen last under a hint: its key and length beside the entry,
 * so that comparing it and loading its cut do not wait on each other.
 */
struct hint {
	const char	*key;		/* NULL: none */
	size_t		 len;
	const struct memo *m;
};

struct pk_products {
	struct pk_arena	 strings;
	struct tpl	*t;		/* keyed ones first, then the unkeyed */
	size_t		 n;
	size_t		 nkeyed;
	size_t		 cap;
	size_t		 guess;		/* the first cap, from the file's size */
	uint32_t	*bucket;	/* keyed ones by first word: 1 + the
					   first of a chain, 0 when none */
	size_t		 bmask;
	struct pk_arena	 memokeys;
	size_t		 nmemo;
	struct memo	 memo[MEMO_SLOTS];
	struct hint	 hint[HINT_SLOTS];	/* by the caller's hint */
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

static int
add(struct pk_products *pp, const char *s, size_t n)
{
	struct tpl *t;
	const char *sp;
	size_t i, vl;
	int lit;

	while (n > 0 && s[0] == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return 0;
	if (pp->n == pp->cap) {
		size_t ncap = pp->cap ? pp->cap * 2 : pp->guess;

		if ((t = realloc(pp->t, ncap * sizeof(*t))) == NULL)
			return -1;
		pp->t = t;
		pp->cap = ncap;
	}
	t = &pp->t[pp->n];
	if ((t->text = pk_arena_strndup(&pp->strings, s, n)) == NULL)
		return -1;
	t->len = n;
	t->var = 0;
	if (memchr(s, '$', n) == NULL) {	/* most: all literal */
		sp = memchr(s, ' ', n);
		t->keylen = sp != NULL ? (size_t)(sp - s) : n;
		pp->n++;
		return 0;
	}
	lit = 0;
	for (i = 0; i < n; i += vl > 0 ? vl : 1) {
		if ((vl = var_len(t->text + i)) > 0)
			t->var = 1;
		else if (t->text[i] != ' ')
			lit = 1;
	}
	if (!lit)
		return 0;	/* "$1": says nothing of where it ends */
	for (i = 0; i < n && s[i] != ' ' && var_len(s + i) == 0; i++)
		continue;
	t->keylen = i < n && s[i] != ' ' ? 0 : i;
	pp->n++;
	return 0;
}

/* The next "X<d>text<d>" field of a match line after p; NULL at the end. */
static char *
field(char *p, char *key, size_t keysz, char **val, size_t *vlen)
{
	size_t k = 0;
	char d, *q;

	while (*p == ' ')
		p++;
	while (islower((unsigned char)*p) || *p == ':') {
		if (k + 1 < keysz)
			key[k++] = *p;
		p++;
	}
	key[k] = '\0';
	if (k == 0 || (d = *p) == '\0' || d == '\n')
		return NULL;
	if ((q = strchr(p + 1, d)) == NULL)
		return NULL;
	*val = p + 1;
	*vlen = (size_t)(q - p - 1);
	for (q++; isalpha((unsigned char)*q); q++)	/* flags: m|..|si */
		continue;
	return q;
}

/*
 * s past the word w, or NULL when s does not start with it.  A loop,
 * not strncmp: its set-up cost more than these few bytes, on each of
 * the file's 16,000 lines.
 */
static char *
past(char *s, const char *w)
{
	for (; *w != '\0'; s++, w++)
		if (*s != *w)
			return NULL;
	return s;
}

/* "match ssh m|^SSH-...| p/OpenSSH/ v/$1/ ...": its p field, if any. */
static int
parse_line(struct pk_products *pp, char *line)
{
	char key[8], *p, *val;
	size_t vlen;

	if ((p = past(line, "match ")) == NULL &&
	    (p = past(line, "softmatch ")) == NULL)
		return 0;
	while (*p != '\0' && *p != ' ')		/* the service name */
		p++;
	p = field(p, key, sizeof(key), &val, &vlen);
	if (p == NULL || strcmp(key, "m") != 0)
		return 0;
	while ((p = field(p, key, sizeof(key), &val, &vlen)) != NULL)
		if (strcmp(key, "p") == 0)
			return add(pp, val, vlen);
	return 0;
}

/* A first word hashed as the names have it: '|' is a '/' (n < KEYMAX). */
static uint32_t
word_hash(const char *s, size_t n)
{
	char key[KEYMAX];
	size_t i;

	for (i = 0; i < n; i++)
		key[i] = s[i] == '|' ? '/' : s[i];
	return pk_hash(key, n);
}

/*
 * The keyed names moved before the unkeyed, and chained by the hash of
 * their first word (the order within a chain does not matter: a match
 * keeps the longest).  0, or -1 when out of memory.
 */
static int
index_names(struct pk_products *pp)
{
	struct tpl tmp;
	size_t i, j, nb;
	uint32_t h;

	for (i = j = 0; i < pp->n; i++)
		if (pp->t[i].keylen > 0) {
			tmp = pp->t[j];
			pp->t[j++] = pp->t[i];
			pp->t[i] = tmp;
		}
	pp->nkeyed = j;
	for (nb = 16; nb < 2 * pp->nkeyed; nb *= 2)
		continue;
	if ((pp->bucket = calloc(nb, sizeof(*pp->bucket))) == NULL)
		return -1;
	pp->bmask = nb - 1;
	for (i = 0; i < pp->nkeyed; i++) {
		if (pp->t[i].keylen >= KEYMAX)
			continue;		/* no text is looked up by it */
		h = word_hash(pp->t[i].text, pp->t[i].keylen) & pp->bmask;
		pp->t[i].next = pp->bucket[h];
		pp->bucket[h] = (uint32_t)i + 1;
	}
	return 0;
}

/*
 * Each line of fp to parse_line, NUL-terminated where its newline was,
 * read 64 KiB at a time: getline(3) cost more than the parsing.  PK_OK,
 * PK_ERR_NOMEM or PK_ERR_IO.
 */
#define READ_CHUNK	((size_t)64 << 10)

static int
read_lines(struct pk_products *pp, FILE *fp)
{
	char *buf = NULL, *p, *nl, *nbuf;
	size_t cap = 0, have = 0, got, n;
	int rc = 0;

	do {
		if (cap - have < READ_CHUNK) {		/* a long line */
			if ((nbuf = realloc(buf, cap + READ_CHUNK)) == NULL) {
				rc = PK_ERR_NOMEM;
				break;
			}
			buf = nbuf;
			cap += READ_CHUNK;
		}
		got = fread(buf + have, 1, cap - have - 1, fp);
		have += got;
		for (p = buf; rc == 0 && (nl = memchr(p, '\n',
		    (size_t)(buf + have - p))) != NULL; p = nl + 1) {
			*nl = '\0';
			rc = parse_line(pp, p);
		}
		n = (size_t)(buf + have - p);
		if (rc == 0 && got == 0 && n > 0) {	/* no newline at the end */
			p[n] = '\0';
			rc = parse_line(pp, p);
			n = 0;
		}
		memmove(buf, p, n);
		have = n;
	} while (rc == 0 && got > 0);
	free(buf);
	if (rc != 0)
		return PK_ERR_NOMEM;	/* realloc, or add's */
	return ferror(fp) ? PK_ERR_IO : PK_OK;
}

/*
 * Room for the names of the file at once: nmap's has a p field every
 * 220 bytes or so.  Grown by copies from 1024, the array touched thrice
 * the pages it ends in, a page fault each, in every run that reads it.
 */
static size_t
names_guess(FILE *fp)
{
	struct stat st;

	if (fstat(fileno(fp), &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size <= 0 || st.st_size > (off_t)1 << 30)
		return 1024;
	return (size_t)st.st_size / 192 + 1024;
}

struct pk_products *
pk_products_read(FILE *fp, struct pk_error *err)
{
	struct pk_products *pp;
	int rc;

	if ((pp = calloc(1, sizeof(*pp))) == NULL) {
		pk_error_set(err, PK_ERR_NOMEM, 0, "out of memory");
		return NULL;
	}
	pk_arena_init(&pp->strings, 0);
	pk_arena_init(&pp->memokeys, 0);
	pp->guess = names_guess(fp);
	/* A file read in part would split some fields and not others. */
	rc = read_lines(pp, fp);
	if (rc == PK_OK && index_names(pp) == -1)
		rc = PK_ERR_NOMEM;
	if (rc != PK_OK) {
		pk_error_set(err, rc, 0, "%s", rc == PK_ERR_NOMEM ?
		    "out of memory" : "read error");
		pk_products_free(pp);
		return NULL;
	}
	return pp;
}

void
pk_products_free(struct pk_products *pp)
{
	if (pp == NULL)
		return;
	pk_arena_destroy(&pp->strings);
	pk_arena_destroy(&pp->memokeys);
	free(pp->t);
	free(pp->bucket);
	free(pp);
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
key_is(const struct tpl *t, const char *s, size_t n)
{
	size_t i;

	if (t->keylen != n)
		return 0;
	for (i = 0; i < n; i++)
		if (t->text[i] != s[i] && !(t->text[i] == '/' && s[i] == '|'))
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
product_len(const struct pk_products *pp, const char *s,
    const struct tpl **lit)
{
	const struct tpl *t;
	size_t n, i, best = 0, bestvar = 0;
	uint32_t k;
	long r;

	*lit = NULL;
	for (n = 0; s[n] != '\0' && s[n] != ' '; n++)
		continue;
	k = n > 0 && n < KEYMAX ? pp->bucket[word_hash(s, n) & pp->bmask] : 0;
	for (; k != 0; k = t->next) {
		t = &pp->t[k - 1];
		if (!key_is(t, s, n) || (r = tmatch(t->text, s, 0)) <= 0)
			continue;
		if (t->var) {
			if ((size_t)r > bestvar)
				bestvar = (size_t)r;
		} else if ((size_t)r > best || ((size_t)r == best &&
		    strcmp(t->text, (*lit)->text) < 0)) {
			best = (size_t)r;
			*lit = t;
		}
	}
	for (i = pp->nkeyed; best == 0 && i < pp->n; i++)
		if ((r = tmatch(pp->t[i].text, s, 0)) > 0 &&
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
	if (c->lit != NULL && memcmp(s, c->lit->text, plen) == 0)
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
			memcpy(s, c->lit->text, c->plen);
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
memo_slot(struct pk_products *pp, const char *s, size_t n, uint32_t h)
{
	struct memo *m;
	size_t j;

	for (j = h & (MEMO_SLOTS - 1);; j = (j + 1) & (MEMO_SLOTS - 1)) {
		m = &pp->memo[j];
		if (m->key == NULL || (m->hash == h && m->len == n &&
		    same_text(m->key, s, n)))
			return m;
	}
}

/*
 * s[0..n)'s cut from the memo, worked out and remembered when new.  The
 * text last seen under the same hint (the caller's: a port number) is
 * tried first, which needs no hash: a scan shows the same version text
 * on the same port host after host.
 */
static const struct cut *
memo_cut(struct pk_products *pp, const char *s, size_t n, unsigned hint,
    struct cut *tmp)
{
	struct hint *hp = &pp->hint[hint & (HINT_SLOTS - 1)];
	struct memo *m;
	uint32_t h;

	if (n >= MEMO_KEY) {
		plan(pp, s, n, tmp);
		return tmp;
	}
	if (hp->key != NULL && hp->len == n && same_text(hp->key, s, n))
		return &hp->m->cut;
	h = memo_hash(s, n);
	m = memo_slot(pp, s, n, h);
	if (m->key == NULL) {
		if (pp->nmemo == MEMO_MAX) {	/* full: start over */
			memset(pp->memo, 0, sizeof(pp->memo));
			memset(pp->hint, 0, sizeof(pp->hint));
			pk_arena_reset(&pp->memokeys);
			pp->nmemo = 0;
			m = memo_slot(pp, s, n, h);
		}
		plan(pp, s, n, &m->cut);
		if ((m->key = pk_arena_strndup(&pp->memokeys, s, n)) == NULL)
			return &m->cut;	/* no memory to remember it: still
					   right */
		m->hash = h;
		m->len = (uint32_t)n;
		pp->nmemo++;
	}
	hp->key = m->key;
	hp->len = n;
	hp->m = m;
	return &m->cut;
}

int
pk_products_split(struct pk_products *pp, char *s, size_t n, unsigned hint,
    const char **product, const char **version, const char **extrainfo)
{
	struct cut tmp;
	const struct cut *c;

	if (pp == NULL || pp->n == 0) {
		plan(NULL, s, n, &tmp);
		c = &tmp;
	} else
		c = memo_cut(pp, s, n, hint, &tmp);
	return cut_apply(c, s, n, product, version, extrainfo);
}
