/*
 * saxcount.c - the floor for a libxml2 reader on one core: libxml2's
 * SAX2 push parser fed 256 KiB at a time with the options pcat uses,
 * one startElementNs callback that counts <host>, <port> and open
 * <state>, nothing else done and nothing printed but the three counts.
 * make bench times pcat -o tsv against it (bench/run).
 */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#define CHUNK	((size_t)256 << 10)

/* The parser options of lib/nmap/sax.c. */
#define OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
	XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

struct counts {
	unsigned long	 hosts, ports, open;
};

static void
on_start(void *ctx, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
    int ndefaulted, const xmlChar **attrs)
{
	struct counts *c = ctx;
	int i;

	(void)prefix;
	(void)uri;
	(void)nns;
	(void)ns;
	(void)ndefaulted;
	if (strcmp((const char *)name, "host") == 0)
		c->hosts++;
	else if (strcmp((const char *)name, "port") == 0)
		c->ports++;
	else if (strcmp((const char *)name, "state") == 0)
		/* attrs: name, prefix, URI, value, end per attribute. */
		for (i = 0; i < nattrs; i++)
			if (strcmp((const char *)attrs[5 * i], "state") == 0 &&
			    attrs[5 * i + 4] - attrs[5 * i + 3] == 4 &&
			    memcmp(attrs[5 * i + 3], "open", 4) == 0)
				c->open++;
}

int
main(int argc, char *argv[])
{
	static char buf[CHUNK];
	struct counts c = { 0, 0, 0 };
	xmlSAXHandler sax;
	xmlParserCtxtPtr ctxt;
	FILE *fp;
	size_t n;

	if (argc != 2 || (fp = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: saxcount FILE.xml\n");
		return 2;
	}
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	xmlInitParser();
	ctxt = xmlCreatePushParserCtxt(&sax, &c, NULL, 0, argv[1]);
	if (ctxt == NULL)
		return 2;
	(void)xmlCtxtUseOptions(ctxt, OPTIONS);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		(void)xmlParseChunk(ctxt, buf, (int)n, 0);
	(void)xmlParseChunk(ctxt, NULL, 0, 1);
	xmlFreeParserCtxt(ctxt);
	fclose(fp);
	printf("%lu hosts, %lu ports, %lu open\n", c.hosts, c.ports, c.open);
	return 0;
}
