/*
 * normal.h - Nmap's normal output (-oN) and plain host:port lists, as
 * the pull iterator starts them (internal).
 */
#ifndef PK_NORMAL_NORMAL_H
#define PK_NORMAL_NORMAL_H

#include "scan/queue.h"

/* Set r->ops and r->impl for an -oN input, or fail the reader. */
int	pk_normal_init(struct pk_reader *r);
/* The same for a host:port list. */
int	pk_hostport_init(struct pk_reader *r);

#endif /* PK_NORMAL_NORMAL_H */
