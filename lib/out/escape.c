/*
 * escape.c - cell values escaped for each output format, and the UTF-8
 * checks they share.
 *
 * Whatever a scan holds (service banners, script output, host names
 * from DNS) ends up on someone's terminal, in a spreadsheet or in a web
 * page, so every format neutralises control bytes and C1 controls.  Each
 * escaper scans for the next byte needing care and copies the run of
 * plain bytes before it with one ob_put: the common value needs no
 * escaping at all.  pk_escape hands them to callers that write more than
 * rows (preport's HTML and Markdown).
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "out/emit_impl.h"

static const char hexdig[] = "0123456789abcdef";

static void
ob_hexbyte(struct obuf *b, unsigned char c)
{
	char e[4] = { '\\', 'x', hexdig[c >> 4], hexdig[c & 15] };

	ob_put(b, e, 4);
}

/* --- Escaping, one function per format ---------------------------------- */

/*
 * Past a non-ASCII byte at p: how many bytes to let through (*n), or 0
 * when the bytes at p must be escaped because a terminal could take them
 * for a C1 control (U+0080..U+009F in UTF-8, or a stray byte 0x80..0x9f
 * that a Latin-1 terminal would obey); *n is then the count to escape.
 */
static int
high_pass(const unsigned char *p, size_t *n)
{
	*n = pk_utf8_seq(p);
	if (*n == 2 && p[0] == 0xc2 && p[1] <= 0x9f)
		return 0;
	if (*n != 0)
		return 1;
	*n = 1;
	return p[0] > 0x9f;
}

/* Escape n bytes at p as \xHH each. */
static void
ob_hexbytes(struct obuf *b, const unsigned char *p, size_t n)
{
	while (n-- > 0)
		ob_hexbyte(b, *p++);
}

/*
 * At a byte 0x80 or above (tsv and csv): let a UTF-8 sequence through, or
 * escape a C1 control or stray byte as \xHH.  Returns the last byte
 * handled; *run, the start of bytes not yet written, moves past an
 * escaped one.
 */
static const unsigned char *
esc_high(struct obuf *b, const unsigned char *p, const unsigned char **run)
{
	size_t n;

	if (high_pass(p, &n))
		return p + n - 1;
	ob_put(b, *run, (size_t)(p - *run));
	ob_hexbytes(b, p, n);
	*run = p + n;
	return p + n - 1;
}

/* Bytes a tsv cell carries as they are: printable ASCII but backslash. */
static const unsigned char tsv_plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/*
 * tsv: \\ \t \n \r, other C0 bytes, DEL and C1 controls as \xHH; the
 * rest as is.  Rows copy plain cells whole (tsv.c) and hand only the
 * others to this loop.
 */
void
pk_esc_tsv(struct obuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	unsigned char c;

	for (;; p++) {
		c = *p;
		if (tsv_plain[c])
			continue;
		if (c >= 0x80) {
			p = esc_high(b, p, &run);
			continue;
		}
		ob_put(b, run, (size_t)(p - run));
		run = p + 1;
		switch (c) {
		case '\0':
			return;
		case '\\':
			ob_put(b, "\\\\", 2);
			break;
		case '\t':
			ob_put(b, "\\t", 2);
			break;
		case '\n':
			ob_put(b, "\\n", 2);
			break;
		case '\r':
			ob_put(b, "\\r", 2);
			break;
		default:
			ob_hexbyte(b, c);
			break;
		}
	}
}

/* Whether a csv value needs quotes: , " CR LF or edge whitespace. */
static int
csv_needs_quotes(const char *s)
{
	size_t n;

	if (s[0] == '\0')
		return 0;
	n = strlen(s);
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t')
		return 1;
	return s[strcspn(s, ",\"\r\n")] != '\0';
}

/* A plain number ("-1", "+2.5", "1e3") is no formula, even unquoted. */
static int
is_number(const char *s)
{
	const char *p = s;

	if (*p == '+' || *p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return 0;
	p += strspn(p, "0123456789");
	if (*p == '.' && p[1] >= '0' && p[1] <= '9')
		p += 1 + strspn(p + 1, "0123456789");
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (*p < '0' || *p > '9')
			return 0;
		p += strspn(p, "0123456789");
	}
	return *p == '\0';
}

static int
csv_formula(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL &&
	    !is_number(s);
}

/*
 * csv: quoted when needed, " doubled.  CSV has no escapes, so CR and LF
 * are written as the text \r and \n (a value never starts a new record)
 * and other C0 bytes but tab, DEL and C1 controls as \xHH (no terminal
 * escapes).
 */
void
pk_esc_csv(struct obuf *b, const char *s, int safe)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	int quote = csv_needs_quotes(s);
	unsigned char c;

	if (quote)
		ob_putc(b, '"');
	if (safe && csv_formula(s))
		ob_putc(b, '\'');
	for (;; p++) {
		c = *p;
		if ((c >= 0x20 && c < 0x7f && c != '"') || c == '\t')
			continue;
		if (c >= 0x80) {
			p = esc_high(b, p, &run);
			continue;
		}
		ob_put(b, run, (size_t)(p - run));
		run = p + 1;
		if (c == '\0')
			break;
		if (c == '"')
			ob_put(b, "\"\"", 2);
		else if (c == '\n')
			ob_put(b, "\\n", 2);
		else if (c == '\r')
			ob_put(b, "\\r", 2);
		else
			ob_hexbyte(b, c);
	}
	if (quote)
		ob_putc(b, '"');
}

/* A byte as the JSON escape \u00XX. */
static void
json_u00(struct obuf *b, unsigned char c)
{
	char u[6] = { '\\', 'u', '0', '0', hexdig[c >> 4], hexdig[c & 15] };

	ob_put(b, u, 6);
}

/*
 * One byte that JSON cannot carry raw: a quote, a backslash or a control
 * below 0x20 or DEL, or a byte >= 0x80 that starts no valid UTF-8
 * sequence.
 */
static void
json_byte(struct obuf *b, unsigned char c)
{
	switch (c) {
	case '"':
		ob_put(b, "\\\"", 2);
		break;
	case '\\':
		ob_put(b, "\\\\", 2);
		break;
	case '\n':
		ob_put(b, "\\n", 2);
		break;
	case '\r':
		ob_put(b, "\\r", 2);
		break;
	case '\t':
		ob_put(b, "\\t", 2);
		break;
	case '\b':
		ob_put(b, "\\b", 2);
		break;
	case '\f':
		ob_put(b, "\\f", 2);
		break;
	default:
		if (c >= 0x80)
			ob_put(b, "\xef\xbf\xbd", 3);
		else
			json_u00(b, c);
		break;
	}
}

/*
 * jsonl: RFC 8259 escapes, other C0 bytes, DEL and C1 controls as
 * \u00XX, and every byte that does not start a valid UTF-8 sequence as
 * U+FFFD.
 */
void
pk_esc_json(struct obuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	unsigned char c;
	size_t n;

	ob_putc(b, '"');
	for (;; p++) {
		c = *p;
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			continue;
		if (c >= 0x80 && (n = pk_utf8_seq(p)) != 0 &&
		    !(c == 0xc2 && p[1] <= 0x9f)) {
			p += n - 1;
			continue;
		}
		ob_put(b, run, (size_t)(p - run));
		run = p + 1;
		if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			/* C1 controls are valid JSON raw; escape them anyway. */
			json_u00(b, p[1]);
			run = ++p + 1;
			continue;
		}
		if (c == '\0')
			break;
		json_byte(b, c);
	}
	ob_putc(b, '"');
}

/*
 * text, md and list: what a terminal may show.  C0 bytes, DEL, C1
 * controls (U+0080..U+009F) and bytes that are not valid UTF-8 become
 * \xHH per byte; md also backslash-escapes its own syntax.  Returns the
 * width in code points.
 */
size_t
pk_esc_display(struct obuf *b, const char *s, int md)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	size_t n, w = 0;
	unsigned char c;

	for (;; p++) {
		c = *p;
		if (c >= 0x20 && c < 0x7f &&
		    (!md || strchr("\\|*_`[]<>&~", c) == NULL)) {
			w++;
			continue;
		}
		if (c >= 0x80 && (n = pk_utf8_seq(p)) != 0 &&
		    !(c == 0xc2 && p[1] < 0xa0)) {
			p += n - 1;
			w++;
			continue;
		}
		ob_put(b, run, (size_t)(p - run));
		if (c == '\0')
			return w;
		if (c >= 0x20 && c < 0x7f) {
			ob_putc(b, '\\');
			ob_putc(b, (char)c);
			w += 2;
		} else if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			/* A C1 control; a lone 0xc2 falls to the else. */
			ob_hexbyte(b, c);
			ob_hexbyte(b, *++p);
			w += 8;
		} else {
			ob_hexbyte(b, c);
			w += 4;
		}
		run = p + 1;
	}
}

/*
 * XML text and attribute values, as minidom writes them (& < > " as
 * entities, tab, newline and carriage return kept), but always
 * well-formed: a character XML 1.0 forbids (the other C0 controls,
 * U+FFFE, U+FFFF) or a byte that is not valid UTF-8 becomes U+FFFD.
 */
void
pk_esc_xml(struct obuf *b, const char *s)
{
	static const char repl[] = "\xef\xbf\xbd";
	const unsigned char *p = (const unsigned char *)s, *run = p;
	const char *ent;
	size_t n;
	unsigned char c;

	for (;; p++) {
		c = *p;
		if ((c >= 0x20 && c < 0x80 && strchr("&<>\"", c) == NULL) ||
		    c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c >= 0x80 && (n = pk_utf8_seq(p)) != 0 && !(c == 0xef &&
		    p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf))) {
			p += n - 1;
			continue;
		}
		ob_put(b, run, (size_t)(p - run));
		run = p + 1;
		if (c == '\0')
			return;
		switch (c) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		default: ent = repl; break;
		}
		ob_put(b, ent, strlen(ent));
		/* A forbidden U+FFFE or U+FFFF goes whole. */
		if (c == 0xef && pk_utf8_seq(p) == 3) {
			p += 2;
			run = p + 1;
		}
	}
}

/* Bytes HTML text must not carry raw: & < > always, " and ' in values. */
static int
html_special(unsigned char c, int attr)
{
	return c == '&' || c == '<' || c == '>' ||
	    (attr && (c == '"' || c == '\''));
}

/* One byte of HTML that needs care, as an entity or as \xHH text. */
static void
html_byte(struct obuf *b, unsigned char c)
{
	switch (c) {
	case '&':
		ob_put(b, "&amp;", 5);
		break;
	case '<':
		ob_put(b, "&lt;", 4);
		break;
	case '>':
		ob_put(b, "&gt;", 4);
		break;
	case '"':
		ob_put(b, "&quot;", 6);
		break;
	case '\'':
		ob_put(b, "&#39;", 5);
		break;
	case '\t':
		ob_put(b, "&#9;", 4);
		break;
	case '\n':
		ob_put(b, "&#10;", 5);
		break;
	case '\r':
		ob_put(b, "&#13;", 5);
		break;
	default:
		ob_hexbyte(b, c);
		break;
	}
}

/*
 * html: the text of an element (attr 0) or a quoted attribute value
 * (attr 1).  & < > become entities, and in a value " ' and the white
 * space a value would fold (tab, LF, CR) too; text keeps tab, LF and CR,
 * so script output reads as it was in a <pre>.  Other C0 bytes, DEL, C1
 * controls and bytes that are not UTF-8 are shown as \xHH text, as in
 * the terminal formats.  Nothing a scan holds can then open a tag, end
 * the element or leave the quotes.
 */
void
pk_esc_html(struct obuf *b, const char *s, int attr)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	unsigned char c;
	size_t n;

	for (;; p++) {
		c = *p;
		if ((c >= 0x20 && c < 0x7f && !html_special(c, attr)) ||
		    (!attr && (c == '\t' || c == '\n' || c == '\r')))
			continue;
		if (c >= 0x80 && (n = pk_utf8_seq(p)) != 0 &&
		    !(c == 0xc2 && p[1] < 0xa0)) {
			p += n - 1;
			continue;
		}
		ob_put(b, run, (size_t)(p - run));
		if (c == '\0')
			return;
		if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			ob_hexbyte(b, c);
			ob_hexbyte(b, *++p);
		} else
			html_byte(b, c);
		run = p + 1;
	}
}
