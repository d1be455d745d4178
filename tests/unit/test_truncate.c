/*
 * test_truncate.c - cut every real XML scan in testdata at every byte
 * offset: exactly the hosts whose </host> ends before the cut come out,
 * and the reader then says the scan was truncated (or ends cleanly when
 * nothing but blanks was cut off).
 *
 * Each cut reads its whole prefix again, so the sweep is quadratic in
 * the file size.  make check-full (PK_EXHAUSTIVE=1) cuts at every offset;
 * make check at a fixed sample that still meets every kind of cut (see
 * cuts_to_try).
 */
#include <dirent.h>
#include <stdint.h>
#include <string.h>

#include <zlib.h>

#include "harness.h"
#include "portkit.h"
#include "reading.h"

/* Hosts complete within buf[0..cut): </host> ends at or before cut. */
static unsigned long
hosts_before(const char *buf, size_t cut)
{
	unsigned long n = 0;
	size_t i;

	for (i = 0; i + 7 <= cut; i++)
		if (buf[i] == '<' && memcmp(buf + i, "</host>", 7) == 0)
			n++;
	return n;
}

static int
only_blanks(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\n' && p[i] != '\r' &&
		    p[i] != '\t')
			return 0;
	return 1;
}

/* Does buf[0..cut) end with a whole run ("</nmaprun>" and blanks)? */
static int
ends_a_run(const char *buf, size_t cut)
{
	while (cut > 0 && only_blanks(buf + cut - 1, 1))
		cut--;
	return cut >= 10 && memcmp(buf + cut - 10, "</nmaprun>", 10) == 0;
}

/*
 * The sample of cuts_to_try: every 13th offset, and all of those near the
 * ends (CUT_EDGE bytes) and near a boundary (CUT_NEAR bytes each side).
 */
#define CUT_STRIDE	13
#define CUT_EDGE	64
#define CUT_NEAR	8

/* Mark the cuts within CUT_NEAR bytes of offset at. */
static void
mark_near(unsigned char *pick, size_t len, size_t at)
{
	size_t c = at > CUT_NEAR ? at - CUT_NEAR : 0;

	for (; c <= len && c <= at + CUT_NEAR; c++)
		pick[c] = 1;
}

/*
 * Which of the len + 1 cuts of buf to try, as a malloc'ed array of flags:
 * all of them with PK_EXHAUSTIVE=1.  Otherwise every CUT_STRIDE-th (13 is
 * prime, so the cuts drift across lines and tags instead of landing on
 * the same column) and every cut where the expected answer changes kind:
 * the first CUT_EDGE bytes (nothing or only blanks read, a cut header),
 * the last ones (the end of the run and the blanks after it, the gzip
 * trailer), and CUT_NEAR bytes either side of each boundary string the
 * caller names: the ends of "</host>" (after), where the host count
 * steps, or the starts of gzip members.
 */
static unsigned char *
cuts_to_try(const char *buf, size_t len, const char *mark, size_t marklen,
    int after)
{
	const char *full = getenv("PK_EXHAUSTIVE");
	unsigned char *pick;
	size_t c;

	if ((pick = calloc(len + 1, 1)) == NULL)
		return NULL;
	for (c = 0; c <= len; c++)
		if ((full != NULL && strcmp(full, "1") == 0) ||
		    c % CUT_STRIDE == 0 || c < CUT_EDGE || len - c < CUT_EDGE)
			pick[c] = 1;
	for (c = 0; c + marklen <= len; c++)
		if (memcmp(buf + c, mark, marklen) == 0)
			mark_near(pick, len, after ? c + marklen : c);
	return pick;
}

/* Status of a full read: EOF for a whole file, TRUNCATED for a cut one. */
static int
read_count(const char *buf, size_t len, unsigned long *hosts)
{
	const struct pk_host *h;
	struct pk_reader *r;
	int rc;

	r = pk_reader_open_mem(buf, len, "cut", NULL);
	while ((rc = pk_reader_next(r, &h)) == PK_OK)
		;
	*hosts = pk_reader_hosts(r);
	pk_reader_free(r);
	return rc;
}

static void
check_file(const char *path)
{
	unsigned long got, want, bad = 0, tried = 0;
	int rc, whole_rc;
	size_t len = 0, cut, first_bad = 0;
	unsigned char *pick;
	char *buf;

	buf = th_slurp(path, &len);
	pick = buf != NULL ? cuts_to_try(buf, len, "</host>", 7, 1) : NULL;
	if (!assert_true(pick != NULL)) {
		free(buf);
		return;
	}
	whole_rc = read_count(buf, len, &got);
	for (cut = 0; cut <= len; cut++) {
		if (!pick[cut])
			continue;
		tried++;
		want = hosts_before(buf, cut);
		rc = read_count(buf, cut, &got);
		if (cut == len || only_blanks(buf + cut, len - cut)) {
			if (rc != whole_rc || got != want) {
				if (bad++ == 0)
					first_bad = cut;
			}
		} else if (ends_a_run(buf, cut)) {
			if (rc != PK_EOF || got != want) {
				if (bad++ == 0)
					first_bad = cut;
			}
		} else if (got != want || (rc != PK_ERR_TRUNCATED &&
		    !(cut == 0 || only_blanks(buf, cut)))) {
			if (bad++ == 0)
				first_bad = cut;
		}
	}
	th_check(bad == 0, __FILE__, __LINE__,
	    "%s: %lu of %lu cuts wrong, first at byte %zu", path, bad,
	    tried, first_bad);
	free(pick);
	free(buf);
}

/*
 * What a gzip stream cut after len bytes still decompresses to, member
 * after member, as zlib's inflate gives it; *out is malloc'ed.
 */
static size_t
inflate_prefix(const unsigned char *gz, size_t len, char **out)
{
	size_t cap = 1 << 16, n = 0;
	z_stream z;
	int rc = Z_OK;

	*out = malloc(cap);
	memset(&z, 0, sizeof(z));
	if (*out == NULL || inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)(uintptr_t)gz;
	z.avail_in = (unsigned)len;
	while (rc == Z_OK || (rc == Z_STREAM_END && z.avail_in > 0)) {
		if (rc == Z_STREAM_END)
			(void)inflateReset(&z);	/* the next member */
		if (n == cap)
			*out = realloc(*out, cap *= 2);
		z.next_out = (unsigned char *)*out + n;
		z.avail_out = (unsigned)(cap - n);
		rc = inflate(&z, Z_NO_FLUSH);
		n = cap - z.avail_out;
		if (rc == Z_BUF_ERROR && z.avail_out > 0)
			break;		/* input exhausted mid-member */
	}
	(void)inflateEnd(&z);
	return n;
}

/*
 * A .gz cut anywhere: the hosts complete in what the cut stream still
 * inflates to come out, then truncation (or a clean end when the cut
 * falls between members after a whole run).
 */
static void
check_gz_file(const char *path)
{
	unsigned long got, want, bad = 0, tried = 0;
	size_t len = 0, cut, plen, first_bad = 0;
	unsigned char *pick;
	char *buf, *plain;
	int rc;

	buf = th_slurp(path, &len);
	pick = buf != NULL ? cuts_to_try(buf, len, "\x1f\x8b\x08", 3, 0) :
	    NULL;
	if (!assert_true(pick != NULL)) {
		free(buf);
		return;
	}
	for (cut = 2; cut <= len; cut++) {
		if (!pick[cut])
			continue;
		tried++;
		plen = inflate_prefix((unsigned char *)buf, cut, &plain);
		want = hosts_before(plain, plen);
		rc = read_count(buf, cut, &got);
		if (got != want || (rc != PK_ERR_TRUNCATED &&
		    !(rc == PK_EOF && (cut == len || ends_a_run(plain, plen))) &&
		    !(rc == PK_ERR_FORMAT && plen == 0))) {
			if (bad++ == 0)
				first_bad = cut;
		}
		free(plain);
	}
	th_check(bad == 0, __FILE__, __LINE__,
	    "%s: %lu of %lu cuts wrong, first at byte %zu", path, bad,
	    tried, first_bad);
	free(pick);
	free(buf);
}

/* Run check on every file in $TESTDATA whose name ends in suffix. */
static size_t
each_file(const char *suffix, void (*check)(const char *path))
{
	const char *dir = getenv("TESTDATA") != NULL ? getenv("TESTDATA") :
	    "testdata";
	size_t n, sl = strlen(suffix), files = 0;
	char path[4096];
	struct dirent *e;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (n <= sl || strcmp(e->d_name + n - sl, suffix) != 0)
			continue;
		(void)snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		check(path);
		files++;
	}
	closedir(d);
	return files;
}

TEST(test_truncate_gzip_every_offset)
{
	size_t files = each_file(".xml.gz", check_gz_file);

	th_check(files >= 2, __FILE__, __LINE__, "only %zu gzip scans",
	    files);
}

TEST(test_truncate_every_offset)
{
	size_t files = each_file(".xml", check_file);

	th_check(files >= 5, __FILE__, __LINE__, "only %zu XML scans",
	    files);
}

TEST_MAIN(test_truncate_every_offset, test_truncate_gzip_every_offset)
