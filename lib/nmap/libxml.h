/*
 * libxml.h - libxml2, loaded when the first XML input is read (internal).
 *
 * libxml2 brings ICU, libstdc++ and liblzma with it: linked, they cost
 * every tool about 0.75 ms at start (perf stat: an empty program starts
 * in 0.75 ms without them, 1.50 ms with them), most of the time of a
 * small grepable file or socket dump, which never needs them.  So the
 * XML reader opens libxml2 by its soname with dlopen, as the dynamic
 * linker would have, and calls it through this table.
 */
#ifndef PK_XML_LIB_H
#define PK_XML_LIB_H

#include <stddef.h>

#include <libxml/parser.h>

/* The soname libxml2 2.x is installed under. */
#define PK_XML_SONAME	"libxml2.so.2"

struct pk_xml_lib {
	void		*handle;
	xmlParserCtxtPtr (*create_push)(xmlSAXHandlerPtr, void *,
			    const char *, int, const char *);
	int		(*use_options)(xmlParserCtxtPtr, int);
	int		(*parse_chunk)(xmlParserCtxtPtr, const char *, int,
			    int);
	void		(*stop_parser)(xmlParserCtxtPtr);
	void		(*free_ctxt)(xmlParserCtxtPtr);
	void		(*free_doc)(xmlDocPtr);
	void		(*free_enumeration)(xmlEnumerationPtr);
	xmlEntityPtr	(*predefined_entity)(const xmlChar *);
	const xmlChar	*(*dict_lookup)(xmlDictPtr, const xmlChar *, int);
	void		(*set_generic_error)(void *, xmlGenericErrorFunc);
	xmlGenericErrorFunc *(*generic_error)(void);
	void		**(*generic_error_ctx)(void);
	void		(*init_parser)(void);
};

/*
 * Open libxml2 and fill the table; 0, or -1 with why it failed in
 * why[0..whylen).  Each reader holds its own reference.
 */
int	pk_xml_lib_open(struct pk_xml_lib *l, char *why, size_t whylen);
void	pk_xml_lib_close(struct pk_xml_lib *l);

#endif /* PK_XML_LIB_H */
