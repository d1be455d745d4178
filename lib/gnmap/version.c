/*
 * version.c - grepable output's version field split into the product,
 * version and extrainfo the XML gives.
 *
 * The product names come from nmap-service-probes, read at the first
 * version field of a reader, so that scans without -sV never pay for it.
 */
#include <stdlib.h>

#include "gnmap/gnmap_impl.h"
#include "input/nmapdir.h"
#include "scan/products.h"

/* nmap-service-probes as the reader's options say; NULL: none found. */
static struct pk_products *
gn_products(const struct pk_read_opts *o)
{
	struct pk_products *pp;
	struct pk_error err;
	char *path = NULL;

	if (o->probes != NULL)
		return o->probes[0] != '\0' ? pk_products_load(o->probes,
		    &err) : NULL;
	if (pk_nmapdir_find(NULL, "nmap-service-probes", &path) <= 0)
		return NULL;
	pp = pk_products_load(path, &err);
	free(path);
	return pp;
}

void
pk_gn_version(struct pk_reader *r, struct gnmap *g, struct pk_port *p)
{
	char *v;

	if (!g->probes_read) {
		g->probes_read = 1;
		g->products = gn_products(&r->opts);
	}
	if (r->opts.probes != NULL && r->opts.probes[0] == '\0')
		return;				/* asked to keep it whole */
	/* The host's own copy of the line, or an arena copy: writable. */
	v = (char *)p->version;
	(void)pk_products_split(g->products, v, &p->product, &p->version,
	    &p->extrainfo);
}

void
pk_gn_version_free(struct gnmap *g)
{
	pk_products_free(g->products);
	g->products = NULL;
}
