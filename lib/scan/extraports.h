/*
 * extraports.h - the folded ports of a host as ranges (internal).
 */
#ifndef PK_SCAN_EXTRAPORTS_H
#define PK_SCAN_EXTRAPORTS_H

#include "portkit.h"

/*
 * Call fn once for every range of an <extrareasons ports=...> list, in
 * the order written, with the extraports state and the reason; stops
 * early and returns what fn returned when that is not 0.  Returns
 * PK_ERR_FORMAT for a malformed range list, as pk_extraports_foreach
 * does, which walks the same ranges port by port.
 */
int	 pk_extraports_ranges(const struct pk_host *h,
	    int (*fn)(void *arg, int proto, unsigned lo, unsigned hi,
	    const char *state, const char *reason), void *arg);

/*
 * The one verdict on an <extrareasons> port list, for every reader and
 * so every tool: 0 when it parses (ranges in order, ports 1-65535 of a
 * known protocol, 0-255 for ip) and holds as many ports as its count
 * says, else -1 with why in why[0..n).
 */
int	 pk_extrareason_check(const struct pk_extrareason *r, char *why,
	    size_t n);

#endif /* PK_SCAN_EXTRAPORTS_H */
