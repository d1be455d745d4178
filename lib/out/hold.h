/*
 * hold.h - a writer told that the leading cells of its next rows do not
 * change (internal): pcat's filter says so for a host's port rows, whose
 * address and name columns are the host's.
 */
#ifndef PK_OUT_HOLD_H
#define PK_OUT_HOLD_H

#include <stddef.h>

#include "portkit.h"

/*
 * The first n cells of the rows from here on are those of the next row
 * written, until the next call (0: none held).  Only tsv rows use it;
 * rendered once, they are copied.  Call it again for every new host,
 * even when its values are the same pointers.
 */
void	pk_writer_hold(struct pk_writer *w, size_t n);

#endif /* PK_OUT_HOLD_H */
