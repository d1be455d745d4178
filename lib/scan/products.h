/*
 * products.h - nmap's product names, to split grepable output's joined
 * version field (internal).
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
 * Split s, grepable output's "PRODUCT VERSION (EXTRAINFO)", in place
 * into the three fields the XML has (each NULL when absent).  The product
 * is the longest known name s begins with, ending on a word (pp may be
 * NULL: no name is known).  When no known name settles where the product
 * ends, s stays whole in *version, unless it is only "(EXTRAINFO)".
 * Returns 1 when s was split, 0 when it was left whole.
 */
int		 pk_products_split(const struct pk_products *pp, char *s,
		    const char **product, const char **version,
		    const char **extrainfo);

#endif /* PK_PRODUCTS_H */
