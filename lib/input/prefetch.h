/*
 * prefetch.h - inflate on one core while the parser runs on another
 * (internal).
 */
#ifndef PK_PREFETCH_H
#define PK_PREFETCH_H

#include <stddef.h>

#include <zlib.h>

struct pk_prefetch;

/*
 * Start a thread that reads gz ahead into a few buffers.  From then on
 * only the thread touches gz, until pk_prefetch_stop.  NULL when the
 * thread or its buffers could not be had, or the process may run on
 * one CPU only: the caller reads gz itself.
 */
struct pk_prefetch *pk_prefetch_start(gzFile gz);
/* Up to n bytes into dst: the count, 0 at the end, -1 on an error. */
long	pk_prefetch_read(struct pk_prefetch *pf, void *dst, size_t n);
/*
 * How the stream ended or failed: gzerror's code and message (copied),
 * and errno for Z_ERRNO.
 */
void	pk_prefetch_status(const struct pk_prefetch *pf, int *zerr,
	    const char **msg, int *errnum);
/* Stop the thread and free everything; gz is the caller's again. */
void	pk_prefetch_stop(struct pk_prefetch *pf);

#endif /* PK_PREFETCH_H */
