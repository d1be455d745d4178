/*
 * diff_impl.h - scan comparison internals shared by lib/diff*.c.
 *
 * Side A is held as compact hosts: one malloc'ed block per host holding
 * only what is compared (addresses, hostnames, status, OS names, per port
 * the state, reason and service fields, scripts when asked, and the
 * extraports states with their port ranges).  Side B is streamed: each
 * host is compacted, compared with its A entry and dropped unless it
 * differs; only differing hosts and their changes stay in memory.
 */
#ifndef PK_DIFF_IMPL_H
#define PK_DIFF_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/hash.h"
#include "portkit.h"

/* Compared port strings, in this order. */
enum {
	CP_STATE, CP_REASON, CP_SERVICE, CP_PRODUCT, CP_VERSION,
	CP_EXTRAINFO, CP_TUNNEL, CP_NSTR
};

struct cport {
	const char	*s[CP_NSTR];
	struct pk_script *scripts;
	uint32_t	 nscripts;
	uint16_t	 port;
	uint8_t		 proto;
	uint8_t		 grep;		/* from grepable output: no reason,
					   version joins product, version
					   and extrainfo */
};

/* A state and reason of folded ports; a host's ranges share them. */
struct cpair {
	const char	*state;
	const char	*reason;
};

/*
 * A run of ports folded into extraports with one state and reason, the
 * host's pairs[pair]: 12 bytes, where two pointers of their own made 24
 * and a host has a range for every gap between its listed ports.
 */
struct crange {
	uint32_t	 pair;
	uint16_t	 lo;
	uint16_t	 hi;
	uint8_t		 proto;
};

struct cextra {
	const char	*state;
	long		 count;
};

/* A compact host: this header, its arrays and strings in one block. */
struct chost {
	const char	*host;		/* key address as written */
	const char	*mac;
	const char	*status;	/* NULL: unknown (masscan) */
	int		 nonames;	/* masscan: cannot carry hostnames */
	struct pk_addr	*addrs;
	size_t		 naddrs;
	struct pk_hostname *names;
	size_t		 nnames;
	struct cport	*ports;		/* sorted by proto, port */
	size_t		 nports;
	struct crange	*ranges;	/* sorted by proto, lo */
	size_t		 nranges;
	struct cpair	*pairs;		/* what ranges[].pair points to */
	size_t		 npairs;
	struct cextra	*extra;
	size_t		 nextra;
	const char	**os;
	size_t		 nos;
	struct pk_script *hscripts;
	size_t		 nhscripts;
	size_t		 size;		/* bytes of the block */
};

/* What one side's runs said about the scan as a whole. */
struct dside {
	struct pk_portset *scanned;	/* union of scaninfo services */
	unsigned	 known;		/* protocols with a services list */
	int		 notypes;	/* a grepable run: scan types unknown */
	int		 cut;		/* truncated: hosts it lacks unknown */
	char		*types[PK_PROTO_COUNT];	/* "syn", "syn,connect" */
	char		*scanner;	/* banner of the first run */
	char		*version;
	char		*args;
	long long	 start;
	long long	 end;
	int		 nruns;
	const struct pk_scan *last;	/* last run registered (identity) */
	unsigned	 lastdoc;
	long long	 laststart;
};

struct dentry {
	unsigned char	 key[17];
	unsigned char	 seen;		/* B side met this address */
	unsigned char	 ndiff;		/* differs by ndiff's rules only */
	unsigned char	 unreached;	/* missing on a cut side: skipped */
	struct chost	*a;
	struct chost	*b;
	struct pk_diff_change *ch;
	size_t		 nch;
	size_t		 capch;
	struct pk_host	*va;		/* views for the writers */
	struct pk_host	*vb;
};

struct pk_diff {
	struct pk_diff_opts opts;
	struct dside	 side[2];
	struct dentry	*ents;
	size_t		 nents;
	size_t		 capents;
	struct pk_index	 ix;		/* key -> its place in ents */
	struct pk_arena	 pool;		/* change strings and arrays */
	int		 bstarted;
	int		 finished;
	struct pk_diff_host *out;	/* the result, sorted */
	size_t		 nout;
	struct pk_diff_change *runch;	/* scan-level changes */
	size_t		 nrunch;
	size_t		 caprunch;
	size_t		 held;		/* bytes of compact hosts */
	unsigned long	 nchanges;
	unsigned long	 nunreached;	/* entries not compared (cut) */
};

/*
 * Where a port's state on one side comes from: its <port> entry, an
 * extraports range, the side's port set (not scanned), or nothing known.
 */
enum { PV_NOHOST, PV_LISTED, PV_FOLDED, PV_NOTSCANNED, PV_UNKNOWN };

struct pview {
	int		 kind;
	const char	*state;
	const char	*reason;
	const struct cport *cp;
};

/* lib/diff/diff.c: one side's runs (phist keeps one per scan). */
int		 pk_dside_init(struct dside *s);
void		 pk_dside_free(struct dside *s);
/* Register a run; force 0 skips the run registered last. */
int		 pk_dside_run(struct dside *s, const struct pk_scan *scan,
		    int force);

/* lib/diff_host.c */
struct chost	*pk_chost_build(const struct pk_host *h, const struct chost *old,
		    int scripts);
/*
 * Scratch space for pk_chost_peek: a host's ports, folded ranges and
 * extraports states as a compact host that points into h and into the
 * scratch (valid until either changes); no addresses, names or scripts.
 * NULL out of memory.
 */
struct cscratch;
struct cscratch	*pk_cscratch_new(void);
void		 pk_cscratch_free(struct cscratch *s);
const struct chost *pk_chost_peek(struct cscratch *s, const struct pk_host *h);
struct pk_host	*pk_chost_view(const struct chost *c);
int		 pk_diff_key(const struct pk_host *h, unsigned char key[17]);
const struct cport *pk_chost_port(const struct chost *c, int proto,
		    unsigned port);
const struct crange *pk_chost_range(const struct chost *c, int proto,
		    unsigned port);

/* lib/diff_cmp.c */
int		 pk_diff_compare(struct pk_diff *d, struct dentry *e);
/* The state of proto/port on host c (NULL: absent) of side s. */
void		 pk_diff_resolve(const struct dside *s, const struct chost *c,
		    int proto, unsigned port, struct pview *v);
int		 pk_diff_scaninfo(struct pk_diff *d);

/* lib/diff_text.c, lib/diff_ndiff.c */
int		 pk_diff_write_text(struct pk_diff *d, FILE *out);
int		 pk_diff_write_ndiff(struct pk_diff *d, FILE *out, int xml);
/* Whether ndiff 7.93 would call the two hosts (views, NULL: absent)
   different; -1 out of memory. */
int		 pk_ndiff_differs(const struct pk_host *a,
		    const struct pk_host *b);

#endif /* PK_DIFF_IMPL_H */
