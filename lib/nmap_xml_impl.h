/*
 * nmap_xml_impl.h - state shared by the XML driver and its element
 * handlers (internal).
 */
#ifndef PK_NMAP_XML_IMPL_H
#define PK_NMAP_XML_IMPL_H

#include <libxml/parser.h>

#include "reader_impl.h"

#define PK_XML_NNAMES	41	/* enum attr_name in nmap_elements.c */

struct pk_xml_state {
	struct pk_reader *r;
	xmlParserCtxtPtr ctxt;
	unsigned long	 line_base;	/* lines before this document */
	unsigned char	*stack;		/* element ids, max_depth deep */
	unsigned	 depth;
	unsigned	 max_depth;
	unsigned	 docs;		/* documents started */
	int		 doc_open;	/* root element seen */
	int		 doc_done;	/* root element closed */
	int		 continuation;	/* bare hosts after </nmaprun> */
	int		 terminating;	/* inside the final xmlParseChunk */
	int		 stopped_at_end; /* our verdict came while terminating */
	int		 masscan;
	struct pk_hb	*hb;		/* host being built, or NULL */
	char		*text;		/* character data being collected */
	size_t		 textlen;
	size_t		 textcap;
	int		 collecting;
	size_t		 cap_scaninfo;
	const char	*names[PK_XML_NNAMES]; /* interned attribute names */
	/* Our own verdict: set once, stops the parser. */
	int		 status;
	int		 halted;	/* xmlStopParser called */
	unsigned long	 err_line;
	char		 err_msg[256];
	/* libxml2's first error. */
	int		 xml_errno;
	unsigned long	 xml_line;
	unsigned long	 xml_col;
	char		 xml_msg[256];
};

void	pk_xml_start_element(void *ctx, const xmlChar *localname,
	    const xmlChar *prefix, const xmlChar *URI, int nb_namespaces,
	    const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
	    const xmlChar **attributes);
void	pk_xml_end_element(void *ctx, const xmlChar *localname,
	    const xmlChar *prefix, const xmlChar *URI);
void	pk_xml_characters(void *ctx, const xmlChar *ch, int len);

/* Look up the attribute names we know in the new parser's dictionary. */
void	pk_xml_intern(struct pk_xml_state *st);

/* Record our own error (first one wins) and stop the parser. */
void	pk_xml_stop(struct pk_xml_state *st, int status, const char *fmt,
	    ...) PK_PRINTF(3, 4);
/* Stop libxml2 once a verdict is recorded; SAX entry points call it last. */
void	pk_xml_halt(struct pk_xml_state *st);
/* The line libxml2 is at, counted from the start of the input. */
unsigned long pk_xml_line(const struct pk_xml_state *st);
/* The innermost element we know by name, for messages. */
const char *pk_xml_open_element(const struct pk_xml_state *st);

#endif /* PK_NMAP_XML_IMPL_H */
