/*
 * record.h - port rows that share their host's columns (internal).
 */
#ifndef PK_SCAN_RECORD_H
#define PK_SCAN_RECORD_H

#include <stddef.h>

#include "portkit.h"

/*
 * on: the rows filled from here on are of one host, so the leading
 * columns that are the host's (address, name, ...) are filled by the
 * first fill only and kept; returns how many there are (0 but for port
 * rows).  Call it for every host, and with on 0 after the last.
 */
size_t	pk_rowctx_hold(struct pk_rowctx *rc, int on);

#endif /* PK_SCAN_RECORD_H */
