/*
 * services.h - what the other files of services/ share with services.c
 * (internal).
 */
#ifndef PK_SERVICES_H
#define PK_SERVICES_H

#include "portkit.h"

/* The table's dimensions, which the cache's port map shares. */
#define SVC_PROTOS	3		/* tcp, udp, sctp */
#define SVC_PORTS	65536

/* pk_services_load keeping the entries of want only (all when NULL). */
struct pk_services *pk_services_load_ports(const char *path,
	    const struct pk_limits *limits, const struct pk_portset *want,
	    struct pk_error *err);

#endif /* PK_SERVICES_H */
