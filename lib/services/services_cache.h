/*
 * services_cache.h - nmap-services' parsed entries in the per-user cache
 * (internal): the copy services.c makes while it parses a file, written
 * after a parse that succeeded, and read back in place of the next
 * parse.  The entries read go back to services.c through the functions
 * it passes in (struct svc_sink), so that calls run one way.
 */
#ifndef PK_SERVICES_CACHE_H
#define PK_SERVICES_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "portkit.h"
#include "input/cache.h"
#include "input/input.h"

/* The copy being made while parsing; failed: no room, write nothing. */
struct svc_img {
	struct img_rec	*recs;
	size_t		 nrecs, reccap;
	char		*str;
	size_t		 strlen, strcap;
	int		 failed;
	uint32_t	 lastname;	/* 1 + the last name's offset */
};

/* What a parse counted beside its entries, kept in the copy. */
struct svc_totals {
	unsigned long	 dups;		/* duplicate lines dropped */
	int		 deckeys;	/* svc_sort's keys: see services.c */
	size_t		 maxfrac;
};

/*
 * The cache of one load: where its file's copy lives, what the copy
 * must have been made from, the copy opened to be read, and the one
 * being made.  Its fields are services_cache.c's but dir and img.
 */
struct svc_cache {
	char		*dir;		/* NULL: no cache for this load */
	struct pk_cache_key key;
	struct pk_limits lim;
	const struct pk_portset *want;	/* the ports the load keeps, or NULL */
	struct pk_cache_file f;		/* want's copy, read in parts */
	char		*buf;		/* or the whole copy */
	size_t		 len;
	struct svc_img	 img;
};

/*
 * c for a load of in (NULL: no cache) under lim keeping want, and the
 * copy of in opened, read whole when want is NULL: 1 when there is one
 * to read (svc_cache_read), else 0.
 */
int	 svc_cache_init(struct svc_cache *c, struct pk_input *in,
	    const struct pk_limits *lim, const struct pk_portset *want);
/* Free what c holds, its copy closed if still open. */
void	 svc_cache_done(struct svc_cache *c);

/*
 * Where a read of the copy hands its entries: to take, one at a time in
 * file order, with the length of the name, as the parse would have added
 * them (the strings last until take returns).  A read that has read and
 * checked every entry it keeps before the first (want's) says first to
 * room how many there are.  Each returns 0, or anything else to refuse
 * the copy.  A port given twice is the caller's to refuse (services.c
 * counts it as a duplicate line).
 */
struct svc_sink {
	int	(*room)(void *arg, size_t n);
	int	(*take)(void *arg, const struct pk_service *sv,
		    size_t namelen);
	void	*arg;
};

/*
 * Read c's copy into to and close it: 0 with the parse's totals in *t,
 * or -1 when anything is out of place.
 */
int	 svc_cache_read(struct svc_cache *c, const struct svc_sink *to,
	    struct svc_totals *t);

/*
 * Add the parse's entry sv to the copy being made (before want, so that
 * the copy serves every load), its comment commentlen bytes long.
 */
void	 svc_img_add(struct svc_img *im, const struct pk_service *sv,
	    size_t namelen, size_t commentlen);

/* Write the copy made while parsing, with the parse's totals t. */
void	 svc_cache_write(struct svc_cache *c, const struct svc_totals *t);

#endif /* PK_SERVICES_CACHE_H */
