/*
 * fault.c - an LD_PRELOAD shim that makes the k-th call of one family of
 * functions fail, for tests/torture.sh (issue 8, like curl's torture
 * tests and SQLite's out-of-memory tests).
 *
 * Environment:
 *   PK_FAULT=FAMILY:K   fail the K-th call (1-based) of FAMILY, once:
 *                       malloc  malloc, calloc, realloc, strdup, strndup
 *                               (NULL, errno ENOMEM)
 *                       read    read, gzread (-1, errno EIO)
 *                       write   write, except to stderr (-1, errno ENOSPC)
 *                       K = 0 fails nothing and only counts.
 *   PK_FAULT_REPORT=F   at exit, write "FAMILY CALLS" lines for the three
 *                       families to F, and "failed FAMILY K" when the
 *                       fault was injected.
 *
 * Preloaded ahead of everything, the shim sees the allocations of
 * libxml2, zlib and libc as well as portkit's own.  It works under
 * AddressSanitizer when the runtime is a shared library (gcc's default;
 * run with ASAN_OPTIONS=verify_asan_link_order=0): the shim forwards to
 * ASan's allocator, so LeakSanitizer still sees every block.  Writes to
 * descriptor 2 are never failed: the error message is what the torture
 * test checks.  Standard output is rebuilt on fopencookie so that stdio's
 * writes reach the shim (see wrap_stdout).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

enum { F_MALLOC, F_READ, F_WRITE, F_COUNT };

static const char *const family[F_COUNT] = { "malloc", "read", "write" };
static unsigned long calls[F_COUNT];
static unsigned long fail_at;
static int fail_family = -1;
static int failed;
static int configured;

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
static char *(*real_strdup)(const char *);
static char *(*real_strndup)(const char *, size_t);
static ssize_t (*real_read)(int, void *, size_t);
static ssize_t (*real_pread)(int, void *, size_t, off_t);
static ssize_t (*real_write)(int, const void *, size_t);
static int (*real_gzread)(void *, void *, unsigned);

/* dlsym may allocate before real_calloc is known: serve it from here. */
static char early[8192];
static size_t early_used;
static int resolving;

static void *
early_alloc(size_t n)
{
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (n > sizeof(early) - early_used)
		return NULL;
	p = early + early_used;
	early_used += n;
	return p;
}

static int
is_early(const void *p)
{
	return (const char *)p >= early && (const char *)p < early + sizeof(early);
}

static void
configure(void)
{
	const char *e;
	size_t i, l;

	configured = 1;
	if ((e = getenv("PK_FAULT")) == NULL)
		return;
	for (i = 0; i < F_COUNT; i++) {
		l = strlen(family[i]);
		if (strncmp(e, family[i], l) == 0 && e[l] == ':') {
			fail_family = (int)i;
			fail_at = strtoul(e + l + 1, NULL, 10);
		}
	}
}

static void
resolve(void)
{
	resolving = 1;
	real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
	real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
	real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
	real_strdup = (char *(*)(const char *))dlsym(RTLD_NEXT, "strdup");
	real_strndup = (char *(*)(const char *, size_t))dlsym(RTLD_NEXT,
	    "strndup");
	real_read = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
	real_pread = (ssize_t (*)(int, void *, size_t, off_t))dlsym(RTLD_NEXT,
	    "pread");
	real_write = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT,
	    "write");
	resolving = 0;
}

/*
 * Calls made while the program starts (the loader, the sanitizer
 * runtime, before environ exists) are not the program's: counting starts
 * when the shim's constructor runs.
 */
/*
 * glibc's stdio writes with an internal write(2) that no preloaded
 * library can interpose, so standard output is replaced by a stream
 * whose every flush goes through write() below: a failed write then
 * reaches the program exactly as ENOSPC on its stdout would.
 */
static ssize_t
cookie_write(void *c, const char *buf, size_t n)
{
	size_t done = 0;
	ssize_t w;

	(void)c;
	while (done < n) {
		w = write(STDOUT_FILENO, buf + done, n - done);
		if (w < 0)
			return -1;
		done += (size_t)w;
	}
	return (ssize_t)n;
}

static void
wrap_stdout(void)
{
	static const cookie_io_functions_t io = { NULL, cookie_write, NULL,
	    NULL };
	FILE *fp;

	fflush(stdout);
	if ((fp = fopencookie(NULL, "w", io)) == NULL)
		return;
	(void)setvbuf(fp, NULL, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF,
	    BUFSIZ);
	stdout = fp;
}

__attribute__((constructor)) static void
arm(void)
{
	wrap_stdout();
	configure();
}

/* Count a call of family f; 1 when this one must fail. */
static int
fault(int f)
{
	if (!configured)
		return 0;
	calls[f]++;
	if (f == fail_family && fail_at != 0 && calls[f] == fail_at) {
		failed = 1;
		return 1;
	}
	return 0;
}

void *
malloc(size_t n)
{
	if (real_malloc == NULL) {
		if (resolving)
			return early_alloc(n);
		resolve();
	}
	if (fault(F_MALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	return real_malloc(n);
}

void *
calloc(size_t n, size_t m)
{
	if (real_calloc == NULL) {
		if (resolving)
			return early_alloc(n * m);	/* static: zeroed */
		resolve();
	}
	if (fault(F_MALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	return real_calloc(n, m);
}

void *
realloc(void *p, size_t n)
{
	if (real_realloc == NULL)
		resolve();
	if (is_early(p)) {
		void *q = malloc(n);

		if (q != NULL)
			memcpy(q, p, n);	/* early blocks are small */
		return q;
	}
	if (fault(F_MALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	return real_realloc(p, n);
}

void
free(void *p)
{
	if (p == NULL || is_early(p))
		return;
	if (real_free == NULL)
		resolve();
	real_free(p);
}

char *
strdup(const char *s)
{
	if (real_strdup == NULL)
		resolve();
	if (fault(F_MALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	return real_strdup(s);
}

char *
strndup(const char *s, size_t n)
{
	if (real_strndup == NULL)
		resolve();
	if (fault(F_MALLOC)) {
		errno = ENOMEM;
		return NULL;
	}
	return real_strndup(s, n);
}

ssize_t
read(int fd, void *buf, size_t n)
{
	if (real_read == NULL)
		resolve();
	if (fault(F_READ)) {
		errno = EIO;
		return -1;
	}
	return real_read(fd, buf, n);
}

/* The cache's reads (lib/input/cache.c), counted with read(2). */
ssize_t
pread(int fd, void *buf, size_t n, off_t at)
{
	if (real_pread == NULL)
		resolve();
	if (fault(F_READ)) {
		errno = EIO;
		return -1;
	}
	return real_pread(fd, buf, n, at);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	if (real_write == NULL)
		resolve();
	if (fd != STDERR_FILENO && fault(F_WRITE)) {
		errno = ENOSPC;
		return -1;
	}
	return real_write(fd, buf, n);
}

/* zlib's gzread, counted with read(2); its own reads are counted too. */
int	gzread(void *file, void *buf, unsigned len);

int
gzread(void *file, void *buf, unsigned len)
{
	if (real_gzread == NULL)
		real_gzread = (int (*)(void *, void *, unsigned))dlsym(RTLD_NEXT,
		    "gzread");
	if (fault(F_READ))
		return -1;
	return real_gzread(file, buf, len);
}

__attribute__((destructor)) static void
report(void)
{
	const char *path = getenv("PK_FAULT_REPORT");
	char line[256];
	int fd, i, n = 0;

	if (path == NULL || real_write == NULL)
		return;
	for (i = 0; i < F_COUNT; i++)
		n += snprintf(line + n, sizeof(line) - (size_t)n, "%s %lu\n",
		    family[i], calls[i]);
	if (failed)
		n += snprintf(line + n, sizeof(line) - (size_t)n,
		    "failed %s %lu\n", family[fail_family], fail_at);
	/* Straight to the system: the shim must not count its own I/O. */
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd == -1)
		return;
	(void)real_write(fd, line, (size_t)n);
	(void)close(fd);
}
