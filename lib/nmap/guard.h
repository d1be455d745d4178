/*
 * guard.h - a byte-level watch over XML before libxml2 sees it.
 *
 * libxml2 2.9.14 checks for duplicate attributes in quadratic time
 * (100,000 attributes on one tag cost it ~55 s) and cannot be told to
 * stop after N attributes, and a push parser cannot be told where one
 * document ends and the next begins.  So every byte first passes this
 * small state machine: it counts the attributes and bytes of each tag,
 * and reports the byte just after each "</nmaprun>", where a file holding
 * several runs (--append-output, --resume) starts its next document.
 *
 * It also finds, inside attribute values, character references to
 * characters XML 1.0 forbids ("&#x1b;", which nmap 7.94 writes into
 * service names, nmap issue 2657): libxml2 stops the whole parse at one,
 * so the driver feeds it a replacement instead.  Only the '&' bytes of
 * the input are looked at, found with memchr.
 */
#ifndef PK_XML_GUARD_H
#define PK_XML_GUARD_H

#include <stddef.h>

/* The longest character reference looked at ("&#x0000001b;"). */
#define PK_GUARD_REF_MAX	24

struct pk_xml_guard {
	int		 state;
	char		 quote;
	char		 name[9];	/* element name, first 8 bytes */
	size_t		 namelen;
	int		 name_done;
	int		 endtag;
	char		 lead[8];	/* after "<!": comment or CDATA? */
	size_t		 leadlen;
	unsigned	 match;		/* progress through a terminator */
	size_t		 tagbytes;
	size_t		 attrs;
	size_t		 max_tag_bytes;
	size_t		 max_attrs;
	int		 avx2;	/* the fast path may use AVX2 */
	int		 at_end;	/* no more input: never PK_GUARD_MORE */
	size_t		 reflen;	/* PK_GUARD_CHARREF: its length */
	char		 ref[PK_GUARD_REF_MAX + 1]; /* and its text */
};

enum pk_guard_result {
	PK_GUARD_OK = 0,		/* every byte checked */
	PK_GUARD_SPLIT = 1,		/* a document ends at *used */
	PK_GUARD_CHARREF = 2,		/* a forbidden reference at *used,
					   reflen bytes, in a value */
	PK_GUARD_MORE = 3,		/* at *used a reference may begin
					   that the bytes end inside: call
					   again with PK_GUARD_REF_MAX more */
	PK_GUARD_TAG_LIMIT = -1,	/* a tag longer than max_tag_bytes */
	PK_GUARD_ATTR_LIMIT = -2	/* more than max_attrs attributes */
};

void	pk_xml_guard_init(struct pk_xml_guard *g, size_t max_tag_bytes,
	    size_t max_attrs);
/*
 * Check p[0..n).  *used is how many bytes were checked: all of them for
 * PK_GUARD_OK, up to and including the '>' of "</nmaprun>" for
 * PK_GUARD_SPLIT, up to the offending byte for a limit, up to the '&' for
 * PK_GUARD_CHARREF and PK_GUARD_MORE.
 */
int	pk_xml_guard_scan(struct pk_xml_guard *g, const char *p, size_t n,
	    size_t *used);

#endif /* PK_XML_GUARD_H */
