/*
 * cache.c - the per-user cache: files that keep what a slow parse of a
 * data file made, so that it is done once per version of that file (as
 * fontconfig keeps its parsed fonts).
 *
 * A cache file is a fixed header, a checksum for each 4 KiB block of
 * the payload, and the payload.  The header holds the source file's
 * identity and times as fstat gave them, the caller's format version and
 * sizes, a byte-order mark and a checksum of the block sums; a file is
 * used only when all of them match, and a block only when its sum does.
 * A caller reads the whole payload (pk_cache_read), or only the parts it
 * needs (pk_cache_get: ptop reads the few records of a scan's ports, not
 * the 1 MB of nmap-services).  The cache is for speed only: every
 * failure here is silently "no cache".  The checksums catch a torn or
 * damaged file, not a hostile one: a caller must still check every index
 * of the payload it reads back.
 */
#define _DEFAULT_SOURCE	/* madvise; NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/cache.h"

static const char magic[8] = "pkcache\n";
/* The header and block sums' own version: 2 since sums per block. */
#define CACHE_FORMAT	2u

/* Fill src from fd: 0, or -1 when fstat fails or it is no regular file. */
static int
cache_src(int fd, struct pk_cache_src *src)
{
	struct stat st;

	memset(src, 0, sizeof(*src));
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode))
		return -1;
	src->dev = (uint64_t)st.st_dev;
	src->ino = (uint64_t)st.st_ino;
	src->size = (uint64_t)st.st_size;
	src->mtime = (int64_t)st.st_mtim.tv_sec;
	src->mtime_ns = (int64_t)st.st_mtim.tv_nsec;
	src->ctime = (int64_t)st.st_ctim.tv_sec;
	src->ctime_ns = (int64_t)st.st_ctim.tv_nsec;
	return 0;
}

/* a followed by b, malloc'ed; NULL when out of memory. */
static char *
join(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *p;

	if ((p = malloc(na + nb + 1)) == NULL)
		return NULL;
	memcpy(p, a, na);
	memcpy(p + na, b, nb + 1);
	return p;
}

char *
pk_cache_dir(const char *opt)
{
	const char *base, *sub = "/portkit";

	if (opt != NULL)
		return opt[0] == '\0' ? NULL : join(opt, "");
	/* The environment of a set-id process is its caller's to choose. */
	if (getuid() != geteuid() || getgid() != getegid())
		return NULL;
	if ((base = getenv("XDG_CACHE_HOME")) == NULL || base[0] != '/') {
		if ((base = getenv("HOME")) == NULL || base[0] != '/')
			return NULL;
		sub = "/.cache/portkit";
	}
	return join(base, sub);
}

char *
pk_cache_open(int fd, const char *opt, const char *kind, uint32_t version,
    uint32_t layout, struct pk_cache_key *key)
{
	memset(key, 0, sizeof(*key));
	key->kind = kind;
	key->version = version;
	key->layout = layout;
	if (cache_src(fd, &key->src) == -1)
		return NULL;
	return pk_cache_dir(opt);
}

/*
 * dir/KIND-HEX and then suffix, HEX a hash of the source's device and
 * inode: one file for each source, replaced when the source changes.
 * The formats (the caller's version and layout, and this file's
 * CACHE_FORMAT) are hashed in too: two builds that write different
 * formats (an upgrade, a build beside the packaged one) keep a file each
 * instead of rewriting each other's on every run.
 */
static char *
cache_path(const char *dir, const struct pk_cache_key *key,
    const char *suffix)
{
	const uint64_t mul = 0x9e3779b97f4a7c15u;
	uint64_t h;
	char name[64];

	h = (key->src.dev ^ (key->src.dev >> 29)) * mul;
	h = (h ^ key->src.ino) * mul;
	h = (h ^ ((uint64_t)key->version << 32 | key->layout)) * mul;
	h = (h ^ CACHE_FORMAT) * mul;
	h ^= h >> 32;
	(void)snprintf(name, sizeof(name), "/%.16s-%016llx%.8s", key->kind,
	    (unsigned long long)h, suffix);
	return join(dir, name);
}

/* The header a file made from key holds, paylen and sum aside. */
static void
hdr_fill(struct pk_cache_hdr *h, const struct pk_cache_key *key)
{
	memset(h, 0, sizeof(*h));
	memcpy(h->magic, magic, sizeof(h->magic));
	h->bom = PK_CACHE_BOM;
	h->hdrsize = (uint32_t)sizeof(*h);
	(void)strncpy(h->kind, key->kind, sizeof(h->kind) - 1);
	h->version = key->version;
	h->layout = key->layout;
	h->src = key->src;
	h->block = PK_CACHE_BLOCK;
}

/*
 * A cache file that no one but us could have written: a regular file
 * (O_NOFOLLOW already refused a link) of our effective user, that its
 * group and others may not write, of a size we are willing to read.
 */
static int
usable(const struct stat *st)
{
	return S_ISREG(st->st_mode) && st->st_uid == geteuid() &&
	    (st->st_mode & (S_IWGRP | S_IWOTH)) == 0 &&
	    st->st_size >= (off_t)sizeof(struct pk_cache_hdr) &&
	    (uint64_t)st->st_size <= PK_CACHE_MAX;
}

/* Read exactly n bytes at offset at: 0, or -1 for an error or an early end. */
static int
pread_all(int fd, void *buf, size_t n, off_t at)
{
	char *p = buf;
	ssize_t got;

	while (n > 0) {
		got = pread(fd, p, n, at);
		if (got == -1 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		p += got;
		n -= (size_t)got;
		at += got;
	}
	return 0;
}

static int
write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	ssize_t put;

	while (n > 0) {
		put = write(fd, p, n);
		if (put == -1 && errno == EINTR)
			continue;
		if (put <= 0)
			return -1;
		p += put;
		n -= (size_t)put;
	}
	return 0;
}

/*
 * The pages wholly inside buf[0..len) made present and writable by one
 * call, not by a fault each as read() fills them (86 pages for nmap's
 * file; a fault costs about 1.6 us here, a page populated about 1 us).
 * Where the kernel lacks it (before Linux 5.14) nothing happens.
 */
static void
populate(void *buf, size_t len)
{
#ifdef MADV_POPULATE_WRITE
	const uintptr_t pg = 4096;	/* the least page size: a part of a
					   larger page populated is harmless */
	uintptr_t a, b;

	a = ((uintptr_t)buf + pg - 1) & ~(pg - 1);
	b = ((uintptr_t)buf + len) & ~(pg - 1);
	if (b > a)
		(void)madvise((void *)a, b - a, MADV_POPULATE_WRITE);
#else
	(void)buf;
	(void)len;
#endif
}

/* The byte at payload offset off lies in the file at this offset. */
static off_t
cache_base(size_t paylen)
{
	return (off_t)(sizeof(struct pk_cache_hdr) +
	    PK_CACHE_NBLOCKS(paylen) * sizeof(uint64_t));
}

/* Whether buf, payload blocks [b0, b1], holds f's sums for them. */
static int
sums_hold(const struct pk_cache_file *f, const char *buf, size_t b0,
    size_t b1)
{
	size_t b, at, n;

	for (b = b0; b <= b1; b++) {
		at = b * PK_CACHE_BLOCK;
		n = f->paylen - at < PK_CACHE_BLOCK ? f->paylen - at :
		    PK_CACHE_BLOCK;
		if (pk_cache_sum(buf + (at - b0 * PK_CACHE_BLOCK), n) !=
		    f->sums[b])
			return 0;
	}
	return 1;
}

/* Payload blocks [b0, b1] of f read into buf: 1 when read and sound. */
static int
read_blocks(const struct pk_cache_file *f, char *buf, size_t b0, size_t b1)
{
	size_t start = b0 * PK_CACHE_BLOCK, end = (b1 + 1) * PK_CACHE_BLOCK;

	if (end > f->paylen)
		end = f->paylen;
	return pread_all(f->fd, buf, end - start, cache_base(f->paylen) +
	    (off_t)start) == 0 && sums_hold(f, buf, b0, b1);
}

int
pk_cache_open_file(const char *dir, const struct pk_cache_key *key,
    struct pk_cache_file *f)
{
	struct pk_cache_hdr want, have;
	struct stat st;
	size_t nb;
	char *path;

	memset(f, 0, sizeof(*f));
	f->fd = -1;
	if ((path = cache_path(dir, key, "")) == NULL)
		return -1;
	f->fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	free(path);
	if (f->fd == -1)
		return -1;
	hdr_fill(&want, key);
	/* Everything up to paylen must be as we would write it. */
	if (fstat(f->fd, &st) == 0 && usable(&st) &&
	    pread_all(f->fd, &have, sizeof(have), 0) == 0 &&
	    memcmp(&have, &want, offsetof(struct pk_cache_hdr, paylen)) == 0 &&
	    have.paylen <= PK_CACHE_MAX &&
	    (off_t)cache_base((size_t)have.paylen) + (off_t)have.paylen ==
	    st.st_size) {
		f->paylen = (size_t)have.paylen;
		nb = PK_CACHE_NBLOCKS(f->paylen);
		f->sums = malloc(nb > 0 ? nb * sizeof(uint64_t) : 1);
		if (f->sums != NULL &&
		    pread_all(f->fd, f->sums, nb * sizeof(uint64_t),
		    (off_t)sizeof(have)) == 0 &&
		    pk_cache_sum(f->sums, nb * sizeof(uint64_t)) == have.sum)
			return 0;
	}
	pk_cache_close(f);
	return -1;
}

void
pk_cache_close(struct pk_cache_file *f)
{
	if (f->fd != -1)
		(void)close(f->fd);
	free(f->sums);
	free(f->win);
	memset(f, 0, sizeof(*f));
	f->fd = -1;
}

const void *
pk_cache_get(struct pk_cache_file *f, size_t off, size_t len)
{
	size_t b0, b1, start, end;
	char *p;

	if (len == 0 || off > f->paylen || len > f->paylen - off)
		return NULL;
	if (off >= f->woff && off + len <= f->woff + f->wlen)
		return f->win + (off - f->woff);
	b0 = off / PK_CACHE_BLOCK;
	b1 = (off + len - 1) / PK_CACHE_BLOCK;
	start = b0 * PK_CACHE_BLOCK;
	end = (b1 + 1) * PK_CACHE_BLOCK;
	if (end > f->paylen)
		end = f->paylen;
	f->wlen = 0;
	if (end - start > f->wcap) {
		if ((p = realloc(f->win, end - start)) == NULL)
			return NULL;
		f->win = p;
		f->wcap = end - start;
	}
	if (!read_blocks(f, f->win, b0, b1))
		return NULL;
	f->woff = start;
	f->wlen = end - start;
	return f->win + (off - start);
}

void *
pk_cache_read(const char *dir, const struct pk_cache_key *key, size_t *lenp)
{
	struct pk_cache_file f;
	void *buf;

	if (pk_cache_open_file(dir, key, &f) == -1)
		return NULL;
	if ((buf = malloc(f.paylen > 0 ? f.paylen : 1)) != NULL) {
		populate(buf, f.paylen);
		if (f.paylen > 0 &&
		    !read_blocks(&f, buf, 0, PK_CACHE_NBLOCKS(f.paylen) - 1)) {
			free(buf);
			buf = NULL;
		}
	}
	if (buf != NULL)
		*lenp = f.paylen;
	pk_cache_close(&f);
	return buf;
}

/*
 * dir, and its parent when that is missing too ($HOME/.cache on a new
 * account), made private to us.  0 when dir is there.
 */
static int
make_dir(const char *dir)
{
	char *parent, *slash;

	if (mkdir(dir, 0700) == 0 || errno == EEXIST)
		return 0;
	if (errno != ENOENT || (parent = join(dir, "")) == NULL)
		return -1;
	if ((slash = strrchr(parent, '/')) != NULL && slash != parent) {
		*slash = '\0';
		(void)mkdir(parent, 0700);
	}
	free(parent);
	return mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

void
pk_cache_write(const char *dir, const struct pk_cache_key *key,
    const void *buf, size_t len)
{
	struct pk_cache_hdr h;
	size_t nb = PK_CACHE_NBLOCKS(len);
	uint64_t *sums;
	char *path, *tmp;
	int fd, ok;

	if (len > PK_CACHE_MAX || make_dir(dir) == -1 ||
	    (sums = malloc(nb > 0 ? nb * sizeof(*sums) : 1)) == NULL)
		return;
	pk_cache_sums(buf, len, sums);
	path = cache_path(dir, key, "");
	tmp = cache_path(dir, key, ".XXXXXX");
	/* mkstemp: mode 0600, and no file of another's is ever opened. */
	if (path != NULL && tmp != NULL && (fd = mkstemp(tmp)) != -1) {
		(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
		hdr_fill(&h, key);
		h.paylen = len;
		h.sum = pk_cache_sum(sums, nb * sizeof(*sums));
		ok = write_all(fd, &h, sizeof(h)) == 0 &&
		    write_all(fd, sums, nb * sizeof(*sums)) == 0 &&
		    write_all(fd, buf, len) == 0;
		/* No fsync: a file torn by a crash fails its checksum. */
		if (close(fd) != 0 || !ok || rename(tmp, path) == -1)
			(void)unlink(tmp);
	}
	free(tmp);
	free(path);
	free(sums);
}

/* One step of a lane: a bijection of h for each w, so no change is lost. */
static inline uint64_t
sum_step(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9e3779b97f4a7c15u;
	return h ^ (h >> 29);
}

/*
 * Four lanes of eight-byte words, each keeping a sum of its words and a
 * sum of those sums (Fletcher's, modulo 2^64: a changed word moves the
 * first, words moved within a lane the second), mixed together at the
 * end.  Two adds a word, no multiply (a multiply a word cost 2.7 times
 * the instructions).  It catches damage, as a torn file's zeros, not
 * forgery.
 */
uint64_t
pk_cache_sum(const void *buf, size_t len)
{
	const unsigned char *p = buf, *q;
	unsigned char tail[32];
	uint64_t a0 = len, a1 = 1, a2 = 2, a3 = 3, b0 = 0, b1 = 0, b2 = 0,
	    b3 = 0, v;
	size_t i;

	for (i = 0; i < len; i += 32) {
		q = p + i;
		if (len - i < 32) {	/* the last words, zero-padded */
			memset(tail, 0, sizeof(tail));
			memcpy(tail, q, len - i);
			q = tail;
		}
		memcpy(&v, q, 8);
		b0 += a0 += v;
		memcpy(&v, q + 8, 8);
		b1 += a1 += v;
		memcpy(&v, q + 16, 8);
		b2 += a2 += v;
		memcpy(&v, q + 24, 8);
		b3 += a3 += v;
	}
	return sum_step(sum_step(sum_step(sum_step(sum_step(sum_step(
	    sum_step(sum_step(0, a0), b0), a1), b1), a2), b2), a3), b3);
}

void
pk_cache_sums(const void *buf, size_t len, uint64_t *sums)
{
	const char *p = buf;
	size_t at;

	for (at = 0; at < len; at += PK_CACHE_BLOCK)
		*sums++ = pk_cache_sum(p + at, len - at < PK_CACHE_BLOCK ?
		    len - at : PK_CACHE_BLOCK);
}
