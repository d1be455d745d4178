/*
 * cache.h - files of the per-user cache: where they are, reading one
 * back only when it is ours and whole, writing one atomically
 * (internal).  What a file holds is its caller's business.
 */
#ifndef PK_CACHE_H
#define PK_CACHE_H

#include <stddef.h>
#include <stdint.h>

/* The identity and version of the file a cache file was made from. */
struct pk_cache_src {
	uint64_t	 dev;
	uint64_t	 ino;
	uint64_t	 size;
	int64_t		 mtime, mtime_ns;
	int64_t		 ctime, ctime_ns;	/* moves on every change */
};

/* What a cache file must have been made from to be used. */
struct pk_cache_key {
	const char	*kind;		/* names the file: "products" */
	uint32_t	 version;	/* of the caller's format */
	uint32_t	 layout;	/* the caller's sizeof checks */
	struct pk_cache_src src;
};

/*
 * The fixed header before the payload, in the writer's byte order (the
 * mark tells another).  All fields are 64-bit after the first two, so
 * there is no padding.
 */
struct pk_cache_hdr {
	char		 magic[8];	/* "pkcache\n" */
	uint32_t	 bom;		/* PK_CACHE_BOM as written */
	uint32_t	 hdrsize;	/* sizeof(struct pk_cache_hdr) */
	char		 kind[16];
	uint32_t	 version;
	uint32_t	 layout;
	struct pk_cache_src src;
	uint64_t	 block;		/* PK_CACHE_BLOCK */
	uint64_t	 paylen;
	uint64_t	 sum;		/* pk_cache_sum of the block sums */
};

/*
 * After the header, one pk_cache_sum for each PK_CACHE_BLOCK bytes of
 * the payload (the last block may be shorter), then the payload: a
 * reader may check only the blocks it reads.
 */
#define PK_CACHE_BLOCK	4096
#define PK_CACHE_BOM	0x01020304u
/* Cache files larger than this are not read (nor written). */
#define PK_CACHE_MAX	((size_t)64 << 20)

/*
 * A cache file open for reading parts of its payload (pk_cache_get):
 * its header matched and its block sums are read and checked.
 */
struct pk_cache_file {
	int		 fd;
	size_t		 paylen;
	uint64_t	*sums;		/* one a block */
	char		*win;		/* the blocks read last, checked */
	size_t		 wcap;
	size_t		 woff, wlen;	/* win holds payload [woff, +wlen) */
};

/*
 * The cache directory opt names: NULL for the default,
 * $XDG_CACHE_HOME/portkit (when absolute) else $HOME/.cache/portkit; ""
 * for none; any other string is that directory.  malloc'ed, or NULL when
 * there is none (no home, a set-id process, no memory).
 */
char		*pk_cache_dir(const char *opt);

/*
 * A cache for what was parsed from the open file fd: key filled with
 * kind, version, layout and fd's identity, and the directory opt names
 * (pk_cache_dir) returned.  NULL when there is no cache to use: no
 * directory, or fd is no regular file (nothing to key it on).
 */
char		*pk_cache_open(int fd, const char *opt, const char *kind,
		    uint32_t version, uint32_t layout, struct pk_cache_key *key);

/*
 * The payload of key's file in dir, malloc'ed (the caller frees it),
 * its length in *lenp: only when the file is a regular file of ours
 * that no one else may write, its header matches key and its checksum
 * its payload.  NULL for anything else: a cache that cannot be used is
 * no error.
 */
void		*pk_cache_read(const char *dir, const struct pk_cache_key *key,
		    size_t *lenp);

/*
 * Open key's file in dir for pk_cache_get, on the same conditions as
 * pk_cache_read (the payload's sums are checked as it is read): 0, or
 * -1 when there is none to use (f then needs no pk_cache_close).
 */
int		 pk_cache_open_file(const char *dir,
		    const struct pk_cache_key *key, struct pk_cache_file *f);

/*
 * Payload bytes [off, off + len) of f, len > 0, read with the whole
 * blocks they lie in, whose sums must hold: valid until the next call
 * on f.  NULL when the range is not inside the payload, a read fails or
 * a sum does not hold.  Bytes already read are not read again.
 */
const void	*pk_cache_get(struct pk_cache_file *f, size_t off, size_t len);

void		 pk_cache_close(struct pk_cache_file *f);

/*
 * Write buf[0..len) as key's file in dir, made when missing (mode 0700),
 * through a temporary file renamed over it.  Any failure leaves nothing
 * behind and is ignored: the cache only saves time.
 */
void		 pk_cache_write(const char *dir, const struct pk_cache_key *key,
		    const void *buf, size_t len);

/* A 64-bit checksum of buf[0..len), eight bytes a step. */
uint64_t	 pk_cache_sum(const void *buf, size_t len);

/* The number of blocks of a payload of len bytes. */
#define PK_CACHE_NBLOCKS(len)	(((len) + PK_CACHE_BLOCK - 1) / PK_CACHE_BLOCK)

/* The sums of buf[0..len)'s blocks into sums[PK_CACHE_NBLOCKS(len)]. */
void		 pk_cache_sums(const void *buf, size_t len, uint64_t *sums);

#endif /* PK_CACHE_H */
