/*
 * services.h - what services_open.c needs of services.c (internal).
 */
#ifndef PK_SERVICES_H
#define PK_SERVICES_H

#include "portkit.h"

/* pk_services_load keeping the entries of want only (all when NULL). */
struct pk_services *pk_services_load_ports(const char *path,
	    const struct pk_limits *limits, const struct pk_portset *want,
	    struct pk_error *err);

#endif /* PK_SERVICES_H */
