/*
 * vsplit.c - the joined version text of grepable and normal output split
 * into the product, version and extrainfo the XML gives.
 *
 * -oG's version field and -oN's VERSION column hold the same string,
 * "OpenSSH 9.2p1 Debian 2+deb12u3 (protocol 2.0)", so both readers split
 * it here, with the same names and the same rules.  The product names
 * come from nmap-service-probes, read at the first such text of a
 * reader, so that scans without -sV never pay for it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/nmapdir.h"
#include "scan/products.h"
#include "scan/queue.h"

/*
 * nmap-service-probes as the reader's options say, in vs->products; none
 * there is no error (the text stays whole).  A file that cannot be read
 * through, or no memory, fails the reader: half the names would split
 * some ports and not others.
 */
static int
vs_products(struct pk_reader *r, struct pk_vsplit *vs, unsigned long line)
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
	vs->products = pk_products_read(fp, &err);
	(void)fclose(fp);
	if (vs->products != NULL)
		return PK_OK;
	return pk_rd_fail(r, err.status, line, "nmap-service-probes: %s",
	    err.msg);
}

int
pk_vsplit_port(struct pk_reader *r, struct pk_vsplit *vs, struct pk_port *p,
    size_t n)
{
	char *v;
	int rc;

	if (r->opts.probes != NULL && r->opts.probes[0] == '\0')
		return PK_OK;			/* asked to keep it whole */
	if (!vs->read) {
		vs->read = 1;
		if ((rc = vs_products(r, vs, p->line)) != PK_OK)
			return rc;
	}
	/* The host's own copy of the line, or an arena copy: writable. */
	v = (char *)p->version;
	(void)pk_products_split(vs->products, v, n, p->port, &p->product,
	    &p->version, &p->extrainfo);
	return PK_OK;
}

void
pk_vsplit_free(struct pk_vsplit *vs)
{
	pk_products_free(vs->products);
	vs->products = NULL;
}
