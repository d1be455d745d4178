/*
 * json.c - a script's <table>/<elem> tree as JSON text, for the
 * elements field of script records.
 *
 * The text is made where rows are made (scan/), below the writers, so it
 * escapes strings here, by the rules of out/'s jsonl escaper: RFC 8259
 * escapes, other controls, DEL and C1 as \u00XX, a byte that starts no
 * valid UTF-8 sequence as U+FFFD.
 */
#include <string.h>

#include "base/json.h"
#include "base/utf8.h"

struct jbuf {
	struct pk_arena	*a;
	char		*s;
	size_t		 len;
	size_t		 cap;
	int		 fail;
};

static void
jb_put(struct jbuf *b, const char *s, size_t n)
{
	size_t ncap;
	char *p;

	if (b->fail)
		return;
	if (b->len + n + 1 > b->cap) {
		ncap = (b->len + n + 1) * 2;
		if ((p = pk_arena_grow(b->a, b->s, b->cap, ncap)) == NULL) {
			b->fail = 1;
			return;
		}
		b->s = p;
		b->cap = ncap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
jb_u00(struct jbuf *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

	jb_put(b, u, 6);
}

/* One byte JSON cannot carry raw (see the comment at the top). */
static void
jb_byte(struct jbuf *b, unsigned char c)
{
	static const char esc[] = "\"\"\\\\\nn\rr\tt\bb\ff";
	const char *e;
	char two[2] = { '\\', 0 };

	if (c >= 0x80) {
		jb_put(b, "\xef\xbf\xbd", 3);
		return;
	}
	for (e = esc; *e != '\0' && c != 0; e += 2)
		if ((unsigned char)e[0] == c) {
			two[1] = e[1];
			jb_put(b, two, 2);
			return;
		}
	jb_u00(b, c);
}

static void
jb_str(struct jbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	size_t n;

	jb_put(b, "\"", 1);
	for (; *p != '\0'; p++) {
		if (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
			continue;
		if (*p >= 0x80 && (n = pk_utf8_seq(p)) != 0 &&
		    !(*p == 0xc2 && p[1] <= 0x9f)) {
			p += n - 1;
			continue;
		}
		jb_put(b, (const char *)run, (size_t)(p - run));
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			jb_u00(b, *++p);
		else
			jb_byte(b, *p);
		run = p + 1;
	}
	jb_put(b, (const char *)run, (size_t)(p - run));
	jb_put(b, "\"", 1);
}

static void	jb_list(struct jbuf *, const struct pk_script_elem *, size_t);

static void
jb_value(struct jbuf *b, const struct pk_script_elem *e)
{
	if (e->value != NULL)
		jb_str(b, e->value);
	else
		jb_list(b, e->children, e->nchildren);
}

static void
jb_list(struct jbuf *b, const struct pk_script_elem *e, size_t n)
{
	size_t i;
	int object = n > 0;

	for (i = 0; i < n; i++)
		if (e[i].key == NULL)
			object = 0;
	jb_put(b, object ? "{" : "[", 1);
	for (i = 0; i < n; i++) {
		if (i > 0)
			jb_put(b, ",", 1);
		if (e[i].key != NULL) {
			if (!object)
				jb_put(b, "{", 1);
			jb_str(b, e[i].key);
			jb_put(b, ":", 1);
		}
		jb_value(b, &e[i]);
		if (e[i].key != NULL && !object)
			jb_put(b, "}", 1);
	}
	jb_put(b, object ? "}" : "]", 1);
}

char *
pk_json_elems(struct pk_arena *a, const struct pk_script_elem *e, size_t n)
{
	struct jbuf b = { a, NULL, 0, 0, 0 };

	jb_list(&b, e, n);
	return b.fail ? NULL : b.s;
}
