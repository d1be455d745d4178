/*
 * json.c - one JSON value, parsed from one line into a small tree, for
 * masscan's JSON outputs (masscan_json.c).
 *
 * masscan writes a record per line, so a value never spans lines and a
 * line is bounded by max_line_bytes; the tree lives in an arena reset
 * for every line.  Nesting is capped (masscan's records nest three
 * deep); strings are decoded to bytes, \u escapes to UTF-8.
 */
#include <stdio.h>
#include <string.h>

#include "base/parse.h"
#include "gnmap/json.h"

#define JS_MAX_DEPTH	16

struct jp {
	struct pk_arena	*a;
	const char	*start;
	const char	*p;
	const char	*end;
	char		*msg;
	size_t		 msgsz;
	unsigned	 depth;
};

static int
jp_fail(struct jp *j, const char *what)
{
	if (j->msg[0] == '\0')
		(void)snprintf(j->msg, j->msgsz, "%s at column %zu", what,
		    (size_t)(j->p - j->start) + 1);
	return -1;
}

static void
jp_ws(struct jp *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
	    *j->p == '\r' || *j->p == '\n'))
		j->p++;
}

/* Four hex digits after "\u"; -1 when they are not. */
static long
jp_hex4(struct jp *j)
{
	long v = 0;
	int i, h;

	if (j->end - j->p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if ((h = pk_hexval(j->p[i])) < 0)
			return -1;
		v = v * 16 + h;
	}
	j->p += 4;
	return v;
}

static size_t
utf8_put(char *o, unsigned long c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xc0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* A \u escape (the "\u" consumed), a surrogate pair joined; U+FFFD alone. */
static int
jp_unicode(struct jp *j, char *o, size_t *n)
{
	long c = jp_hex4(j), lo;

	if (c < 0)
		return jp_fail(j, "bad \\u escape");
	if (c >= 0xd800 && c <= 0xdbff && j->end - j->p >= 6 &&
	    j->p[0] == '\\' && j->p[1] == 'u') {
		j->p += 2;
		if ((lo = jp_hex4(j)) < 0)
			return jp_fail(j, "bad \\u escape");
		if (lo >= 0xdc00 && lo <= 0xdfff)
			c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
		else
			j->p -= 6;	/* not a pair: take it on its own */
	}
	if (c >= 0xd800 && c <= 0xdfff)
		c = 0xfffd;
	*n += utf8_put(o + *n, (unsigned long)c);
	return 0;
}

static int
jp_escape(struct jp *j, char *o, size_t *n)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k;

	if (j->p == j->end)
		return jp_fail(j, "unterminated string");
	if (*j->p == 'u') {
		j->p++;
		return jp_unicode(j, o, n);
	}
	if ((k = memchr(from, *j->p, sizeof(from) - 1)) == NULL)
		return jp_fail(j, "bad escape in string");
	o[(*n)++] = to[k - from];
	j->p++;
	return 0;
}

/* A string (at its opening quote), decoded into the arena. */
static int
jp_string(struct jp *j, const char **s, size_t *len)
{
	const char *q;
	char *o;
	size_t n = 0;

	j->p++;
	/* Decoding never lengthens: "\uXXXX" (6) is at most 4 bytes. */
	for (q = j->p; q < j->end && *q != '"'; q++)
		if (*q == '\\' && q + 1 < j->end)
			q++;
	if ((o = pk_arena_alloc(j->a, (size_t)(q - j->p) + 1)) == NULL)
		return jp_fail(j, "out of memory");
	while (j->p < j->end && *j->p != '"') {
		if ((unsigned char)*j->p < 0x20)
			return jp_fail(j, "control character in string");
		if (*j->p != '\\') {
			o[n++] = *j->p++;
			continue;
		}
		j->p++;
		if (jp_escape(j, o, &n) == -1)
			return -1;
	}
	if (j->p == j->end)
		return jp_fail(j, "unterminated string");
	j->p++;
	o[n] = '\0';
	*s = o;
	*len = n;
	return 0;
}

static int
jp_number(struct jp *j, struct js_value *v)
{
	const char *q = j->p;

	if (q < j->end && *q == '-')
		q++;
	if (q == j->end || *q < '0' || *q > '9')
		return jp_fail(j, "bad number");
	while (q < j->end && ((*q >= '0' && *q <= '9') || *q == '.' ||
	    *q == 'e' || *q == 'E' || *q == '+' || *q == '-'))
		q++;
	v->type = JS_NUM;
	v->s = j->p;
	v->n = (size_t)(q - j->p);
	j->p = q;
	return 0;
}

static int	jp_value(struct jp *, struct js_value *);

/* Members of an object or items of an array, after the opening bracket. */
static int
jp_items(struct jp *j, struct js_value *v, char close)
{
	struct js_value **tail = &v->first, *c;

	jp_ws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		return 0;
	}
	for (;;) {
		if ((c = pk_arena_zalloc(j->a, sizeof(*c))) == NULL)
			return jp_fail(j, "out of memory");
		jp_ws(j);
		if (close == '}') {
			if (j->p == j->end || *j->p != '"')
				return jp_fail(j, "expected a member name");
			if (jp_string(j, &c->key, &c->nkey) == -1)
				return -1;
			jp_ws(j);
			if (j->p == j->end || *j->p++ != ':')
				return jp_fail(j, "expected ':'");
		}
		if (jp_value(j, c) == -1)
			return -1;
		*tail = c;
		tail = &c->next;
		jp_ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			j->p++;
			return 0;
		}
		return jp_fail(j, close == '}' ? "expected ',' or '}'" :
		    "expected ',' or ']'");
	}
}

static int
jp_word(struct jp *j, struct js_value *v, const char *w, int type)
{
	size_t n = strlen(w);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n) != 0)
		return jp_fail(j, "unexpected character");
	v->type = type;
	v->s = j->p;
	v->n = n;
	j->p += n;
	return 0;
}

static int
jp_value(struct jp *j, struct js_value *v)
{
	int rc;

	jp_ws(j);
	if (j->p == j->end)
		return jp_fail(j, "expected a value");
	switch (*j->p) {
	case '{':
	case '[':
		if (++j->depth > JS_MAX_DEPTH)
			return jp_fail(j, "JSON nested too deep");
		v->type = *j->p == '{' ? JS_OBJECT : JS_ARRAY;
		j->p++;
		rc = jp_items(j, v, v->type == JS_OBJECT ? '}' : ']');
		j->depth--;
		return rc;
	case '"':
		v->type = JS_STRING;
		return jp_string(j, &v->s, &v->n);
	case 't':
		return jp_word(j, v, "true", JS_BOOL);
	case 'f':
		return jp_word(j, v, "false", JS_BOOL);
	case 'n':
		return jp_word(j, v, "null", JS_NULL);
	default:
		return jp_number(j, v);
	}
}

int
pk_js_parse(struct pk_arena *a, const char *p, size_t n, size_t *used,
    struct js_value *v, char *msg, size_t msgsz)
{
	struct jp j = { a, p, p, p + n, msg, msgsz, 0 };

	msg[0] = '\0';
	memset(v, 0, sizeof(*v));
	if (jp_value(&j, v) == -1)
		return -1;
	*used = (size_t)(j.p - p);
	return 0;
}

const struct js_value *
pk_js_get(const struct js_value *obj, const char *key)
{
	const struct js_value *c;
	size_t n = strlen(key);

	if (obj == NULL || obj->type != JS_OBJECT)
		return NULL;
	for (c = obj->first; c != NULL; c = c->next)
		if (c->nkey == n && memcmp(c->key, key, n) == 0)
			return c;
	return NULL;
}
