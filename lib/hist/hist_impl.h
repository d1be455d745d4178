/*
 * hist_impl.h - port history internals shared by the files of lib/hist/.
 *
 * The engine keeps a table of hosts (those with a port ever open), each
 * with a sorted array of its port histories.  Strings a history refers
 * to (states, service names) live once in a pool with reference counts,
 * so that a replaced name is freed: memory follows the histories held,
 * never the scans read.
 */
#ifndef PK_HIST_IMPL_H
#define PK_HIST_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "portkit.h"

/* --- pool.c: strings with reference counts, named by number ------------ */

struct spool_ent {
	char		*s;		/* NULL: a free entry */
	uint32_t	 refs;
	uint32_t	 hash;
	uint32_t	 next;		/* chain in the bucket, or free list */
};

struct spool {
	struct spool_ent *ents;
	uint32_t	 n;		/* entries made */
	uint32_t	 cap;
	uint32_t	*buckets;	/* entry number, 0: empty */
	uint32_t	 nbuckets;
	uint32_t	 live;		/* entries in use */
	uint32_t	 freelist;	/* entry number, 0: none */
	size_t		 bytes;		/* string bytes held */
};

void		 pk_spool_init(struct spool *sp);
void		 pk_spool_destroy(struct spool *sp);
/*
 * The number of s[0..n), made or found, with one more reference; 0 when
 * out of memory.  Numbers are 1-based: 0 stands for "no string".
 */
uint32_t	 pk_spool_get(struct spool *sp, const char *s, size_t n);
/* Take one more reference to id (not 0). */
void		 pk_spool_ref(struct spool *sp, uint32_t id);
/* Drop a reference; the string goes with the last one.  0 is a no-op. */
void		 pk_spool_put(struct spool *sp, uint32_t id);
/* The string of id, NULL for 0. */
const char	*pk_spool_str(const struct spool *sp, uint32_t id);
size_t		 pk_spool_memory(const struct spool *sp);

/* --- chain.c: PK_HIST_CHANGES, pk_diff from each scan to the next ------ */

struct hchain {
	struct pk_diff_opts opts;
	struct pk_diff	*cur;		/* A: the scan before; B: this one */
	struct pk_diff	*next;		/* A: this scan, for the next pair */
	int		 done;		/* cur is finished */
};

void		 pk_hchain_free(struct hchain *c);
int		 pk_hchain_begin(struct hchain *c);
int		 pk_hchain_add(struct hchain *c, const struct pk_host *h);
int		 pk_hchain_end(struct hchain *c, const struct pk_scan *scan);
const struct pk_diff_host *pk_hchain_changes(const struct hchain *c,
		    size_t *n);
size_t		 pk_hchain_memory(const struct hchain *c);

#endif /* PK_HIST_IMPL_H */
