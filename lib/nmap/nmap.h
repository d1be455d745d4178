/*
 * nmap.h - the Nmap and masscan XML reader, as the pull iterator starts
 * it (internal).
 */
#ifndef PK_NMAP_NMAP_H
#define PK_NMAP_NMAP_H

#include "scan/queue.h"

/* Set r->ops and r->impl for an XML input, or fail the reader. */
int	pk_nmap_xml_init(struct pk_reader *r);

#endif /* PK_NMAP_NMAP_H */
