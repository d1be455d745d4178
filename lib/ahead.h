/*
 * ahead.h - a thread that parses ahead of the caller (internal).
 */
#ifndef PK_AHEAD_H
#define PK_AHEAD_H

#include "reader_impl.h"

/*
 * Start pumping r in a thread (r->ahead set).  From then on only the
 * thread runs the pump, until pk_ahead_stop.  -1 when no thread could be
 * had: the caller pumps itself.
 */
int	pk_ahead_start(struct pk_reader *r);
/* The next complete host's slot, or NULL and the final status. */
int	pk_ahead_next(struct pk_reader *r, struct pk_hslot **out);
/* Give a slot the caller is done with back to the thread. */
void	pk_ahead_recycle(struct pk_reader *r, struct pk_hslot *s);
/* Stop the thread; its queued and spare slots return to r's lists. */
void	pk_ahead_stop(struct pk_reader *r);

#endif /* PK_AHEAD_H */
