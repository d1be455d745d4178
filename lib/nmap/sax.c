/*
 * sax.c - Nmap and masscan XML through libxml2's SAX2 push parser.
 *
 * The push parser is fed buffer by buffer from the input layer and calls
 * back per element; hosts are built as their elements arrive and queued
 * at </host>.  Unlike xmlTextReader it delivers every complete host of a
 * file cut anywhere, and it never builds a tree.
 *
 * Untrusted files: no DTD is loaded, no entity is declared or
 * substituted, nothing is fetched (XML_PARSE_NONET, a resolveEntity
 * callback that refuses), a DOCTYPE other than <!DOCTYPE nmaprun> is
 * refused, and tag size, attribute count and depth are capped before
 * libxml2 spends time on them (guard.c).
 *
 * One error is recovered, and only that one: a character reference to a
 * character XML 1.0 forbids inside an attribute value, which nmap 7.94
 * writes into service names (nmap issue 2657: name="ife-biteP&#x1b;").
 * The guard finds it before libxml2 does, and libxml2 is fed "&#xFFFD;"
 * (U+FFFD REPLACEMENT CHARACTER) in its place, with one warning a file.
 * libxml2's own recovery mode (XML_PARSE_RECOVER) stays off.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "nmap/nmap.h"
#include "nmap/nmap_impl.h"
#include "nmap/guard.h"

#define XML_OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOERROR | \
			 XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | \
			 XML_PARSE_BIG_LINES)

struct xml_impl {
	struct pk_xml_state st;		/* what the callbacks build */
	struct pk_xml_guard guard;
	xmlSAXHandler	 sax;
	xmlParserCtxtPtr ctxt;
	int		 fed;		/* bytes fed to this document */
	int		 synthetic;	/* document opened by us */
	size_t		 need;		/* bytes the guard asked to see */
	int		 refs;		/* forbidden references replaced */
};

/*
 * For expat compatibility libxml2 builds a document to hold entities
 * declared in SAX mode even when the declaration is refused; it is ours
 * to free.
 */
static void
xml_free_ctxt(xmlParserCtxtPtr ctxt)
{
	if (ctxt->myDoc != NULL) {
		xmlFreeDoc(ctxt->myDoc);
		ctxt->myDoc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
}

static void
xml_free(struct pk_reader *r)
{
	struct xml_impl *x = r->impl;

	if (x == NULL)
		return;
	if (x->ctxt != NULL)
		xml_free_ctxt(x->ctxt);
	free(x->st.text);
	free(x->st.tstack);
	free(x->st.stack);
	free(x);
	r->impl = NULL;
}

/* libxml2 reports through here instead of writing to stderr. */
static void
xml_serror(void *ctx, xmlErrorPtr e)
{
	struct pk_xml_state *st = ctx;
	unsigned char *p;
	size_t n;

	if (e == NULL || e->level < XML_ERR_ERROR || st->xml_errno != 0)
		return;
	st->xml_errno = e->code != 0 ? e->code : -1;
	st->xml_line = e->line > 0 ? (unsigned long)e->line : 0;
	st->xml_col = e->int2 > 0 ? (unsigned long)e->int2 : 0;
	(void)snprintf(st->xml_msg, sizeof(st->xml_msg), "%s",
	    e->message != NULL ? e->message : "XML error");
	/* One line, nothing raw from the input: it may quote bytes. */
	for (p = (unsigned char *)st->xml_msg; *p != '\0'; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
		else if (*p < 0x20 || *p == 0x7f)
			*p = '?';
	n = strlen(st->xml_msg);
	while (n > 0 && st->xml_msg[n - 1] == ' ')
		st->xml_msg[--n] = '\0';
}

/* Nothing outside the file is ever read: refuse every external entity. */
static xmlParserInputPtr
xml_resolve_entity(void *ctx, const xmlChar *publicId,
    const xmlChar *systemId)
{
	(void)publicId;
	(void)systemId;
	pk_xml_stop((struct pk_xml_state *)ctx, PK_ERR_FORMAT,
	    "external entity refused");
	pk_xml_halt((struct pk_xml_state *)ctx);
	return NULL;
}

static xmlEntityPtr
xml_get_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	/* Predefined entities are handled by libxml2 itself. */
	return xmlGetPredefinedEntity(name);
}

static void
xml_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *publicId, const xmlChar *systemId, xmlChar *content)
{
	(void)name;
	(void)type;
	(void)publicId;
	(void)systemId;
	(void)content;
	pk_xml_stop((struct pk_xml_state *)ctx, PK_ERR_FORMAT,
	    "entity declarations are not allowed");
	pk_xml_halt((struct pk_xml_state *)ctx);
}

static void
xml_internal_subset(void *ctx, const xmlChar *name,
    const xmlChar *ExternalID, const xmlChar *SystemID)
{
	struct pk_xml_state *st = ctx;

	if (name == NULL || strcmp((const char *)name, "nmaprun") != 0)
		pk_xml_stop(st, PK_ERR_FORMAT,
		    "only <!DOCTYPE nmaprun> is accepted");
	else if (ExternalID != NULL || SystemID != NULL)
		pk_xml_stop(st, PK_ERR_FORMAT,
		    "external DTD refused");
	pk_xml_halt(st);
}

/* Any markup declaration inside a DOCTYPE is refused outright. */
static void
xml_element_decl(void *ctx, const xmlChar *name, int type,
    xmlElementContentPtr content)
{
	(void)name;
	(void)type;
	(void)content;
	pk_xml_stop((struct pk_xml_state *)ctx, PK_ERR_FORMAT,
	    "DTD declarations are not allowed");
	pk_xml_halt((struct pk_xml_state *)ctx);
}

static void
xml_attribute_decl(void *ctx, const xmlChar *elem, const xmlChar *fullname,
    int type, int def, const xmlChar *defaultValue, xmlEnumerationPtr tree)
{
	(void)elem;
	(void)fullname;
	(void)type;
	(void)def;
	(void)defaultValue;
	xmlFreeEnumeration(tree);
	pk_xml_stop((struct pk_xml_state *)ctx, PK_ERR_FORMAT,
	    "DTD declarations are not allowed");
	pk_xml_halt((struct pk_xml_state *)ctx);
}

static void
xml_notation_decl(void *ctx, const xmlChar *name, const xmlChar *publicId,
    const xmlChar *systemId)
{
	(void)name;
	(void)publicId;
	(void)systemId;
	pk_xml_stop((struct pk_xml_state *)ctx, PK_ERR_FORMAT,
	    "DTD declarations are not allowed");
	pk_xml_halt((struct pk_xml_state *)ctx);
}

static void
xml_sax_init(struct xml_impl *x)
{
	xmlSAXHandler *s = &x->sax;

	memset(s, 0, sizeof(*s));
	s->initialized = XML_SAX2_MAGIC;
	s->startElementNs = pk_xml_start_element;
	s->endElementNs = pk_xml_end_element;
	/* Set while collecting text only (pk_xml_collect). */
	x->st.on_text = pk_xml_characters;
	s->serror = xml_serror;
	s->resolveEntity = xml_resolve_entity;
	s->getEntity = xml_get_entity;
	s->getParameterEntity = xml_get_entity;
	s->entityDecl = xml_entity_decl;
	s->internalSubset = xml_internal_subset;
	s->elementDecl = xml_element_decl;
	s->attributeDecl = xml_attribute_decl;
	s->notationDecl = xml_notation_decl;
}

/* libxml2's generic handler is silenced while it has no context of ours. */
static void
xml_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/*
 * Creating a parser reports out-of-memory through libxml2's generic error
 * handler, which writes to stderr: swap in a silent one for the call and
 * put the caller's back (libxml2 keeps it per thread).
 */
static xmlParserCtxtPtr
xml_create_ctxt(struct xml_impl *x, const char *name)
{
	xmlGenericErrorFunc saved = xmlGenericError;
	void *saved_ctx = xmlGenericErrorContext;
	xmlParserCtxtPtr ctxt;

	xmlSetGenericErrorFunc(NULL, xml_quiet);
	ctxt = xmlCreatePushParserCtxt(&x->sax, &x->st, NULL, 0, name);
	xmlSetGenericErrorFunc(saved_ctx, saved);
	return ctxt;
}

static int
xml_new_doc(struct pk_reader *r, struct xml_impl *x, const char *p,
    size_t n)
{
	static const char root[] = "<nmaprun>";
	int synthetic = 0;

	/*
	 * nmap --resume can leave hosts after </nmaprun> with no new
	 * header: give them a root of their own, marked as continuing the
	 * previous run.
	 */
	if (x->st.docs > 0 && n >= 2 && p[0] == '<' && p[1] != '?' &&
	    p[1] != '!' && (n < 8 || memcmp(p, "<nmaprun", 8) != 0))
		synthetic = 1;
	x->ctxt = xml_create_ctxt(x, r->name);
	if (x->ctxt == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
	(void)xmlCtxtUseOptions(x->ctxt, XML_OPTIONS);
	x->ctxt->replaceEntities = 0;
	x->st.ctxt = x->ctxt;
	if (pk_xml_intern(&x->st) == -1 ||
	    pk_xml_intern_elements(&x->st) == -1)
		return pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
	x->st.depth = 0;
	x->st.halted = 0;
	x->st.doc_open = x->st.doc_done = 0;
	x->st.collecting = 0;
	x->st.continuation = synthetic;
	x->fed = 0;
	x->synthetic = synthetic;
	pk_xml_guard_init(&x->guard, r->opts.limits.max_tag_bytes,
	    r->opts.limits.max_attrs);
	if (synthetic)
		(void)xmlParseChunk(x->ctxt, root, sizeof(root) - 1, 0);
	return PK_OK;
}

/* Report what went wrong in the document, by our checks or libxml2's. */
static int
xml_doc_error(struct pk_reader *r, struct xml_impl *x, int at_end)
{
	struct pk_xml_state *st = &x->st;

	/*
	 * At the end of input libxml2 parses what is left of a cut tag, so
	 * a start tag missing its last attributes reaches our checks: that
	 * is truncation, not a malformed file.
	 */
	if (st->status != 0 && !(at_end && st->stopped_at_end &&
	    st->status == PK_ERR_FORMAT && !st->doc_done))
		return pk_rd_fail(r, st->status, st->err_line, "%s",
		    st->err_msg);
	if (at_end && (st->xml_errno != 0 || st->status != 0) && x->fed > 0 &&
	    !st->doc_done) {
		pk_rd_host_abort(r);
		return pk_rd_fail(r, PK_ERR_TRUNCATED, pk_xml_line(st),
		    "truncated scan: input ends inside <%s>",
		    pk_xml_open_element(st));
	}
	return pk_rd_fail(r, PK_ERR_FORMAT, st->xml_line != 0 ?
	    st->line_base + st->xml_line : pk_xml_line(st), "%s",
	    st->xml_msg);
}

/* Close the current document; PK_OK when it was complete. */
static int
xml_end_doc(struct pk_reader *r, struct xml_impl *x)
{
	int rc = PK_OK;

	x->st.terminating = 1;
	(void)xmlParseChunk(x->ctxt, NULL, 0, 1);
	x->st.terminating = 0;
	if (x->st.status != 0 || x->st.xml_errno != 0)
		rc = xml_doc_error(r, x, 1);
	else if (!x->st.doc_done)
		rc = pk_rd_fail(r, PK_ERR_FORMAT, pk_xml_line(&x->st),
		    "no <nmaprun> element");
	x->st.line_base += (unsigned long)x->ctxt->input->line - 1;
	xml_free_ctxt(x->ctxt);
	x->ctxt = NULL;
	x->st.ctxt = NULL;
	return rc;
}

static int
xml_guard_fail(struct pk_reader *r, struct xml_impl *x, int g)
{
	if (g == PK_GUARD_ATTR_LIMIT)
		return pk_rd_fail(r, PK_ERR_LIMIT, pk_xml_line(&x->st),
		    "more than %zu attributes on one element",
		    r->opts.limits.max_attrs);
	return pk_rd_fail(r, PK_ERR_LIMIT, pk_xml_line(&x->st),
	    "tag longer than %zu bytes", r->opts.limits.max_tag_bytes);
}

/* Skip blanks between documents; 1 when input remains. */
static int
xml_skip_blanks(struct pk_reader *r, const char **p, size_t *n)
{
	size_t i = 0;

	while (i < *n && ((*p)[i] == ' ' || (*p)[i] == '\t' ||
	    (*p)[i] == '\r' || (*p)[i] == '\n'))
		i++;
	pk_input_consume(r->in, i);
	*p += i;
	*n -= i;
	return *n > 0;
}

/* The line of the byte after the last fed: libxml2's, plus what it holds. */
static unsigned long
xml_fed_line(const struct pk_xml_state *st)
{
	unsigned long line = pk_xml_line(st);
	const xmlChar *c;

	if (st->ctxt == NULL || st->ctxt->input == NULL ||
	    st->ctxt->input->cur == NULL)
		return line;
	for (c = st->ctxt->input->cur; c < st->ctxt->input->end; c++)
		if (*c == '\n')
			line++;
	return line;
}

/* Feed U+FFFD for the forbidden reference the guard stopped at. */
static int
xml_charref(struct pk_reader *r, struct xml_impl *x)
{
	static const char fffd[] = "&#xFFFD;";

	if (x->refs++ == 0)
		pk_rd_warn(r, xml_fed_line(&x->st), "%s in an attribute "
		    "refers to a character XML forbids (an nmap 7.94 bug): "
		    "read as U+FFFD here and in the rest of the file",
		    x->guard.ref);
	(void)xmlParseChunk(x->ctxt, fffd, sizeof(fffd) - 1, 0);
	pk_input_consume(r->in, x->guard.reflen);
	if (x->st.status != 0 || x->st.xml_errno != 0)
		return xml_doc_error(r, x, 0);
	return PK_OK;
}

static int
xml_pump(struct pk_reader *r)
{
	struct xml_impl *x = r->impl;
	const char *p;
	size_t n, used, need = x->need > 0 ? x->need : 1;
	int rc, g;

	rc = pk_input_peek(r->in, need, &p, &n);
	x->need = 0;
	if (rc == PK_EOF) {
		if (x->ctxt == NULL)
			return x->st.docs > 0 ? PK_EOF : pk_rd_fail(r,
			    PK_ERR_FORMAT, 0, "empty input");
		rc = xml_end_doc(r, x);
		return rc == PK_OK ? PK_EOF : rc;
	}
	if (rc != PK_OK)
		return pk_rd_fail_input(r);
	if (x->ctxt == NULL) {
		if (!xml_skip_blanks(r, &p, &n))
			return PK_OK;
		/* Enough bytes to tell a new document from a bare host. */
		if (n < 8 && pk_input_peek(r->in, 8, &p, &n) < 0)
			return pk_rd_fail_input(r);
		if ((rc = xml_new_doc(r, x, p, n)) != PK_OK)
			return rc;
	}
	x->guard.at_end = n < need;
	g = pk_xml_guard_scan(&x->guard, p, n, &used);
	if (used > 0) {
		(void)xmlParseChunk(x->ctxt, p, (int)used, 0);
		x->fed = 1;
		pk_input_consume(r->in, used);
	}
	if (x->st.status != 0 || x->st.xml_errno != 0)
		return xml_doc_error(r, x, 0);
	if (g < 0)
		return xml_guard_fail(r, x, g);
	if (g == PK_GUARD_SPLIT)
		return xml_end_doc(r, x);
	if (g == PK_GUARD_CHARREF)
		return xml_charref(r, x);
	if (g == PK_GUARD_MORE)
		x->need = n - used + PK_GUARD_REF_MAX;
	return PK_OK;
}

int
pk_nmap_xml_init(struct pk_reader *r)
{
	static const struct pk_reader_ops ops = { xml_pump, xml_free };
	struct xml_impl *x;

	x = calloc(1, sizeof(*x));
	if (x == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
	x->st.r = r;
	x->st.max_depth = r->opts.limits.max_depth;
	x->st.stack = malloc(x->st.max_depth + 1);
	if (x->st.stack == NULL) {
		free(x);
		return pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
	}
	/* Its globals are set up once, before any parser exists. */
	xmlInitParser();
	xml_sax_init(x);
	r->impl = x;
	r->ops = &ops;
	return PK_OK;
}
