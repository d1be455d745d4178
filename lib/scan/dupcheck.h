/*
 * dupcheck.h - noticing a port or host listed twice (internal).
 */
#ifndef PK_SCAN_DUPCHECK_H
#define PK_SCAN_DUPCHECK_H

#include "portkit.h"

struct pk_dupcheck;

/* hosts: also remember every address seen (memory grows with hosts). */
struct pk_dupcheck *pk_dupcheck_new(int hosts);
void	 pk_dupcheck_free(struct pk_dupcheck *d);
/*
 * Call warn for every port of h listed before in h, and, when asked, for
 * h itself when its address was seen before.  Returns -1 when out of
 * memory (the host set could not grow), else 0.
 */
int	 pk_dupcheck_host(struct pk_dupcheck *d, const struct pk_host *h,
	    const char *file,
	    void (*warn)(void *arg, const struct pk_error *w), void *arg);

#endif /* PK_SCAN_DUPCHECK_H */
