/*
 * version.c - grepable output's version field split into the product,
 * version and extrainfo the XML gives.
 *
 * The product names come from nmap-service-probes, read at the first
 * version field of a reader, so that scans without -sV never pay for it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gnmap/gnmap_impl.h"
#include "input/nmapdir.h"
#include "scan/products.h"

/*
 * nmap-service-probes as the reader's options say, in g->products; none
 * there is no error (fields stay whole).  A file that cannot be read
 * through, or no memory, fails the reader: half the names would split
 * some fields and not others.
 */
static int
gn_products(struct pk_reader *r, struct gnmap *g, unsigned long line)
{
	struct pk_error err;
	const char *path = r->opts.probes;
	char *found = NULL;
	FILE *fp;
	int rc, enomem;

	if (path == NULL) {
		rc = pk_nmapdir_find(NULL, "nmap-service-probes", &found);
		if (rc < 0)
			return pk_rd_fail(r, PK_ERR_NOMEM, line,
			    "out of memory");
		if (rc == 0)
			return PK_OK;
		path = found;
	}
	fp = fopen(path, "r");
	enomem = fp == NULL && errno == ENOMEM;
	free(found);
	if (fp == NULL)		/* not there (or not ours to read): whole */
		return enomem ? pk_rd_fail(r, PK_ERR_NOMEM, line,
		    "out of memory") : PK_OK;
	memset(&err, 0, sizeof(err));
	g->products = pk_products_read(fp, &err);
	(void)fclose(fp);
	if (g->products != NULL)
		return PK_OK;
	return pk_rd_fail(r, err.status, line, "nmap-service-probes: %s",
	    err.msg);
}

int
pk_gn_version(struct pk_reader *r, struct gnmap *g, struct pk_port *p)
{
	char *v;
	int rc;

	if (r->opts.probes != NULL && r->opts.probes[0] == '\0')
		return PK_OK;			/* asked to keep it whole */
	if (!g->probes_read) {
		g->probes_read = 1;
		if ((rc = gn_products(r, g, p->line)) != PK_OK)
			return rc;
	}
	/* The host's own copy of the line, or an arena copy: writable. */
	v = (char *)p->version;
	(void)pk_products_split(g->products, v, &p->product, &p->version,
	    &p->extrainfo);
	return PK_OK;
}

void
pk_gn_version_free(struct gnmap *g)
{
	pk_products_free(g->products);
	g->products = NULL;
}
