/*
 * nmap_impl.h - state shared by the XML driver and its element
 * handlers (internal).
 */
#ifndef PK_NMAP_XML_IMPL_H
#define PK_NMAP_XML_IMPL_H

#include <libxml/parser.h>


#include "base/parse.h"
#include "scan/queue.h"

/* Attribute names the handlers know. */
enum attr_name {
	A_ACCURACY, A_ADDR, A_ADDRTYPE, A_ARGS, A_BANNER, A_CONF, A_COUNT,
	A_DEVICETYPE, A_DOWN, A_ELAPSED, A_ENDTIME, A_ERRORMSG, A_EXIT,
	A_EXTRAINFO, A_HOSTNAME, A_ID, A_KEY, A_METHOD, A_NAME, A_NUMSERVICES,
	A_OSTYPE, A_OUTPUT, A_PORTID, A_PORTS, A_PRODUCT, A_PROTO,
	A_PROTOCOL, A_REASON, A_REASON_TTL, A_SCANNER, A_SERVICES,
	A_START, A_STARTSTR, A_STARTTIME, A_STATE, A_TIME, A_TOTAL,
	A_TUNNEL, A_TYPE, A_UP, A_VENDOR, A_VERSION, A_XMLOUTPUTVERSION,
	A_NNAMES
};

/*
 * One attribute as libxml2's SAX2 start handler hands them over, five
 * pointers each: local name, prefix, namespace URI, and the value as
 * [value, end).  The handlers read libxml2's array in place, through
 * attr_v and attr_n.
 */
struct attr {
	const xmlChar	*name;
	const xmlChar	*prefix;
	const xmlChar	*uri;
	const xmlChar	*value;
	const xmlChar	*end;
};

static inline const char *
attr_v(const struct attr *a)
{
	return (const char *)a->value;
}

static inline size_t
attr_n(const struct attr *a)
{
	return (size_t)(a->end - a->value);
}

#define PK_XML_INT_MAX	2147483647LL
#define PK_XML_NELEMENTS 25		/* elements.c's enum el */


struct pk_xml_state {
	/* Read on every element: kept together, ahead of the rest. */
	unsigned char	*stack;		/* element ids, max_depth deep */
	unsigned	 depth;
	unsigned	 max_depth;
	/* Our own verdict: set once, stops the parser. */
	int		 status;
	int		 halted;	/* xmlStopParser called */
	struct pk_reader *r;
	struct pk_hb	*hb;		/* host being built, or NULL */
	/* The elements' names in the parser's dictionary (elements.c). */
	const char	*elnames[PK_XML_NELEMENTS];
	xmlParserCtxtPtr ctxt;
	unsigned long	 line_base;	/* lines before this document */
	unsigned	 docs;		/* documents started */
	int		 doc_open;	/* root element seen */
	int		 doc_done;	/* root element closed */
	int		 continuation;	/* bare hosts after </nmaprun> */
	int		 terminating;	/* inside the final xmlParseChunk */
	int		 stopped_at_end; /* our verdict came while terminating */
	int		 masscan;
	char		*text;		/* character data being collected */
	size_t		 textlen;
	size_t		 textcap;
	int		 collecting;	/* pk_xml_collect */
	charactersSAXFunc on_text;	/* the handler while collecting */
	size_t		 cap_scaninfo;
	/* The <table>s open in the current <script> (script.c). */
	struct xml_tlevel *tstack;	/* max_depth + 1 levels, or NULL */
	unsigned	 tdepth;	/* levels in use; 0: no script */
	const char	*names[A_NNAMES]; /* interned attribute names */
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

/*
 * Look up the attribute names (pk_xml_intern) and the element names
 * (pk_xml_intern_elements) we know in the new parser's dictionary; -1
 * when out of memory.
 */
int	pk_xml_intern(struct pk_xml_state *st);
int	pk_xml_intern_elements(struct pk_xml_state *st);

/* Record our own error (first one wins) and stop the parser. */
void	pk_xml_stop(struct pk_xml_state *st, int status, const char *fmt,
	    ...) PK_PRINTF(3, 4);
/* Stop libxml2 once a verdict is recorded; SAX entry points call it last. */
void	pk_xml_halt(struct pk_xml_state *st);
/*
 * Start or stop collecting character data.  libxml2 is handed no text
 * handler outside the elements whose text we keep, so it calls none for
 * the blanks between tags (most of a file's character data).
 */
void	pk_xml_collect(struct pk_xml_state *st, int on);
/* The line libxml2 is at, counted from the start of the input. */
unsigned long pk_xml_line(const struct pk_xml_state *st);
/* The innermost element we know by name, for messages. */
const char *pk_xml_open_element(const struct pk_xml_state *st);

/*
 * libxml2 interns every name in its parser's dictionary, so attribute
 * names are compared by pointer against the same names looked up once
 * per document (pk_xml_intern).
 */
static inline int
attr_is(const struct pk_xml_state *st, const struct attr *a,
    enum attr_name n)
{
	return (const char *)a->name == st->names[n];
}

/* Attribute values (nmap_attr.c). */
char	*pk_xml_attr_copy(struct pk_arena *a, const struct attr *at);
/* The same, knowing the parser: most values need no search for '&'. */
char	*pk_xml_attr_str(const struct pk_xml_state *st, struct pk_arena *a,
	    const struct attr *at);
long long pk_xml_attr_num(struct pk_xml_state *st, const struct attr *at,
	    long long max);
double	 pk_xml_attr_double(const struct attr *at);

/*
 * A script's <table>/<elem> tree (script.c): script_begin after its
 * attributes, node at each <table> or <elem> inside it, node_end at
 * their end tags; masscan's <service banner=> becomes a banner script.
 */
void	pk_xml_script_begin(struct pk_xml_state *st, struct pk_script *sc);
void	pk_xml_script_node(struct pk_xml_state *st, int table,
	    const struct attr *at, int n);
void	pk_xml_script_node_end(struct pk_xml_state *st, int table);
void	pk_xml_masscan_service(struct pk_xml_state *st, struct pk_port *p,
	    const struct attr *at, int n);

/* Run-level elements: <nmaprun>, <scaninfo>, <runstats> (nmap_run.c). */
void	pk_xml_on_nmaprun(struct pk_xml_state *st, const struct attr *at,
	    int n);
void	pk_xml_on_scaninfo(struct pk_xml_state *st, const struct attr *at,
	    int n);
void	pk_xml_on_runstats(struct pk_xml_state *st, int hosts,
	    const struct attr *at, int n);

#endif /* PK_NMAP_XML_IMPL_H */
