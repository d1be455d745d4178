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
};

/*
 * product_len's answers for the texts seen last: a scan repeats a few
 * version texts over its hosts, and one answer can walk every template
 * that begins with a substitution.  Direct-mapped, texts up to PM_KEY.
 */
#define PM_SLOTS	256
#define PM_KEY		96

struct pmemo {
	uint32_t	 hash;
	size_t		 len;		/* 0: empty slot */
	char		 key[PM_KEY];
	size_t		 plen;
	const struct tpl *lit;
};

struct pk_products {
	struct pk_arena	 strings;
	struct tpl	*t;		/* keyed ones sorted by first word,
					   then the unkeyed */
	size_t		 n;
	size_t		 nkeyed;
	size_t		 cap;
	struct pmemo	 memo[PM_SLOTS];
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
		size_t ncap = pp->cap ? pp->cap * 2 : 1024;

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

/* "match ssh m|^SSH-...| p/OpenSSH/ v/$1/ ...": its p field, if any. */
static int
parse_line(struct pk_products *pp, char *line)
{
	char key[8], *p, *val;
	size_t vlen;

	if (strncmp(line, "match ", 6) == 0)
		p = line + 6;
	else if (strncmp(line, "softmatch ", 10) == 0)
		p = line + 10;
	else
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

/* Keyed names first, by first word; the longest first within a word. */
static int
tpl_cmp(const void *a, const void *b)
{
	const struct tpl *x = a, *y = b;
	size_t n;
	int c;

	if ((x->keylen == 0) != (y->keylen == 0))
		return x->keylen == 0 ? 1 : -1;
	n = x->keylen < y->keylen ? x->keylen : y->keylen;
	if ((c = memcmp(x->text, y->text, n)) != 0)
		return c;
	if (x->keylen != y->keylen)
		return x->keylen < y->keylen ? -1 : 1;
	return strcmp(x->text, y->text);
}

static void
dedup(struct pk_products *pp)
{
	size_t i, j = 0;

	for (i = 0; i < pp->n; i++)
		if (j == 0 || strcmp(pp->t[j - 1].text, pp->t[i].text) != 0)
			pp->t[j++] = pp->t[i];
	pp->n = j;
	for (i = 0; i < pp->n && pp->t[i].keylen > 0; i++)
		continue;
	pp->nkeyed = i;
}

struct pk_products *
pk_products_read(FILE *fp, struct pk_error *err)
{
	struct pk_products *pp;
	char *line = NULL;
	size_t cap = 0;
	int oom = 0, rc = PK_OK;

	if ((pp = calloc(1, sizeof(*pp))) == NULL) {
		pk_error_set(err, PK_ERR_NOMEM, 0, "out of memory");
		return NULL;
	}
	pk_arena_init(&pp->strings, 0);
	errno = 0;
	while (!oom && getline(&line, &cap, fp) != -1)
		oom = parse_line(pp, line) != 0;
	/* A file read in part would split some fields and not others. */
	if (oom || errno == ENOMEM)
		rc = PK_ERR_NOMEM;
	else if (!feof(fp))
		rc = PK_ERR_IO;
	free(line);
	if (rc != PK_OK) {
		pk_error_set(err, rc, 0, "%s", rc == PK_ERR_NOMEM ?
		    "out of memory" : "read error");
		pk_products_free(pp);
		return NULL;
	}
	if (pp->n > 0)
		qsort(pp->t, pp->n, sizeof(*pp->t), tpl_cmp);
	dedup(pp);
	return pp;
}

void
pk_products_free(struct pk_products *pp)
{
	if (pp == NULL)
		return;
	pk_arena_destroy(&pp->strings);
	free(pp->t);
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

/* The first keyed template whose first word is s[0..n), or pp->nkeyed. */
static size_t
first_of(const struct pk_products *pp, const char *s, size_t n)
{
	size_t lo = 0, hi = pp->nkeyed, mid, m;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		m = pp->t[mid].keylen < n ? pp->t[mid].keylen : n;
		c = memcmp(pp->t[mid].text, s, m);
		if (c == 0)
			c = pp->t[mid].keylen < n ? -1 :
			    pp->t[mid].keylen > n ? 1 : 0;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
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
 * literal name matched, to give '/' back where grepable wrote '|'.
 */
static size_t
product_len(const struct pk_products *pp, const char *s,
    const struct tpl **lit)
{
	char key[256];
	size_t n, i, best = 0, bestvar = 0;
	long r;

	*lit = NULL;
	for (n = 0; s[n] != '\0' && s[n] != ' '; n++)
		key[n < sizeof(key) ? n : 0] = s[n] == '|' ? '/' : s[n];
	if (n >= sizeof(key))
		n = 0;				/* no name is that long */
	for (i = first_of(pp, key, n); n > 0 && i < pp->nkeyed &&
	    key_is(&pp->t[i], s, n); i++) {
		if ((r = tmatch(pp->t[i].text, s, 0)) <= 0)
			continue;
		if (!pp->t[i].var && (size_t)r > best) {
			best = (size_t)r;
			*lit = &pp->t[i];
		} else if (pp->t[i].var && (size_t)r > bestvar)
			bestvar = (size_t)r;
	}
	for (i = pp->nkeyed; best == 0 && i < pp->n; i++)
		if ((r = tmatch(pp->t[i].text, s, 0)) > 0 &&
		    (size_t)r > bestvar)
			bestvar = (size_t)r;
	return best > 0 ? best : bestvar;
}

/* product_len through the memo (pp's own: one reader's). */
static size_t
product_len_memo(struct pk_products *pp, const char *s,
    const struct tpl **lit)
{
	struct pmemo *m;
	size_t n = strlen(s);
	uint32_t h;

	if (n == 0 || n >= PM_KEY)
		return product_len(pp, s, lit);
	h = pk_hash(s, n);
	m = &pp->memo[h & (PM_SLOTS - 1)];
	if (m->len == n && m->hash == h && memcmp(m->key, s, n) == 0) {
		*lit = m->lit;
		return m->plen;
	}
	m->plen = product_len(pp, s, lit);
	m->lit = *lit;
	m->hash = h;
	m->len = n;
	memcpy(m->key, s, n);
	return m->plen;
}

/*
 * The start of the trailing "(...)" of s[0..n), its parentheses
 * balanced, at the start or after a space; NULL when there is none.
 */
static char *
trailing_paren(char *s, size_t n)
{
	size_t i, depth = 0;

	if (n < 2 || s[n - 1] != ')')
		return NULL;
	for (i = n; i-- > 0;) {
		if (s[i] == ')')
			depth++;
		else if (s[i] == '(' && --depth == 0)
			return i == 0 || s[i - 1] == ' ' ? s + i : NULL;
	}
	return NULL;
}

int
pk_products_split(struct pk_products *pp, char *s,
    const char **product, const char **version, const char **extrainfo)
{
	const struct tpl *lit = NULL;
	size_t plen = 0, n;
	char *rest, *paren;

	*product = *extrainfo = NULL;
	*version = s;
	if (pp != NULL && pp->n > 0)
		plen = product_len_memo(pp, s, &lit);
	rest = s + plen;
	if (plen > 0 && *rest != '\0') {
		if (rest[1] == ' ' || rest[1] == '\0')
			return 0;		/* not one space: unsure */
		rest++;
	}
	n = strlen(rest);
	paren = trailing_paren(rest, n);
	if (plen == 0 && paren != s)
		return 0;			/* unsettled: joined */
	if (paren != NULL && paren > rest && (paren - rest < 2 ||
	    paren[-2] == ' '))
		return 0;
	/* Settled: cut s in place. */
	if (plen > 0) {
		if (lit != NULL)
			memcpy(s, lit->text, plen);	/* '|' back to '/' */
		s[plen] = '\0';
		*product = s;
	}
	*version = *rest != '\0' ? rest : NULL;
	if (paren != NULL) {
		rest[n - 1] = '\0';			/* its ')' */
		*extrainfo = paren[1] != '\0' ? paren + 1 : NULL;
		if (paren == rest)
			*version = NULL;
		else
			paren[-1] = '\0';
	}
	return 1;
}
