/*
 * gnmap.h - the grepable (-oG) reader, nmap's and masscan's, as the pull
 * iterator starts it (internal).
 */
#ifndef PK_GNMAP_GNMAP_H
#define PK_GNMAP_GNMAP_H

#include "scan/queue.h"

/* Set r->ops and r->impl for a grepable input, or fail the reader. */
int	pk_gnmap_init(struct pk_reader *r);
/* The same for masscan's JSON, -oJ or -oD (masscan_json.c). */
int	pk_masscan_json_init(struct pk_reader *r);

#endif /* PK_GNMAP_GNMAP_H */
