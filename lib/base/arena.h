/*
 * arena.h - bump allocation for records that die together.
 *
 * A host record is built attribute by attribute and thrown away whole
 * once the caller has moved on, so its strings and arrays come from one
 * arena that is reset between hosts: no per-string free, and memory is
 * bounded by the largest host seen, never by the number of hosts.
 */
#ifndef PK_ARENA_H
#define PK_ARENA_H

#include <stddef.h>

struct pk_arena_chunk;

struct pk_arena {
	struct pk_arena_chunk *head;	/* current chunk; older ones chained */
	char		*cur;
	char		*end;
	void		*last;		/* most recent allocation, for grow */
	size_t		 used;		/* bytes handed out since reset */
	size_t		 limit;		/* 0: unlimited */
	int		 over;		/* 1: an allocation failed (limit or
					   out of memory) since the reset */
};

void	 pk_arena_init(struct pk_arena *a, size_t limit);
/* Aligned, uninitialised; NULL when out of memory or over the limit. */
void	*pk_arena_alloc(struct pk_arena *a, size_t n);
/* Zeroed. */
void	*pk_arena_zalloc(struct pk_arena *a, size_t n);
/* Copy of s[0..n) with a terminating NUL. */
char	*pk_arena_strndup(struct pk_arena *a, const char *s, size_t n);
/*
 * Resize the block old (oldn bytes) to newn bytes, in place when it is
 * the latest allocation, by copy otherwise.  old may be NULL.
 */
void	*pk_arena_grow(struct pk_arena *a, void *old, size_t oldn,
	    size_t newn);
/* Forget every allocation; keeps the largest chunk for reuse. */
void	 pk_arena_reset(struct pk_arena *a);
void	 pk_arena_destroy(struct pk_arena *a);

#endif /* PK_ARENA_H */
