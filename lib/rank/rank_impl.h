/*
 * rank_impl.h - what rank.c (counting) and rank_counts.c (partial counts,
 * merge) share.  Not installed.
 */
#ifndef PK_RANK_IMPL_H
#define PK_RANK_IMPL_H

#include <stdint.h>

#include "portkit.h"
#include "base/arena.h"
#include "base/hash.h"

#define RANK_MAGIC	"# ptop counts 1"

/* A detected name under a key, with its own per-host bookkeeping. */
struct rank_sub {
	const char	*name;
	unsigned long	 hosts;
	unsigned long	 stamp;		/* last record serial counted */
	uint32_t	 id;		/* unique over the ranking */
};

struct rank_ent {
	const char	*key;
	int		 proto;
	unsigned	 port;
	unsigned long	 hosts;
	unsigned long	 stamp;
	struct rank_sub	*subs;
	size_t		 nsubs;
	size_t		 capsubs;
};

/* A host address: 16 bytes (IPv4 mapped into IPv6), an id and a tag. */
struct rank_addr {
	unsigned char	 a[16];
	uint32_t	 id;		/* 1-based host number */
	unsigned char	 tag;		/* 0 empty, 1 IP, 2 MAC */
};

struct pk_rank {
	int		 key;
	unsigned	 states;
	int		 distinct;	/* no host table (caller's promise) */
	int		 started;	/* a record or a merge was taken */
	struct pk_arena	 strings;
	struct rank_ent	*ents;
	size_t		 nents;
	size_t		 capents;
	struct pk_index	 kh;		/* key -> its place in ents */
	uint32_t	*portix;	/* PK_RANK_PORT: proto * 65536 + port
					   -> 1 + index into ents */
	uint32_t	 nsubids;
	/* The host table and the (host, key) pairs of tracked hosts. */
	struct rank_addr *seen;
	size_t		 nseen;
	size_t		 seenmask;
	uint64_t	*pairs;		/* 0 empty */
	size_t		 npairs;
	size_t		 pairmask;
	uint32_t	 cur;		/* host id of the record being counted,
					   0 when it is not tracked */
	const char	*okstate;	/* rank_state_ok's last question */
	int		 okval;		/* and its answer */
	int		 versions;	/* the record's run did -sV */
	unsigned long	 hosts;
	unsigned long	 dups;
	unsigned long	 serial;
	struct pk_rank_row *rows;
	struct pk_rank_sub *subrows;
	const struct pk_ports *ports;	/* PK_RANK_CATEGORY's table, lent */
};

extern const char *const pk_rank_keynames[4];

/* rank.c, for rank_counts.c */
void		 pk_rank_states_format(unsigned mask, char *buf, size_t len);
int		 pk_rank_addr_parse(const char *ip, const char *mac,
		    struct rank_addr *k);
void		 pk_rank_addr_text(const struct rank_addr *k, char *buf,
		    size_t len);
/* 1 already known, 0 new (now recorded with a new id), -1 no memory. */
int		 pk_rank_seen(struct pk_rank *rk, struct rank_addr *k);
struct rank_ent *pk_rank_ent(struct pk_rank *rk, const char *key, size_t n);
struct rank_sub *pk_rank_sub(struct pk_rank *rk, struct rank_ent *e,
		    const char *name);

#endif /* PK_RANK_IMPL_H */
