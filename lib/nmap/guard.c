/*
 * guard.c - a byte-level watch over XML before libxml2 sees it.
 *
 * Most of an Nmap XML file is attribute values, which are skipped with
 * memchr; only names and the gaps between attributes are walked byte by
 * byte, so the watch costs a small fraction of the parse.
 */
#include <string.h>

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

/*
 * The fast path.  '<' cannot appear inside an attribute value, so a tag
 * ends before the next '<'; an attribute takes at least four bytes
 * (a=""), so a tag followed by another '<' within 4 * max_attrs bytes can
 * break neither limit and needs no closer look.  Most tags of an Nmap
 * file are like that, start and end tags alike, which spares the walk
 * over their bytes.  "</nmaprun>" (where a document ends), comments,
 * CDATA and processing instructions take the exact path, and so does an
 * end tag whose name runs past the bytes at hand.  p[*i] is the byte
 * after '<'; returns 1 and moves *i to the next '<' when the tag was
 * skipped.
 */
static int
guard_short_tag(struct pk_xml_guard *g, const char *p, size_t n, size_t *i)
{
	size_t span = 4 * g->max_attrs, k = *i;
	const char *q;

	if (k >= n || p[k] == '!' || p[k] == '?')
		return 0;
	if (p[k] == '/' && (n - k < 8 || memcmp(p + k + 1, "nmaprun", 7) == 0))
		return 0;
	if (span > g->max_tag_bytes)
		span = g->max_tag_bytes;
	if (span > n - k)
		span = n - k;
	q = memchr(p + k, '<', span);
	if (q == NULL)
		return 0;
	*i = (size_t)(q - p);
	return 1;
}

/*
 * Character data and the tags that take the fast path, one memchr per
 * tag: returns where the exact walk must go on, with the state it needs
 * (G_TEXT at the end of the bytes, else G_LT after a '<').
 */
static size_t
guard_text(struct pk_xml_guard *g, const char *p, size_t n, size_t i)
{
	const char *q;

	if ((q = memchr(p + i, '<', n - i)) == NULL)
		return n;
	i = (size_t)(q - p) + 1;
	while (guard_short_tag(g, p, n, &i))
		i++;
	guard_tag_start(g);
	return i;
}

int
pk_xml_guard_scan(struct pk_xml_guard *g, const char *p, size_t n,
    size_t *used)
{
	const char *q;
	size_t i = 0;
	int rc;

	while (i < n) {
		switch (g->state) {
		case G_TEXT:
			i = guard_text(g, p, n, i);
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
