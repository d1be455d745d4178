/*
 * input.c - files, descriptors and memory, gzip or not, through one buffer.
 *
 * Compressed data goes through zlib's gzdopen/gzread, which also reads
 * multi-member files whole and, on plain data, copies it through
 * unchanged, so one path serves .gz, plain files and pipes.  libxml2's
 * own decompression is never used: it reads only the first member and
 * has no byte budget.
 */
#define _GNU_SOURCE	/* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "input/input.h"
#include "input/prefetch.h"
#include "base/error.h"

/*
 * 64 KiB: larger reads were no faster, and libxml2 keeps a copy of what
 * it is fed, so every reader of a pdiff pair paid for a larger buffer
 * about three times.
 */
#define INPUT_BUFSIZE	((size_t)64 << 10)

struct pk_input {
	char		*name;
	gzFile		 gz;		/* NULL for plain memory */
	struct pk_prefetch *pf;		/* inflating ahead, or NULL */
	int		 regular;	/* gz reads a regular file */
	int		 fd;		/* the descriptor gz reads, or -1 */
	uint64_t	 size;		/* of that file (compressed), else 0 */
	FILE		*tmp;		/* backing file for gzip in memory */
	const char	*mem;
	size_t		 memlen;
	size_t		 mempos;
	char		*buf;
	size_t		 cap;
	size_t		 start;		/* first unconsumed byte */
	size_t		 end;		/* one past the last buffered byte */
	size_t		 scanned;	/* getline: bytes known newline-free */
	int		 nul;		/* getline: a NUL in [start, scanned) */
	int		 linenul;	/* the last line held a NUL */
	int		 eof;		/* the source is exhausted */
	int		 gzipped;
	int		 failed;	/* an error is final */
	int		 linemode;	/* read through pk_input_getline */
	int		 cut;		/* the last line had no newline */
	uint64_t	 produced;	/* decompressed bytes read */
	uint64_t	 consumed;
	unsigned long	 lines;
	struct pk_limits lim;
	struct pk_error	 err;
};

void
pk_limits_fill(struct pk_limits *dst, const struct pk_limits *src)
{
	if (src != NULL)
		*dst = *src;
	else
		memset(dst, 0, sizeof(*dst));
	if (dst->max_tag_bytes == 0)
		dst->max_tag_bytes = PK_DEF_MAX_TAG_BYTES;
	if (dst->max_attrs == 0)
		dst->max_attrs = PK_DEF_MAX_ATTRS;
	if (dst->max_depth == 0)
		dst->max_depth = PK_DEF_MAX_DEPTH;
	if (dst->max_host_bytes == 0)
		dst->max_host_bytes = PK_DEF_MAX_HOST_BYTES;
	if (dst->max_line_bytes == 0)
		dst->max_line_bytes = PK_DEF_MAX_LINE_BYTES;
}

static struct pk_input *
input_new(const char *name, const struct pk_limits *lim,
    struct pk_error *err)
{
	struct pk_input *in;

	in = calloc(1, sizeof(*in));
	if (in != NULL) {
		in->name = strdup(name);
		in->buf = malloc(INPUT_BUFSIZE + 1);	/* + getline's NUL */
		in->cap = INPUT_BUFSIZE;
	}
	if (in == NULL || in->name == NULL || in->buf == NULL) {
		pk_input_free(in);
		pk_error_set(err, PK_ERR_NOMEM, 0, "out of memory");
		return NULL;
	}
	pk_limits_fill(&in->lim, lim);
	in->err.file = in->name;
	in->fd = -1;
	return in;
}

/* Hand fd (now ours) to zlib, which detects gzip by its magic bytes. */
static int
input_gz_attach(struct pk_input *in, int fd, struct pk_error *err)
{
	struct stat st;

	in->regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	in->size = in->regular && st.st_size > 0 ? (uint64_t)st.st_size : 0;
	in->gz = gzdopen(fd, "rb");
	if (in->gz == NULL) {
		close(fd);
		pk_error_set(err, PK_ERR_NOMEM, 0, "out of memory");
		return -1;
	}
	in->fd = fd;
	/*
	 * zlib reads, or inflates, straight into the caller's buffer when
	 * asked for at least twice its own size, and copies through its own
	 * buffers (three times this size) otherwise: a quarter of ours takes
	 * the direct way for most reads and keeps zlib's buffers small.
	 */
	(void)gzbuffer(in->gz, (unsigned)(INPUT_BUFSIZE / 4));
	return 0;
}

struct pk_input *
pk_input_open(const char *path, const char *name,
    const struct pk_limits *lim, struct pk_error *err)
{
	int fd;

	if (strcmp(path, "-") == 0)
		return pk_input_open_fd(STDIN_FILENO,
		    name != NULL ? name : "<stdin>", lim, err);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1) {
		pk_error_set(err, PK_ERR_IO, 0, "cannot open: %s",
		    strerror(errno));
		return NULL;
	}
	struct pk_input *in = input_new(name != NULL ? name : path, lim, err);
	if (in == NULL) {
		close(fd);
		return NULL;
	}
	if (input_gz_attach(in, fd, err) == -1) {
		pk_input_free(in);
		return NULL;
	}
	return in;
}

struct pk_input *
pk_input_open_fd(int fd, const char *name, const struct pk_limits *lim,
    struct pk_error *err)
{
	struct pk_input *in;
	int dfd;

	/* gzclose closes the descriptor it was given: give it a copy. */
	dfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (dfd == -1) {
		pk_error_set(err, PK_ERR_IO, 0, "cannot read: %s",
		    strerror(errno));
		return NULL;
	}
	in = input_new(name != NULL ? name : "<fd>", lim, err);
	if (in == NULL) {
		close(dfd);
		return NULL;
	}
	if (input_gz_attach(in, dfd, err) == -1) {
		pk_input_free(in);
		return NULL;
	}
	return in;
}

struct pk_input *
pk_input_open_mem(const void *buf, size_t len, const char *name,
    const struct pk_limits *lim, struct pk_error *err)
{
	const unsigned char *b = buf;
	struct pk_input *in;
	int fd;

	in = input_new(name != NULL ? name : "<memory>", lim, err);
	if (in == NULL)
		return NULL;
	if (len < 2 || b[0] != 0x1f || b[1] != 0x8b) {
		in->mem = buf;
		in->memlen = len;
		return in;
	}
	/* zlib reads gzip only from descriptors: stage it in a file. */
	in->tmp = tmpfile();
	if (in->tmp == NULL || fwrite(buf, 1, len, in->tmp) != len ||
	    fflush(in->tmp) != 0 || fseek(in->tmp, 0, SEEK_SET) != 0 ||
	    (fd = fcntl(fileno(in->tmp), F_DUPFD_CLOEXEC, 0)) == -1) {
		pk_error_set(err, PK_ERR_IO, 0, "cannot stage gzip data: %s",
		    strerror(errno));
		pk_input_free(in);
		return NULL;
	}
	if (lseek(fd, 0, SEEK_SET) == -1 || input_gz_attach(in, fd, err)) {
		pk_input_free(in);
		return NULL;
	}
	in->fd = -1;			/* the staging file is no source */
	return in;
}

void
pk_input_free(struct pk_input *in)
{
	if (in == NULL)
		return;
	pk_prefetch_stop(in->pf);
	if (in->gz != NULL)
		(void)gzclose(in->gz);
	if (in->tmp != NULL)
		(void)fclose(in->tmp);
	free(in->buf);
	free(in->name);
	free(in);
}

int
pk_input_bounded(const struct pk_input *in)
{
	return in->gz == NULL || in->regular;
}

int
pk_input_fd(const struct pk_input *in)
{
	return in->fd;
}

uint64_t
pk_input_size(const struct pk_input *in)
{
	return in->gz == NULL ? in->memlen : in->size;
}

const struct pk_error *
pk_input_error(const struct pk_input *in)
{
	return &in->err;
}

unsigned long
pk_input_lines(const struct pk_input *in)
{
	return in->lines;
}

int
pk_input_line(struct pk_input *in, struct pk_line *ln)
{
	size_t len;
	int rc;

	rc = pk_input_getline(in, &ln->p, &len, &ln->no);
	if (rc != PK_OK)
		return rc;
	ln->start = ln->p;
	ln->end = ln->p + len;
	ln->cut = in->cut;
	ln->nul = in->linenul;
	return PK_OK;
}

uint64_t
pk_input_offset(const struct pk_input *in)
{
	return in->consumed;
}

static int	input_fail(struct pk_input *, int, const char *, ...)
		    PK_PRINTF(3, 4);

static int
input_fail(struct pk_input *in, int status, const char *fmt, ...)
{
	va_list ap;

	/* Only line readers know a line; XML reports its own. */
	va_start(ap, fmt);
	pk_error_vset(&in->err, status, in->linemode ? in->lines + 1 : 0,
	    fmt, ap);
	va_end(ap);
	in->err.file = in->name;
	in->failed = status;
	return status;
}

/* After the end of the gzip data: was the stream whole? */
static int
input_gz_end(struct pk_input *in)
{
	const char *msg;
	int zerr, errnum;

	if (in->pf != NULL) {
		pk_prefetch_status(in->pf, &zerr, &msg, &errnum);
	} else {
		msg = gzerror(in->gz, &zerr);
		errnum = errno;
	}
	if (zerr == Z_OK)
		return 0;
	/* A cut .gz is a truncated input like any other: exit 3, not 2. */
	if (zerr == Z_BUF_ERROR)
		return input_fail(in, PK_ERR_TRUNCATED,
		    "truncated gzip stream (unexpected end of file)");
	/* zlib prefixes the path it was given, here "<fd:N>": drop it. */
	if (strncmp(msg, "<fd:", 4) == 0 && strstr(msg, ": ") != NULL)
		msg = strstr(msg, ": ") + 2;
	if (zerr == Z_ERRNO)
		return input_fail(in, PK_ERR_IO, "read error: %s",
		    strerror(errnum));
	return input_fail(in, PK_ERR_GZIP, "corrupt gzip stream: %s", msg);
}

/*
 * gzread, or the prefetch thread once the first read showed a compressed
 * regular file (the first read stays here so that zlib sets itself up
 * before a second thread exists).
 */
static long
input_gz_read(struct pk_input *in, void *dst, size_t n)
{
	int k;

	if (in->pf != NULL)
		return pk_prefetch_read(in->pf, dst, n);
	k = gzread(in->gz, dst, (unsigned)n);
	if (in->produced == 0 && k > 0) {
		in->gzipped = !gzdirect(in->gz);
		if (in->gzipped && in->regular)
			in->pf = pk_prefetch_start(in->gz);
	}
	return k;
}

/* Read from the source into buf[end..cap); 0 at the end, <0 error. */
static int
input_read_source(struct pk_input *in)
{
	size_t room = in->cap - in->end;
	long n;

	if (in->gz == NULL) {
		size_t left = in->memlen - in->mempos;

		if (left < room)
			room = left;
		memcpy(in->buf + in->end, in->mem + in->mempos, room);
		in->mempos += room;
		in->end += room;
		return room > 0;
	}
	if (room > (size_t)1 << 30)
		room = (size_t)1 << 30;
	n = input_gz_read(in, in->buf + in->end, room);
	if (n < 0) {
		(void)input_gz_end(in);
		return in->failed != 0 ? in->failed :
		    input_fail(in, PK_ERR_GZIP, "corrupt gzip stream");
	}
	if (n == 0)
		return input_gz_end(in);
	in->end += (size_t)n;
	return 1;
}

static int
input_fill(struct pk_input *in)
{
	size_t before = in->end;
	int rc;

	if (in->failed)
		return in->failed;
	if (in->eof)
		return 0;
	if (in->start > 0 && in->start == in->end) {
		in->start = in->end = in->scanned = 0;
	} else if (in->start > 0 && in->end == in->cap) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->scanned -= in->start;
		in->start = 0;
	}
	rc = input_read_source(in);
	if (rc < 0)
		return rc;
	if (rc == 0) {
		in->eof = 1;
		return 0;
	}
	in->produced += in->end - before;
	if (in->lim.max_input_bytes != 0 &&
	    in->produced > in->lim.max_input_bytes)
		return input_fail(in, PK_ERR_LIMIT,
		    "input exceeds the limit of %llu bytes",
		    (unsigned long long)in->lim.max_input_bytes);
	return 1;
}

/* Make the buffer able to hold want unconsumed bytes. */
static int
input_reserve(struct pk_input *in, size_t want)
{
	char *nb;
	size_t ncap = in->cap;

	if (in->start > 0) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->scanned -= in->start;
		in->start = 0;
	}
	if (want <= in->cap)
		return 0;
	while (ncap < want)
		ncap *= 2;
	nb = realloc(in->buf, ncap + 1);
	if (nb == NULL)
		return input_fail(in, PK_ERR_NOMEM, "out of memory");
	in->buf = nb;
	in->cap = ncap;
	return 0;
}

int
pk_input_peek(struct pk_input *in, size_t min, const char **p, size_t *n)
{
	int rc;

	if (min > in->cap && input_reserve(in, min) != 0)
		return in->failed;
	while (in->end - in->start < (min > 0 ? min : 1)) {
		if (in->end == in->cap && input_reserve(in, in->cap) != 0)
			return in->failed;
		rc = input_fill(in);
		/*
		 * An error after some bytes came (a cut .gz): hand those over
		 * first; the error is sticky and comes with the next fill.
		 */
		if (rc < 0 && in->end == in->start)
			return rc;
		if (rc <= 0)
			break;
	}
	*p = in->buf + in->start;
	*n = in->end - in->start;
	return *n > 0 ? PK_OK : PK_EOF;
}

void
pk_input_consume(struct pk_input *in, size_t n)
{
	in->start += n;
	in->consumed += n;
	/* A NUL seen may lie in what went: look again. */
	if (in->scanned < in->start || in->nul) {
		in->scanned = in->start;
		in->nul = 0;
	}
}

/*
 * The first newline in buf[scanned, end), or NULL; a NUL on the way sets
 * in->nul.  One pass finds both (line readers reject a NUL): strchrnul
 * stops at either byte, and at the NUL stored at end, one past what is
 * buffered (the buffer has room for it).
 */
static char *
input_newline(struct pk_input *in)
{
	char *e = in->buf + in->end, *p;

	*e = '\0';
	p = strchrnul(in->buf + in->scanned, '\n');
	if (*p == '\n')
		return p;
	if (p == e)
		return NULL;
	in->nul = 1;
	return memchr(p + 1, '\n', (size_t)(e - p - 1));
}

int
pk_input_getline(struct pk_input *in, const char **line, size_t *len,
    unsigned long *lineno)
{
	char *nl, *s;
	size_t n;
	int rc;

	in->linemode = 1;
	for (;;) {
		if (in->scanned < in->start)
			in->scanned = in->start;
		if ((nl = input_newline(in)) != NULL)
			break;
		in->scanned = in->end;
		if (in->end - in->start > in->lim.max_line_bytes)
			return input_fail(in, PK_ERR_LIMIT,
			    "line longer than %zu bytes",
			    in->lim.max_line_bytes);
		if (in->end == in->cap && input_reserve(in,
		    in->end - in->start < in->cap / 2 ? in->cap :
		    in->cap * 2) != 0)
			return in->failed;
		rc = input_fill(in);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			if (in->start == in->end)
				return PK_EOF;
			nl = in->buf + in->end;	/* last line, no newline */
			break;
		}
	}
	s = in->buf + in->start;
	n = (size_t)(nl - s);
	if (n > in->lim.max_line_bytes)
		return input_fail(in, PK_ERR_LIMIT,
		    "line longer than %zu bytes", in->lim.max_line_bytes);
	in->cut = nl == in->buf + in->end;
	in->linenul = in->nul;
	pk_input_consume(in, in->cut ? n : n + 1);
	in->lines++;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	*line = s;
	*len = n;
	if (lineno != NULL)
		*lineno = in->lines;
	return PK_OK;
}
