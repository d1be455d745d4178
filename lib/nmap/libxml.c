/*
 * libxml.c - libxml2 opened at the first XML input (see xml_lib.h).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "nmap/libxml.h"

/*
 * Never unloaded: libxml2 keeps global state from xmlInitParser on, and
 * unloading it would orphan that (and a later reader would set it up
 * again).
 */
#ifdef RTLD_NODELETE
#define XML_DLOPEN_FLAGS	(RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE)
#else
#define XML_DLOPEN_FLAGS	(RTLD_NOW | RTLD_LOCAL)
#endif

/*
 * dlsym returns an object pointer; POSIX guarantees it converts to the
 * function's type, which C alone does not, so the bytes are copied.
 */
#define PK_XML_SYM(l, field, name) \
	xml_sym((l)->handle, name, &(l)->field, sizeof((l)->field))

static int
xml_sym(void *handle, const char *name, void *dst, size_t n)
{
	void *p = dlsym(handle, name);

	if (p == NULL || n != sizeof(p))
		return -1;
	memcpy(dst, &p, n);
	return 0;
}

static int
xml_lib_fill(struct pk_xml_lib *l)
{
	return PK_XML_SYM(l, create_push, "xmlCreatePushParserCtxt") |
	    PK_XML_SYM(l, use_options, "xmlCtxtUseOptions") |
	    PK_XML_SYM(l, parse_chunk, "xmlParseChunk") |
	    PK_XML_SYM(l, stop_parser, "xmlStopParser") |
	    PK_XML_SYM(l, free_ctxt, "xmlFreeParserCtxt") |
	    PK_XML_SYM(l, free_doc, "xmlFreeDoc") |
	    PK_XML_SYM(l, free_enumeration, "xmlFreeEnumeration") |
	    PK_XML_SYM(l, predefined_entity, "xmlGetPredefinedEntity") |
	    PK_XML_SYM(l, dict_lookup, "xmlDictLookup") |
	    PK_XML_SYM(l, set_generic_error, "xmlSetGenericErrorFunc") |
	    PK_XML_SYM(l, generic_error, "__xmlGenericError") |
	    PK_XML_SYM(l, generic_error_ctx, "__xmlGenericErrorContext") |
	    PK_XML_SYM(l, init_parser, "xmlInitParser");
}

int
pk_xml_lib_open(struct pk_xml_lib *l, char *why, size_t whylen)
{
	const char *e;

	memset(l, 0, sizeof(*l));
	if ((l->handle = dlopen(PK_XML_SONAME, XML_DLOPEN_FLAGS)) == NULL) {
		e = dlerror();
		(void)snprintf(why, whylen, "cannot load %s: %s", PK_XML_SONAME,
		    e != NULL ? e : "unknown error");
		return -1;
	}
	if (xml_lib_fill(l) != 0) {
		(void)snprintf(why, whylen, "%s lacks a function portkit uses",
		    PK_XML_SONAME);
		pk_xml_lib_close(l);
		return -1;
	}
	/* Its globals are set up once, before any parser exists. */
	l->init_parser();
	return 0;
}

void
pk_xml_lib_close(struct pk_xml_lib *l)
{
	if (l->handle != NULL)
		(void)dlclose(l->handle);
	l->handle = NULL;
}
