/*
 * products.h - nmap's product names, to split the joined version text
 * of grepable and normal output (internal).
 */
#ifndef PK_PRODUCTS_H
#define PK_PRODUCTS_H

#include <stdio.h>

#include "portkit.h"

struct pk_products;

/*
 * The product names of the p/.../ fields of an nmap-service-probes file
 * open in fp, read to its end.  NULL with err set: PK_ERR_IO (a read
 * error) or PK_ERR_NOMEM.
 */
struct pk_products *pk_products_read(FILE *fp, struct pk_error *err);
void		 pk_products_free(struct pk_products *pp);

/*
 * The same, from the parsed copy in the cache directory cache names
 * (pk_cache_dir: NULL the default, "" none) when it was made from this
 * very version of the file, else read from fp and the copy (re)written.
 * A cache that cannot be read or written is no error.
 */
struct pk_products *pk_products_load(FILE *fp, const char *cache,
		    struct pk_error *err);

/*
 * Split s[0..n), grepable output's "PRODUCT VERSION (EXTRAINFO)", in
 * place into the three fields the XML has (each NULL when absent).  The
 * product is the longest known name s begins with, ending on a word (pp
 * may be NULL: no name is known).  When no known name settles where the
 * product ends, s stays whole in *version, unless it is only
 * "(EXTRAINFO)".  hint is a number the same text tends to come with
 * again (the port): the text last split under it and n is tried first.
 * Returns 1 when s was split, 0 when it was left whole.
 */
int		 pk_products_split(struct pk_products *pp, char *s, size_t n,
		    unsigned hint, const char **product, const char **version,
		    const char **extrainfo);

/*
 * The split as a line reader does it (grepable and normal output): the
 * names read at the first port with a version text, from the file the
 * reader's opts.probes names (NULL: found as nmap-services is; "": the
 * text is kept whole), through the cache opts.probes_cache names.  The reader's impl holds a zeroed struct
 * pk_vsplit and frees it with pk_vsplit_free.
 */
struct pk_reader;

struct pk_vsplit {
	int		 read;		/* products looked for */
	struct pk_products *products;	/* NULL: none known */
};

/*
 * Split p->version, a copy the reader owns of n bytes, into p's product,
 * version and extrainfo.  PK_OK, or the reader's failure
 * (nmap-service-probes unreadable, no memory).
 */
int		 pk_vsplit_port(struct pk_reader *r, struct pk_vsplit *vs,
		    struct pk_port *p, size_t n);
void		 pk_vsplit_free(struct pk_vsplit *vs);

/*
 * The nmap-service-probes r's options name, or the one found as
 * nmap-services is, opened in *fpp; *fpp is NULL when there is none to
 * read (no error: the texts stay whole).  PK_OK, or r's failure (no
 * memory).  For pk_vsplit_port (vsplit.c).
 */
int		 pk_vsplit_open(struct pk_reader *r, unsigned long line,
		    FILE **fpp);

#endif /* PK_PRODUCTS_H */
