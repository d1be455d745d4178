/*
 * test_cache.c - the parsed nmap-service-probes kept in the per-user
 * cache (input/cache.c, scan/products.c): a copy read back splits as the
 * parse does, and a stale, damaged, forged or foreign copy is never used.
 *
 * Whether a load used the copy is seen from outside: a load that parses
 * writes the copy again, through a new file renamed over the old one,
 * so the copy's inode changes; a load that used it leaves it alone.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "input/cache.h"
#include "cachefile.h"
#include "scan/products.h"

/* When nmap's own file is not installed: a few names of each kind. */
static const char small[] =
"match ssh m|^SSH-| p/OpenSSH/ v/$2/\n"
"match smtp m|^220| p/Postfix smtpd/\n"
"match http m|Apache| p/Apache httpd/ v/$1/\n"
"match http m|Tomcat| p/Apache Tomcat/\n"
"match http m|AXIS (\\w+)| p/AXIS $1 camera httpd/\n"
"match ftp m|^220 OS/2| p|IBM OS/2 ftpd|\n"
"match sip m|^SIP| p/$1 SIP/\n"
"match http m|Python| p/SimpleHTTPServer/\n";

static const char *root;	/* the scratch directory */
static char probes[128];	/* its copy of nmap-service-probes */

/* The scratch directory and the probes file, made once. */
static int
setup(void)
{
	const char *sys = "/usr/share/nmap/nmap-service-probes";
	char buf[65536];
	FILE *in, *out;
	size_t n;

	if (root != NULL)
		return 0;
	if ((root = th_scratch("test_cache")) == NULL)
		return -1;
	(void)snprintf(probes, sizeof(probes), "%s/probes", root);
	if ((out = fopen(probes, "w")) == NULL)
		return -1;
	if ((in = fopen(sys, "r")) != NULL) {
		while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
			(void)fwrite(buf, 1, n, out);
		(void)fclose(in);
	} else
		(void)fputs(small, out);
	return fclose(out) == 0 ? 0 : -1;
}

/* root/sub, in a buffer of the caller's. */
static const char *
rpath(char *buf, size_t n, const char *sub)
{
	(void)snprintf(buf, n, "%s/%s", root, sub);
	return buf;
}

/* The table of the probes file, through the cache in dir. */
static struct pk_products *
load(const char *dir)
{
	struct pk_products *pp;
	struct pk_error err;
	FILE *fp;

	if ((fp = fopen(probes, "r")) == NULL)
		return NULL;
	memset(&err, 0, sizeof(err));
	pp = pk_products_load(fp, dir, &err);
	(void)fclose(fp);
	return pp;
}

/* The path of the one KIND-* file in dir, or "" when there is none. */
static const char *
kind_path(const char *dir, const char *kind)
{
	static char path[512];
	struct dirent *e;
	DIR *d;

	path[0] = '\0';
	if ((d = opendir(dir)) == NULL)
		return path;
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, kind, strlen(kind)) == 0 &&
		    e->d_name[strlen(kind)] == '-')
			(void)snprintf(path, sizeof(path), "%.200s/%.200s",
			    dir, e->d_name);
	(void)closedir(d);
	return path;
}

/* The path of the products copy in dir, or "". */
static const char *
copy_path(const char *dir)
{
	return kind_path(dir, "products");
}

static ino_t
inode(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 ? st.st_ino : 0;
}

/* --- The texts split ---------------------------------------------------- */

struct texts {
	char		*buf;
	size_t		 len, cap;
};

static void
texts_add(struct texts *t, const char *s, size_t n)
{
	char *nb;

	if (t->cap - t->len <= n) {
		t->cap = 2 * t->cap + n + 1;
		if ((nb = realloc(t->buf, t->cap)) == NULL)
			abort();
		t->buf = nb;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len++] = '\0';
}

/*
 * Texts to split: every p/.../ name of the probes file with a version
 * and an extrainfo after it, and every name alone.
 */
static void
texts_of_probes(struct texts *t)
{
	char line[8192], text[8300];
	const char *p, *e;
	FILE *fp;

	if ((fp = fopen(probes, "r")) == NULL)
		return;
	while (fgets(line, sizeof(line), fp) != NULL) {
		if ((p = strstr(line, " p/")) == NULL ||
		    (e = strchr(p + 3, '/')) == NULL)
			continue;
		texts_add(t, p + 3, (size_t)(e - p - 3));
		(void)snprintf(text, sizeof(text), "%.*s 2.4.1 (extra info)",
		    (int)(e - p - 3), p + 3);
		texts_add(t, text, strlen(text));
	}
	(void)fclose(fp);
}

/* Every version field of the grepable files in testdata/, kept whole. */
static void
texts_of_testdata(struct texts *t)
{
	static const char *const files[] = { "basic-sV.gnmap",
	    "nonstd-sV.gnmap", "localhost-sC.gnmap", "localhost-sV.gnmap",
	    "harden/lo-A.gnmap" };
	struct pk_read_opts o;
	const struct pk_host *h;
	struct pk_reader *r;
	size_t i, j;

	pk_read_opts_init(&o);
	o.probes = "";
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		if ((r = pk_reader_open(testdata_path(files[i]), &o)) == NULL)
			continue;
		while (pk_reader_next(r, &h) == PK_OK)
			for (j = 0; j < h->nports; j++)
				if (h->ports[j].version != NULL)
					texts_add(t, h->ports[j].version,
					    strlen(h->ports[j].version));
		pk_reader_free(r);
	}
}

/* "product|version|extrainfo\n" of every text, split by pp. */
static char *
splits(struct pk_products *pp, const struct texts *t, size_t *lenp)
{
	struct texts out = { NULL, 0, 0 };
	const char *pr, *ve, *ex;
	char buf[8400], line[8500];
	size_t i, n;

	for (i = 0; i < t->len; i += n + 1) {
		n = strlen(t->buf + i);
		memcpy(buf, t->buf + i, n + 1);
		(void)pk_products_split(pp, buf, n, (unsigned)i, &pr, &ve,
		    &ex);
		(void)snprintf(line, sizeof(line), "%s|%s|%s", pr ? pr : "-",
		    ve ? ve : "-", ex ? ex : "-");
		texts_add(&out, line, strlen(line));
	}
	*lenp = out.len;
	return out.buf;
}

/* pp splits every text as the parse does; pp is freed. */
static int
same_splits(struct pk_products *pp)
{
	static struct texts t;
	static char *want;
	static size_t wantlen;
	struct pk_products *parsed;
	size_t len = 0;
	char *got;
	int ok;

	if (pp == NULL)
		return 0;
	if (t.len == 0) {		/* kept for the process's life */
		texts_of_probes(&t);
		texts_of_testdata(&t);
	}
	if (want == NULL && (parsed = load("")) != NULL) {
		want = splits(parsed, &t, &wantlen);
		pk_products_free(parsed);
	}
	got = splits(pp, &t, &len);
	ok = want != NULL && got != NULL && t.len > 1000 && len == wantlen &&
	    memcmp(got, want, len) == 0;
	free(got);
	pk_products_free(pp);
	return ok;
}

/* --- The cases ---------------------------------------------------------- */

/* A copy read back splits every text as the parse does, and stays. */
TEST(test_round_trip)
{
	struct stat st;
	char dir[128];
	const char *cp;
	ino_t ino;

	if (!assert_true(setup() == 0))
		return;
	rpath(dir, sizeof(dir), "round");
	assert_true(same_splits(load(dir)));
	cp = copy_path(dir);
	if (!assert_true(cp[0] != '\0' && stat(cp, &st) == 0))
		return;
	assert_int(st.st_mode & 07777, 0600);
	ino = st.st_ino;
	assert_true(stat(dir, &st) == 0 && (st.st_mode & 07777) == 0700);
	assert_true(same_splits(load(dir)));
	assert_true(inode(copy_path(dir)) == ino);	/* used, not made */
}

/* A source changed since (its times moved) is parsed again. */
TEST(test_stale)
{
	struct timespec ts[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	char dir[128];
	ino_t ino;

	if (!assert_true(setup() == 0))
		return;
	rpath(dir, sizeof(dir), "stale");
	pk_products_free(load(dir));
	ino = inode(copy_path(dir));
	assert_true(ino != 0);
	assert_true(utimensat(AT_FDCWD, probes, ts, 0) == 0);
	assert_true(same_splits(load(dir)));
	assert_true(inode(copy_path(dir)) != ino);
	ino = inode(copy_path(dir));
	pk_products_free(load(dir));
	assert_true(inode(copy_path(dir)) == ino);
}

/* The whole of a file, malloc'ed. */
static char *
slurp(const char *path, size_t *lenp)
{
	struct stat st;
	char *b;
	int fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || (b = malloc((size_t)st.st_size)) ==
	    NULL) {
		close(fd);
		return NULL;
	}
	*lenp = (size_t)st.st_size;
	if (read(fd, b, *lenp) != (ssize_t)*lenp) {
		free(b);
		b = NULL;
	}
	close(fd);
	return b;
}

/* Put b[0..len) in place of path's content (same inode). */
static int
spill(const char *path, const char *b, size_t len)
{
	int fd, ok;

	if ((fd = open(path, O_WRONLY | O_TRUNC)) == -1)
		return -1;
	ok = write(fd, b, len) == (ssize_t)len;
	return close(fd) == 0 && ok ? 0 : -1;
}

/*
 * dir's copy, its content replaced by b[0..len), is not used: the load
 * splits as the parse does and writes the copy again, as it was.
 */
static int
refused(const char *dir, const char *b, size_t len, const char *good,
    size_t glen)
{
	const char *cp = copy_path(dir);
	size_t nlen = 0;
	char *now;
	ino_t ino;
	int ok;

	if (spill(cp, b, len) != 0)
		return 0;
	ino = inode(cp);
	if (!same_splits(load(dir)) || inode(cp) == ino)
		return 0;
	now = slurp(cp, &nlen);		/* written again, as it was */
	ok = now != NULL && nlen == glen && memcmp(now, good, glen) == 0;
	free(now);
	return ok;
}

/* A damaged, truncated or foreign-endian copy is ignored. */
TEST(test_corrupt)
{
	char dir[128], *good, *b;
	size_t len = 0, h = sizeof(struct pk_cache_hdr);

	if (!assert_true(setup() == 0))
		return;
	rpath(dir, sizeof(dir), "corrupt");
	pk_products_free(load(dir));
	if (!assert_true((good = slurp(copy_path(dir), &len)) != NULL) ||
	    !assert_true((b = malloc(len)) != NULL)) {
		free(good);
		return;
	}
	memcpy(b, good, len);
	b[h + (len - h) / 2] ^= 0x40;			/* a payload byte */
	assert_true(refused(dir, b, len, good, len));
	assert_true(refused(dir, good, len / 2, good, len));	/* cut short */
	assert_true(refused(dir, good, h, good, len));		/* no payload */
	assert_true(refused(dir, good, 10, good, len));		/* no header */
	memcpy(b, good, len);
	b[offsetof(struct pk_cache_hdr, bom)] ^= 3;	/* byte order */
	assert_true(refused(dir, b, len, good, len));
	memcpy(b, good, len);
	b[offsetof(struct pk_cache_hdr, layout)] ^= 1;
	assert_true(refused(dir, b, len, good, len));
	memcpy(b, good, len);
	b[offsetof(struct pk_cache_hdr, block)] ^= 1;	/* block size */
	assert_true(refused(dir, b, len, good, len));
	memcpy(b, good, len);
	b[h + 3] ^= 1;					/* a block's sum */
	assert_true(refused(dir, b, len, good, len));
	b[0] = 'x';
	assert_true(refused(dir, b, 0, good, len));		/* empty */
	free(b);
	free(good);
}

/*
 * The payload's layout (scan/products.c): four counts, then the struct
 * tpl (12 bytes: off, next, keylen, var), the buckets, the names.
 */
#define P_NKEYED	0
#define P_NBUCKET	8
#define P_NAMESLEN	12
#define P_TPL(i)	(16 + 12 * (size_t)(i))
#define T_OFF		0
#define T_NEXT		4
#define T_KEYLEN	8

static uint32_t
get32(const char *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

/* good with the u32 (or u16) at payload offset at set to v, sums sealed. */
static int
forged(const char *dir, const char *good, size_t len, size_t at,
    uint32_t v, int wide)
{
	size_t h = cf_payload(good);
	uint16_t v16 = (uint16_t)v;
	char *b;
	int ok;

	if ((b = malloc(len)) == NULL)
		return 0;
	memcpy(b, good, len);
	if (wide)
		memcpy(b + h + at, &v, 4);
	else
		memcpy(b + h + at, &v16, 2);
	ok = cf_seal(b, len) == 0 && refused(dir, b, len, good, len);
	free(b);
	return ok;
}

/* A forged copy with a sound checksum: every index is checked. */
TEST(test_forged)
{
	size_t len = 0, h, nk, n, nb, bucket0;
	char dir[128], *good;
	uint32_t nameslen;

	if (!assert_true(setup() == 0))
		return;
	rpath(dir, sizeof(dir), "forged");
	pk_products_free(load(dir));
	if (!assert_true((good = slurp(copy_path(dir), &len)) != NULL))
		return;
	h = cf_payload(good);
	nk = get32(good + h + P_NKEYED);
	n = nk + get32(good + h + P_NKEYED + 4);
	nb = get32(good + h + P_NBUCKET);
	nameslen = get32(good + h + P_NAMESLEN);
	bucket0 = P_TPL(n);
	if (assert_true(nk > 2 && nb > 1)) {
		/* a cycle: a link to itself, and one to a later name */
		assert_true(forged(dir, good, len, P_TPL(0) + T_NEXT, 1, 1));
		assert_true(forged(dir, good, len, P_TPL(1) + T_NEXT, 3, 1));
		/* out of range: a bucket, a name's text, a key */
		assert_true(forged(dir, good, len, bucket0, (uint32_t)nk + 1,
		    1));
		assert_true(forged(dir, good, len, bucket0 + 4, UINT32_MAX,
		    1));
		assert_true(forged(dir, good, len, P_TPL(nk - 1) + T_OFF,
		    nameslen, 1));
		assert_true(forged(dir, good, len, P_TPL(0) + T_KEYLEN, 257,
		    0));
		assert_true(forged(dir, good, len, P_TPL(0) + T_KEYLEN, 0, 0));
		/* counts that do not add up to the length */
		assert_true(forged(dir, good, len, P_NKEYED, (uint32_t)nk + 1,
		    1));
		assert_true(forged(dir, good, len, P_NBUCKET, (uint32_t)nb - 1,
		    1));
		assert_true(forged(dir, good, len, P_NKEYED, UINT32_MAX, 1));
		/* the names' block without its last NUL */
		assert_true(forged(dir, good, len, len - h - 4, 0x41414141,
		    1));
	}
	free(good);
}

/* A copy others may write, of another user, or a link, is ignored. */
TEST(test_foreign)
{
	char dir[128], path[256], good[128];
	struct stat st;
	ino_t ino;

	if (!assert_true(setup() == 0))
		return;
	rpath(dir, sizeof(dir), "foreign");
	pk_products_free(load(dir));
	(void)snprintf(path, sizeof(path), "%s", copy_path(dir));
	ino = inode(path);
	assert_true(chmod(path, 0620) == 0);
	assert_true(same_splits(load(dir)));
	assert_true(inode(path) != ino);
	assert_true(stat(path, &st) == 0 && (st.st_mode & 07777) == 0600);
	if (geteuid() == 0) {
		ino = inode(path);
		assert_true(chown(path, 65534, 65534) == 0);
		assert_true(same_splits(load(dir)));
		assert_true(inode(path) != ino);
		assert_true(stat(path, &st) == 0 && st.st_uid == 0);
	}
	/* a link to a good copy: not followed, replaced */
	assert_true(rename(path, rpath(good, sizeof(good), "good")) == 0);
	assert_true(symlink(good, path) == 0);
	assert_true(same_splits(load(dir)));
	assert_true(lstat(path, &st) == 0 && S_ISREG(st.st_mode));
}

/* "" reads and writes nothing; NULL is the XDG or home directory. */
TEST(test_where)
{
	char xdg[128], home[128], path[256];
	struct stat st;

	if (!assert_true(setup() == 0))
		return;
	rpath(xdg, sizeof(xdg), "xdg");
	rpath(home, sizeof(home), "home");
	assert_true(mkdir(home, 0755) == 0);
	assert_true(setenv("XDG_CACHE_HOME", xdg, 1) == 0);
	assert_true(setenv("HOME", home, 1) == 0);
	assert_true(same_splits(load("")));
	assert_true(stat(xdg, &st) == -1);
	(void)snprintf(path, sizeof(path), "%s/.cache", home);
	assert_true(stat(path, &st) == -1);
	/* the default: $XDG_CACHE_HOME/portkit, made private */
	assert_true(same_splits(load(NULL)));
	(void)snprintf(path, sizeof(path), "%s/portkit", xdg);
	assert_true(copy_path(path)[0] != '\0');
	assert_true(stat(xdg, &st) == 0 && (st.st_mode & 07777) == 0700);
	/* a relative XDG_CACHE_HOME is not used: $HOME/.cache/portkit */
	assert_true(setenv("XDG_CACHE_HOME", "rel", 1) == 0);
	assert_true(same_splits(load(NULL)));
	(void)snprintf(path, sizeof(path), "%s/.cache/portkit", home);
	assert_true(copy_path(path)[0] != '\0');
	assert_true(access("rel", F_OK) == -1);
	/* neither: no cache, the parse as ever */
	assert_true(unsetenv("XDG_CACHE_HOME") == 0);
	assert_true(unsetenv("HOME") == 0);
	assert_true(same_splits(load(NULL)));
}

/* A directory that cannot be made or written costs only the parse. */
TEST(test_unwritable)
{
	char dir[128];

	if (!assert_true(setup() == 0))
		return;
	assert_true(same_splits(load(rpath(dir, sizeof(dir),
	    "probes/under-a-file"))));
	assert_true(same_splits(load(rpath(dir, sizeof(dir),
	    "no/such/parents"))));
	assert_true(access(dir, F_OK) == -1);
	assert_true(same_splits(load("/proc/portkit-cache")));
}

/* The reader's option: probes_cache names the directory, "" none. */
TEST(test_reader_option)
{
	static const char scan[] =
	    "# Nmap 7.93 scan initiated as: nmap -sV -oG - x\n"
	    "Host: 10.0.0.1 ()\tPorts: 22/open/tcp//ssh//OpenSSH 9.2p1"
	    " (protocol 2.0)/\n"
	    "# Nmap done -- 1 IP address (1 host up) scanned\n";
	struct pk_read_opts o;
	const struct pk_host *h;
	struct pk_reader *r;
	char dir[128], off[128];
	int i;

	if (!assert_true(setup() == 0))
		return;
	rpath(dir, sizeof(dir), "opt");
	rpath(off, sizeof(off), "off");
	assert_true(setenv("XDG_CACHE_HOME", off, 1) == 0);
	for (i = 0; i < 2; i++) {
		pk_read_opts_init(&o);
		assert_true(o.probes_cache == NULL);
		o.probes = probes;
		o.probes_cache = i == 0 ? dir : "";
		r = pk_reader_open_mem(scan, sizeof(scan) - 1, "t", &o);
		if (!assert_true(r != NULL))
			return;
		if (assert_int(pk_reader_next(r, &h), PK_OK) &&
		    assert_int(h->nports, 1)) {
			assert_str(h->ports[0].product, "OpenSSH");
			assert_str(h->ports[0].version, "9.2p1");
		}
		pk_reader_free(r);
	}
	assert_true(copy_path(dir)[0] != '\0');
	assert_true(access(off, F_OK) == -1);
}

/*
 * Parts of a payload read alone (pk_cache_get): any range inside it, a
 * damaged block failing only the reads that touch it.
 */
TEST(test_parts)
{
	static char pay[3 * PK_CACHE_BLOCK + 100];
	struct pk_cache_key key;
	struct pk_cache_file f;
	char dir[128], path[256], *d, *b;
	const char *p;
	size_t i, len = 0;
	int fd;

	if (!assert_true(setup() == 0))
		return;
	for (i = 0; i < sizeof(pay); i++)
		pay[i] = (char)(i * 7 + i / 251);
	if (!assert_true((fd = open(probes, O_RDONLY)) != -1))
		return;
	d = pk_cache_open(fd, rpath(dir, sizeof(dir), "parts"), "parts", 1,
	    2, &key);
	(void)close(fd);
	if (!assert_true(d != NULL))
		return;
	pk_cache_write(d, &key, pay, sizeof(pay));
	if (assert_int(pk_cache_open_file(d, &key, &f), 0)) {
		assert_int(f.paylen, sizeof(pay));
		p = pk_cache_get(&f, 10, 20);
		assert_true(p != NULL && memcmp(p, pay + 10, 20) == 0);
		p = pk_cache_get(&f, PK_CACHE_BLOCK - 5, 2 * PK_CACHE_BLOCK);
		assert_true(p != NULL && memcmp(p, pay + PK_CACHE_BLOCK - 5,
		    2 * PK_CACHE_BLOCK) == 0);
		p = pk_cache_get(&f, sizeof(pay) - 1, 1);	/* short block */
		assert_true(p != NULL && *p == pay[sizeof(pay) - 1]);
		p = pk_cache_get(&f, 0, sizeof(pay));
		assert_true(p != NULL && memcmp(p, pay, sizeof(pay)) == 0);
		assert_true(pk_cache_get(&f, sizeof(pay) - 1, 2) == NULL);
		assert_true(pk_cache_get(&f, sizeof(pay), 1) == NULL);
		assert_true(pk_cache_get(&f, 5, 0) == NULL);
		assert_true(pk_cache_get(&f, SIZE_MAX, 2) == NULL);
		pk_cache_close(&f);
	}
	/* A byte of the third block damaged: the other blocks still read. */
	(void)snprintf(path, sizeof(path), "%s", kind_path(d, "parts"));
	b = slurp(path, &len);
	if (assert_true(b != NULL)) {
		b[cf_payload(b) + 2 * PK_CACHE_BLOCK + 9] ^= 0x10;
		assert_true(spill(path, b, len) == 0);
		if (assert_int(pk_cache_open_file(d, &key, &f), 0)) {
			assert_true(pk_cache_get(&f, 0, PK_CACHE_BLOCK) != NULL);
			assert_true(pk_cache_get(&f, 3 * PK_CACHE_BLOCK, 100) !=
			    NULL);
			assert_true(pk_cache_get(&f, 2 * PK_CACHE_BLOCK + 50,
			    1) == NULL);
			assert_true(pk_cache_get(&f, PK_CACHE_BLOCK, 2 *
			    PK_CACHE_BLOCK) == NULL);
			pk_cache_close(&f);
		}
		assert_true(pk_cache_read(d, &key, &len) == NULL);
	}
	free(b);
	free(d);
}

/* The checksum sees a change in any byte, and the length. */
TEST(test_sum)
{
	char b[100];
	uint64_t s;
	size_t i;

	memset(b, 7, sizeof(b));
	s = pk_cache_sum(b, sizeof(b));
	assert_true(pk_cache_sum(b, sizeof(b) - 1) != s);
	for (i = 0; i < sizeof(b); i++) {
		b[i] ^= 1;
		if (!assert_true(pk_cache_sum(b, sizeof(b)) != s))
			break;
		b[i] ^= 1;
	}
	assert_true(pk_cache_sum(b, sizeof(b)) == s);
}

TEST_MAIN(test_round_trip, test_stale, test_corrupt, test_forged,
    test_foreign, test_where, test_unwritable, test_reader_option, test_parts,
    test_sum)
