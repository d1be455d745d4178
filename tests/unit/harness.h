/*
 * harness.h - a tiny header-only unit test harness (libarchive, jq style).
 *
 * A test file is a list of cases and one TEST_MAIN naming them all:
 *
 *	#include "harness.h"
 *
 *	TEST(test_parse_empty)
 *	{
 *		assert_int(pk_proto_parse(""), -1);
 *	}
 *
 *	TEST_MAIN(test_parse_empty)
 *
 * A case left out of TEST_MAIN is an unused static function, which
 * -Werror turns into a build error, so no case is forgotten.
 *
 * Assertions take the actual value first and the expected one second.
 * A failed assertion records file:line and a message and lets the case
 * go on (the first failure is reported); each one evaluates to 1 when it
 * held and 0 when it failed, so a case can stop before a NULL dereference:
 *
 *	if (!assert_true(r != NULL))
 *		return;
 *
 * A case that makes no assertion at all fails: it proves nothing.
 *
 * main prints one line per case, "ok NAME" or "not ok NAME: FILE:LINE:
 * MESSAGE", and exits 1 when any case failed.  Arguments run only the
 * cases whose name contains one of them.  testdata_path("x.xml") names a
 * file in $TESTDATA (tests/run.sh sets it), else in ./testdata.
 */
#ifndef PK_TEST_HARNESS_H
#define PK_TEST_HARNESS_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define TH_PRINTF(f, a)	__attribute__((format(printf, f, a)))
#else
#define TH_PRINTF(f, a)
#endif

/* What the running case has done so far. */
struct th_state {
	unsigned long	 asserts;
	unsigned long	 failures;
	char		 where[256];	/* FILE:LINE of the first failure */
	char		 msg[1024];	/* its message, one line */
};

/* Test binaries are single-threaded programs: one running case at a time. */
static struct th_state th_cur;

#define TEST(name)	static void name(void)

static inline int	th_check(int, const char *, int, const char *, ...)
			    TH_PRINTF(4, 5);

/* Record one assertion; ok is its outcome. */
static inline int
th_check(int ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	th_cur.asserts++;
	if (ok)
		return 1;
	if (th_cur.failures++ == 0) {
		snprintf(th_cur.where, sizeof(th_cur.where), "%s:%d", file,
		    line);
		va_start(ap, fmt);
		vsnprintf(th_cur.msg, sizeof(th_cur.msg), fmt, ap);
		va_end(ap);
	}
	return 0;
}

/*
 * Quote len bytes of s as a C string literal into dst, so that a message
 * stays on one line; more than max bytes are cut and marked with "...".
 */
static inline const char *
th_quote(char *dst, size_t dstlen, const void *s, size_t len, size_t max)
{
	const unsigned char *p = s;
	size_t i, n = 0;

	if (s == NULL)
		return "NULL";
	dst[n++] = '"';
	for (i = 0; i < len && i < max && n + 8 < dstlen; i++) {
		if (p[i] == '"' || p[i] == '\\')
			n += snprintf(dst + n, dstlen - n, "\\%c", p[i]);
		else if (p[i] == '\n')
			n += snprintf(dst + n, dstlen - n, "\\n");
		else if (p[i] == '\t')
			n += snprintf(dst + n, dstlen - n, "\\t");
		else if (p[i] < 0x20 || p[i] >= 0x7f)
			n += snprintf(dst + n, dstlen - n, "\\x%02x", p[i]);
		else
			dst[n++] = (char)p[i];
	}
	dst[n++] = '"';
	if (i < len)
		n += snprintf(dst + n, dstlen - n, "...");
	dst[n] = '\0';
	return dst;
}

static inline int
th_int(long long a, long long b, const char *as, const char *bs,
    const char *file, int line)
{
	return th_check(a == b, file, line, "%s == %s: got %lld, want %lld",
	    as, bs, a, b);
}

static inline int
th_str(const char *a, const char *b, const char *as, const char *bs,
    const char *file, int line)
{
	char qa[400], qb[400];
	int same;

	same = (a == NULL || b == NULL) ? a == b : strcmp(a, b) == 0;
	if (same)
		return th_check(1, file, line, "%s", "");
	return th_check(0, file, line, "%s == %s: got %s, want %s", as, bs,
	    th_quote(qa, sizeof(qa), a, a ? strlen(a) : 0, 80),
	    th_quote(qb, sizeof(qb), b, b ? strlen(b) : 0, 80));
}

static inline int
th_mem(const void *a, size_t alen, const void *b, size_t blen,
    const char *as, const char *bs, const char *file, int line)
{
	const unsigned char *pa = a, *pb = b;
	char qa[300], qb[300];
	size_t off, n;

	n = alen < blen ? alen : blen;
	if (n > 0 && (a == NULL || b == NULL))
		return th_check(0, file, line, "%s == %s: NULL buffer", as,
		    bs);
	for (off = 0; off < n && pa[off] == pb[off]; off++)
		continue;
	if (off == n && alen == blen)
		return th_check(1, file, line, "%s", "");
	return th_check(0, file, line,
	    "%s == %s: got %zu bytes, want %zu; from offset %zu: %s vs %s",
	    as, bs, alen, blen, off,
	    th_quote(qa, sizeof(qa), pa + off, alen - off, 24),
	    th_quote(qb, sizeof(qb), pb + off, blen - off, 24));
}

#define assert_true(x)							\
	th_check((x) ? 1 : 0, __FILE__, __LINE__, "%s is false", #x)
#define assert_int(a, b)						\
	th_int((long long)(a), (long long)(b), #a, #b, __FILE__, __LINE__)
#define assert_str(a, b)						\
	th_str((a), (b), #a, #b, __FILE__, __LINE__)
#define assert_mem(a, alen, b, blen)					\
	th_mem((a), (alen), (b), (blen), #a, #b, __FILE__, __LINE__)

/* The path of name in the test data directory; four calls may coexist. */
static inline const char *
testdata_path(const char *name)
{
	static char buf[4][4096];
	static unsigned next;
	const char *dir;
	char *p;

	dir = getenv("TESTDATA");
	if (dir == NULL || *dir == '\0')
		dir = "testdata";
	p = buf[next++ % 4];
	snprintf(p, sizeof(buf[0]), "%s/%s", dir, name);
	return p;
}

/* The scratch directory th_scratch made, "" before it. */
static inline char *
th_scratch_path(void)
{
	static char dir[64];

	return dir;
}

static inline void
th_scratch_rm(void)
{
	char cmd[128];

	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", th_scratch_path());
	if (system(cmd) != 0)
		fprintf(stderr, "%s left behind\n", th_scratch_path());
}

/*
 * A private directory /tmp/name.XXXXXX for the files a case writes,
 * made at the first call and removed when the test exits; NULL when it
 * cannot be made.
 */
static inline const char *
th_scratch(const char *name)
{
	char *dir = th_scratch_path();

	if (dir[0] != '\0')
		return dir;
	(void)snprintf(dir, 64, "/tmp/%.40s.XXXXXX", name);
	if (mkdtemp(dir) == NULL) {
		dir[0] = '\0';
		return NULL;
	}
	if (atexit(th_scratch_rm) != 0)
		return NULL;
	return dir;
}

/* Run one case in a fresh state and return that state. */
static inline struct th_state
th_run(void (*fn)(void))
{
	struct th_state st;

	memset(&th_cur, 0, sizeof(th_cur));
	fn();
	if (th_cur.asserts == 0 && th_cur.failures == 0) {
		th_cur.failures = 1;
		snprintf(th_cur.msg, sizeof(th_cur.msg),
		    "the case made no assertion");
	}
	st = th_cur;
	memset(&th_cur, 0, sizeof(th_cur));
	return st;
}

/* The n-th name, 0-based, in the stringified TEST_MAIN list. */
static inline void
th_name(const char *list, size_t n, char *dst, size_t dstlen)
{
	size_t len;

	for (; n > 0 && list != NULL; n--)
		if ((list = strchr(list, ',')) != NULL)
			list++;
	if (list == NULL)
		list = "?";
	list += strspn(list, " \t\n");
	len = strcspn(list, ", \t\n");
	if (len >= dstlen)
		len = dstlen - 1;
	memcpy(dst, list, len);
	dst[len] = '\0';
}

static inline int
th_selected(const char *name, int argc, char *argv[])
{
	int i;

	if (argc < 2)
		return 1;
	for (i = 1; i < argc; i++)
		if (strstr(name, argv[i]) != NULL)
			return 1;
	return 0;
}

static inline int
th_main(int argc, char *argv[], const char *names, void (*const *fns)(void),
    size_t nfns)
{
	struct th_state st;
	char name[128];
	size_t i;
	int failed = 0;

	for (i = 0; i < nfns; i++) {
		th_name(names, i, name, sizeof(name));
		if (!th_selected(name, argc, argv))
			continue;
		st = th_run(fns[i]);
		if (st.failures == 0)
			printf("ok %s\n", name);
		else {
			failed = 1;
			printf("not ok %s: %s%s%s", name, st.where,
			    st.where[0] != '\0' ? ": " : "", st.msg);
			if (st.failures > 1)
				printf(" (and %lu more)", st.failures - 1);
			putchar('\n');
		}
		/* A later crash must not swallow the lines already earned. */
		fflush(stdout);
	}
	return failed;
}

#define TEST_MAIN(...)							\
	static void (*const th_fns[])(void) = { __VA_ARGS__ };		\
	int								\
	main(int argc, char *argv[])					\
	{								\
		return th_main(argc, argv, #__VA_ARGS__, th_fns,	\
		    sizeof(th_fns) / sizeof(th_fns[0]));		\
	}

#endif /* PK_TEST_HARNESS_H */
