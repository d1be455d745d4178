/*
 * source.h - handing an opened source's input to a reader (internal).
 */
#ifndef PK_SOURCE_H
#define PK_SOURCE_H

#include "input/input.h"
#include "portkit.h"

/*
 * Take src's input (NULL when it failed to open, with *err set) and free
 * src.  The input keeps the bytes that were sniffed.
 */
struct pk_input	*pk_source_take(struct pk_source *src, struct pk_error *err);

#endif /* PK_SOURCE_H */
