/*
 * queue.h - the reader's state and its host queue, as the format readers
 * see it (internal).
 *
 * pk_reader is a pull iterator over formats that are parsed in different
 * ways: XML is pushed through libxml2 in buffer-sized pieces, which may
 * complete several hosts at once, while line formats complete one host
 * per line or two.  Readers therefore build hosts into slots and queue
 * them; pk_reader_next hands out one slot at a time and recycles it on
 * the next call, so memory is bounded by one buffer's worth of hosts.
 */
#ifndef PK_SCAN_QUEUE_H
#define PK_SCAN_QUEUE_H

#include "base/arena.h"
#include "base/error.h"
#include "input/input.h"
#include "portkit.h"
#include "scan/hostbuild.h"

struct pk_hslot {
	struct pk_arena	 arena;
	struct pk_hb	 hb;
	struct pk_hslot	*next;
};

struct pk_reader;

struct pk_reader_ops {
	/*
	 * Parse more input, queueing zero or more hosts with
	 * pk_rd_host_commit.  Returns PK_OK to be called again, PK_EOF at
	 * the clean end, or an error set with pk_rd_fail.
	 */
	int	(*pump)(struct pk_reader *r);
	void	(*free)(struct pk_reader *r);
};

struct pk_reader {
	char		*name;
	struct pk_input	*in;
	enum pk_format	 format;
	struct pk_read_opts opts;
	struct pk_error	 err;
	int		 final;		/* status once the queue drains */
	int		 started;
	struct pk_hslot	*queue;		/* completed hosts, oldest first */
	struct pk_hslot	*qtail;
	struct pk_hslot	*spare;		/* recycled slots */
	struct pk_hslot	*building;	/* the host being built */
	struct pk_arena	 scan_arena;	/* scan records of every run */
	struct pk_scan	*scan;		/* the current run */
	unsigned	 ndocs;
	const struct pk_reader_ops *ops;
	void		*impl;
	unsigned long	 ncommit;	/* hosts queued by the pump so far */
	unsigned long	 nhosts;	/* hosts handed to the caller */
	struct pk_hslot	*lent;		/* the host the caller holds */
	struct pk_merge	*merge;		/* masscan records folded */
	struct pk_dupcheck *dups;	/* when opts.warn is set */
	int		 merge_rc;	/* how the merged input ended */
};

/*
 * Start building a host (any unfinished one is dropped).  Returns the
 * builder, or NULL out of memory (the reader has then failed).
 */
struct pk_hb	*pk_rd_host_begin(struct pk_reader *r);
/* Finish the host being built and queue it; <0 when it is invalid. */
int		 pk_rd_host_commit(struct pk_reader *r);
/* Drop the host being built. */
void		 pk_rd_host_abort(struct pk_reader *r);
/* Record a final error at line (0: unknown); returns status. */
int		 pk_rd_fail(struct pk_reader *r, int status, unsigned long line,
		    const char *fmt, ...) PK_PRINTF(4, 5);
/* A warning at line through the caller's opts.warn, when it set one. */
void		 pk_rd_warn(struct pk_reader *r, unsigned long line,
		    const char *fmt, ...) PK_PRINTF(3, 4);
/* Complete hosts delivered or queued so far. */
unsigned long	 pk_rd_kept(const struct pk_reader *r);
/* Copy the input layer's error as final. */
int		 pk_rd_fail_input(struct pk_reader *r);
/* A new run (document); previous runs stay valid. */
struct pk_scan	*pk_rd_scan_new(struct pk_reader *r);
char		*pk_rd_scan_str(struct pk_reader *r, const char *s, size_t n);
/* The next queued host, pumping as needed; NULL and final at the end. */
struct pk_hslot	*pk_rd_take(struct pk_reader *r);
/* Take back the slot lent to the caller. */
void		 pk_rd_release(struct pk_reader *r);
/* Free every slot and the scan records. */
void		 pk_rd_queue_free(struct pk_reader *r);

/* Folding masscan records per address (lib/merge.c). */
struct pk_merge;
int		 pk_merge_fill(struct pk_reader *r, struct pk_merge **out,
		    int (*next_raw)(struct pk_reader *,
		    const struct pk_host **));
const struct pk_host *pk_merge_next(struct pk_merge *m);
void		 pk_merge_free(struct pk_merge *m);

#endif /* PK_SCAN_QUEUE_H */
