/*
 * test_services_cache.c - nmap-services read back from the per-user
 * cache (input/cache.c, services/services_cache.c): the same table as a
 * parse, never from a stale, damaged or forged copy, never for a bad
 * file.
 */
#include <sys/stat.h>

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "portkit.h"
#include "harness.h"
#include "input/cache.h"
#include "cachefile.h"

static const char small[] =
    "# comment\n"
    "http\t80/tcp\t0.484143\t# World Wide Web HTTP\n"
    "http\t80/udp\t0.035767\n"
    "telnet\t23/tcp\t0.221265\n"
    "ssh\t22/tcp\t0.182286\t# Secure Shell | x\t# two\n"
    "empty\t25/tcp\t0.1\t#\n"
    "max\t65535/sctp\t1\n"
    "http\t8008/tcp\t0.002\n"
    "dup\t22/tcp\t0.9\n"
    "long\t9/udp\t0.1234567890123456789\n"
    "last\t9/tcp\t0.000000";

static const char *root;	/* the scratch directory */
static char cdir[160];		/* its cache directory */
static char tpath[160];		/* the file test_forged forges copies of */

/* The scratch directory, with XDG_CACHE_HOME pointing into it. */
static int
setup(void)
{
	char xdg[96];

	if (root != NULL)
		return 0;
	if ((root = th_scratch("test_svcc")) == NULL)
		return -1;
	(void)snprintf(xdg, sizeof(xdg), "%s/xdg", root);
	(void)snprintf(cdir, sizeof(cdir), "%s/portkit", xdg);
	return setenv("XDG_CACHE_HOME", xdg, 1);
}

/* Write text (len bytes) as root/name; the path in buf. */
static const char *
put(char *buf, size_t n, const char *name, const char *text, size_t len)
{
	FILE *f;

	(void)snprintf(buf, n, "%s/%s", root, name);
	if ((f = fopen(buf, "w")) == NULL)
		return buf;
	(void)fwrite(text, 1, len, f);
	(void)fclose(f);
	return buf;
}

/* The whole of a file, malloc'ed; NULL when it cannot be read. */
static char *
slurp(const char *path, size_t *lenp)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL, *nb;
	size_t n = 0, cap = 0, r;

	if (f == NULL)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((nb = realloc(b, cap)) == NULL)
				break;
			b = nb;
		}
		if ((r = fread(b + n, 1, cap - n, f)) == 0)
			break;
		n += r;
	}
	(void)fclose(f);
	*lenp = n;
	return b;
}

/* The one cache file of kind services, its path in buf; 0 when none. */
static int
cachefile(char *buf, size_t n)
{
	char cmd[256];
	FILE *p;
	int ok;

	(void)snprintf(cmd, sizeof(cmd), "ls '%s'/services-* 2>/dev/null",
	    cdir);
	if ((p = popen(cmd, "r")) == NULL)
		return 0;
	ok = fgets(buf, (int)n, p) != NULL;
	(void)pclose(p);
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

static void
nocache(void)
{
	char cmd[200];

	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", cdir);
	if (system(cmd) != 0)
		fprintf(stderr, "test_services_cache: %s left\n", cdir);
}

static int
same_str(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static int
same_ent(const struct pk_service *a, const struct pk_service *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return a->port == b->port && a->proto == b->proto &&
	    a->freq == b->freq && a->line == b->line &&
	    same_str(a->name, b->name) && same_str(a->comment, b->comment);
}

static int
same_byname(const struct pk_services *a, const struct pk_services *b,
    const struct pk_service *e)
{
	const struct pk_service *const *la, *const *lb;
	size_t na, nb, j;

	/* Each name's list once: at the first entry of it ranked. */
	na = pk_services_byname(a, e->name, &la);
	if (na > 0 && la[0] != e)
		return 1;
	nb = pk_services_byname(b, e->name, &lb);
	if (na != nb)
		return 0;
	for (j = 0; j < na; j++)
		if (!same_ent(la[j], lb[j]))
			return 0;
	return 1;
}

/* Every public result of a and b, compared. */
static int
same(const struct pk_services *a, const struct pk_services *b)
{
	const struct pk_service *const *ra, *const *rb;
	size_t na, nb, i;
	unsigned port;
	int p;

	if (a == NULL || b == NULL ||
	    pk_services_duplicates(a) != pk_services_duplicates(b))
		return 0;
	for (p = 0; p < 3; p++) {
		for (port = 0; port < 65536; port++)
			if (!same_ent(pk_services_get(a, p, port),
			    pk_services_get(b, p, port)))
				return 0;
		ra = pk_services_ranked(a, p, &na);
		rb = pk_services_ranked(b, p, &nb);
		if (na != nb || pk_services_mass(a, p) !=
		    pk_services_mass(b, p) ||
		    pk_services_top_ratio(a, p, 0.01) !=
		    pk_services_top_ratio(b, p, 0.01))
			return 0;
		for (i = 0; i < na; i++) {
			if (!same_ent(ra[i], rb[i]) || !same_byname(a, b,
			    ra[i]))
				return 0;
		}
	}
	return 1;
}

/* path loaded (keeping want), and the same bytes parsed from memory. */
static int
check(const char *path, const struct pk_portset *want, int expect_cache)
{
	struct pk_services *ref = NULL, *got;
	struct pk_error err;
	char cf[256], *text;
	size_t len = 0;
	int ok;

	if ((text = slurp(path, &len)) == NULL)
		return 0;
	memset(&err, 0, sizeof(err));
	got = pk_services_open_ports(path, NULL, NULL, want, &err);
	/* The reference: want applied with no cache at all. */
	if (unsetenv("XDG_CACHE_HOME") == 0 && unsetenv("HOME") == 0)
		ref = pk_services_open_ports(path, NULL, NULL, want, &err);
	(void)setup();
	(void)snprintf(cf, sizeof(cf), "%s/xdg", root);
	(void)setenv("XDG_CACHE_HOME", cf, 1);
	ok = same(got, ref) && cachefile(cf, sizeof(cf)) == expect_cache;
	if (want == NULL) {
		pk_services_free(ref);
		ref = pk_services_load_mem(text, len, path, NULL, &err);
		ok = ok && same(got, ref);
	}
	pk_services_free(got);
	pk_services_free(ref);
	free(text);
	return ok;
}

/* Cold (parse, write) then warm (read back), with and without want. */
static void
round_trip(const char *path)
{
	struct pk_portset *want = pk_portset_new();

	if (!assert_true(want != NULL))
		return;
	pk_portset_add(want, PK_PROTO_TCP, 1, 1024);
	pk_portset_add(want, PK_PROTO_UDP, 9, 9);
	pk_portset_add(want, PK_PROTO_SCTP, 65535, 65535);
	nocache();
	assert_true(check(path, NULL, 1));	/* cold */
	assert_true(check(path, NULL, 1));	/* warm */
	assert_true(check(path, want, 1));
	nocache();
	assert_true(check(path, want, 1));	/* cold, keeping want */
	assert_true(check(path, NULL, 1));
	pk_portset_free(want);
}

TEST(test_round_trip_small)
{
	char path[160];

	if (!assert_true(setup() == 0))
		return;
	round_trip(put(path, sizeof(path), "small", small, strlen(small)));
}

TEST(test_round_trip_files)
{
	static const char *const seeds[] = {
		"fuzz/services/seed-top",
		"fuzz/services/seed-dup",
		"fuzz/services/seed-head",
	};
	const char *sys = "/usr/share/nmap/nmap-services", *path;
	size_t i;

	if (!assert_true(setup() == 0))
		return;
	if (access(sys, R_OK) == 0)
		round_trip(sys);
	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		path = testdata_path(seeds[i]);
		if (assert_true(access(path, R_OK) == 0))
			round_trip(path);
	}
}

/* A changed file is parsed again, not taken from the old copy. */
TEST(test_stale)
{
	struct pk_services *svc;
	struct pk_error err;
	char path[160];
	const struct pk_service *s;

	if (!assert_true(setup() == 0))
		return;
	nocache();
	put(path, sizeof(path), "stale", small, strlen(small));
	assert_true(check(path, NULL, 1));
	put(path, sizeof(path), "stale", "ssh\t22/tcp\t0.5\n", 15);
	svc = pk_services_open_ports(path, NULL, NULL, NULL, &err);
	if (!assert_true(svc != NULL))
		return;
	s = pk_services_get(svc, PK_PROTO_TCP, 22);
	assert_true(s != NULL && s->freq == 0.5);
	assert_true(pk_services_get(svc, PK_PROTO_TCP, 80) == NULL);
	pk_services_free(svc);
}

/* A bad file writes no copy, and says what is wrong every time. */
TEST(test_bad_file)
{
	struct pk_services *svc;
	struct pk_error err;
	char path[160], cf[256];
	int i;

	if (!assert_true(setup() == 0))
		return;
	nocache();
	put(path, sizeof(path), "bad", "ssh\t22/tcp\t0.5\nx\t70000/tcp\t0\n",
	    29);
	for (i = 0; i < 2; i++) {
		memset(&err, 0, sizeof(err));
		svc = pk_services_open_ports(path, NULL, NULL, NULL, &err);
		assert_true(svc == NULL);
		assert_int(err.line, 2);
		assert_true(strstr(err.msg, "out of range") != NULL);
		assert_true(!cachefile(cf, sizeof(cf)));
	}
}

/* The payload's fields, as services_cache.c lays them out. */
struct t_hdr {
	uint32_t nrecs, deckeys, maxfrac, zero;
	uint64_t dups, strlen, maxline, maxinput;
};
struct t_rec {
	double freq;
	uint32_t line, name, comment;
	uint16_t port;
	uint8_t proto, namelen;
};

/*
 * The payload's parts after the header: a bit for each port and
 * protocol, the ports before each 64-bit word, each entry's record (file
 * order), the records sorted by protocol and port, the strings.
 */
#define T_WORDS		(3 * 65536 / 64)
#define T_MAP		sizeof(struct t_hdr)
#define T_BASE		(T_MAP + T_WORDS * 8)
#define T_ORDER		(T_BASE + T_WORDS * 4)
#define T_NRECS		9	/* small's lines, the duplicate dropped */
#define T_REC(k)	(T_ORDER + T_NRECS * 4 + (k) * sizeof(struct t_rec))
/* Ranks in small: 9, 22, 23, 25, 80, 8008/tcp, 9, 80/udp, 65535/sctp. */
#define T_80TCP		4
#define T_80UDP		7

/* The cache file with bytes at payload offset at set, sums sealed. */
static int
forge(size_t at, const void *v, size_t n)
{
	size_t h, len = 0;
	char cf[256], *b;
	FILE *f;
	int ok;

	if (!cachefile(cf, sizeof(cf)) || (b = slurp(cf, &len)) == NULL)
		return 0;
	h = cf_payload(b);
	if (h + at + n > len) {
		free(b);
		return 0;
	}
	memcpy(b + h + at, v, n);
	ok = cf_seal(b, len) == 0 && (f = fopen(cf, "wb")) != NULL &&
	    fwrite(b, 1, len, f) == len;
	if (ok && fclose(f) != 0)
		ok = 0;
	free(b);
	return ok;
}

/* The payload offset of the cache file's last byte (0 when none). */
static size_t
last_byte(void)
{
	size_t len = 0;
	uint64_t paylen = 1;
	char cf[256], *b;

	if (!cachefile(cf, sizeof(cf)) || (b = slurp(cf, &len)) == NULL)
		return 0;
	if (len >= sizeof(struct pk_cache_hdr))
		memcpy(&paylen, b + offsetof(struct pk_cache_hdr, paylen),
		    sizeof(paylen));
	free(b);
	return (size_t)paylen - 1;
}

/* Whether 80/tcp loaded through want (NULL: all) has frequency freq. */
static int
freq80(const struct pk_portset *want, double freq)
{
	struct pk_services *svc;
	struct pk_error err;
	const struct pk_service *s;
	int ok;

	svc = pk_services_open_ports(tpath, NULL, NULL, want, &err);
	s = svc == NULL ? NULL : pk_services_get(svc, PK_PROTO_TCP, 80);
	ok = s != NULL && s->freq == freq;
	pk_services_free(svc);
	return ok;
}

/* The inode of the cache file, 0 when there is none. */
static ino_t
cache_ino(void)
{
	struct stat st;
	char cf[256];

	return cachefile(cf, sizeof(cf)) && stat(cf, &st) == 0 ? st.st_ino :
	    0;
}

/*
 * The forged copy is refused by a load keeping want (NULL: all): the
 * load is the parse's, and the parse wrote a new copy.
 */
static int
refused(const struct pk_portset *want)
{
	ino_t ino = cache_ino();

	return ino != 0 && check(tpath, want, 1) && cache_ino() != ino;
}

/*
 * A forged copy with sound sums is used only when it is sound: each
 * unsound one is refused by both loads, the whole one and the one that
 * keeps want's ports, and the file is parsed again.
 */
TEST(test_forged)
{
	const size_t r80 = T_REC(T_80TCP), ru = T_REC(T_80UDP);
	struct pk_portset *want = pk_portset_new();
	double d;
	uint32_t u;
	uint8_t u8;
	uint64_t u64;
	int i;

	if (!assert_true(setup() == 0) || !assert_true(want != NULL))
		return;
	pk_portset_add(want, PK_PROTO_TCP, 1, 1024);
	pk_portset_add(want, PK_PROTO_UDP, 80, 80);
	pk_portset_add(want, PK_PROTO_SCTP, 65535, 65535);
	assert_int(sizeof(struct t_hdr), 48);
	assert_int(sizeof(struct t_rec), 24);
	put(tpath, sizeof(tpath), "forged", small, strlen(small));
	nocache();
	assert_true(check(tpath, NULL, 1));
	/* A sound change is taken: the copy is what is read. */
	d = 0.25;
	assert_true(forge(r80 + offsetof(struct t_rec, freq), &d, sizeof(d)));
	assert_true(freq80(NULL, 0.25));
	assert_true(freq80(want, 0.25));
	for (i = 0; i < 2; i++) {
		const struct pk_portset *w = i == 0 ? NULL : want;

		nocache();
		assert_true(check(tpath, w, 1));
		d = 1.5;
		assert_true(forge(r80 + offsetof(struct t_rec, freq), &d,
		    sizeof(d)));
		assert_true(refused(w));
		d = NAN;
		assert_true(forge(r80 + offsetof(struct t_rec, freq), &d,
		    sizeof(d)));
		assert_true(refused(w));
		u8 = 3;
		assert_true(forge(r80 + offsetof(struct t_rec, proto), &u8, 1));
		assert_true(refused(w));
		u8 = 200;
		assert_true(forge(r80 + offsetof(struct t_rec, namelen), &u8,
		    1));
		assert_true(refused(w));
		u = 1u << 30;
		assert_true(forge(r80 + offsetof(struct t_rec, name), &u, 4));
		assert_true(refused(w));
		assert_true(forge(r80 + offsetof(struct t_rec, comment), &u,
		    4));
		assert_true(refused(w));
		u = 0;			/* line numbers start at 1 and rise */
		assert_true(forge(ru + offsetof(struct t_rec, line), &u, 4));
		assert_true(refused(w));
		u8 = PK_PROTO_TCP;	/* 80/tcp twice */
		assert_true(forge(ru + offsetof(struct t_rec, proto), &u8, 1));
		assert_true(refused(w));
		/*
		 * The file order is read only by the whole load, the map
		 * and its bases only by the other: unread, they are not
		 * checked.
		 */
		u = T_NRECS;		/* the file order: out of range */
		assert_true(forge(T_ORDER + 4, &u, 4));
		assert_true(w == NULL ? refused(w) : check(tpath, w, 1));
		nocache();
		assert_true(check(tpath, w, 1));
		u = T_80TCP;		/* one record twice */
		assert_true(forge(T_ORDER + 4 * 3, &u, 4));
		assert_true(w == NULL ? refused(w) : check(tpath, w, 1));
		nocache();
		assert_true(check(tpath, w, 1));
		u = 1000;		/* the map: a base out of range */
		assert_true(forge(T_BASE, &u, 4));
		assert_true(w != NULL ? refused(w) : check(tpath, w, 1));
		nocache();
		assert_true(check(tpath, w, 1));
		u64 = 0x202;		/* 1/tcp named, no record for it */
		assert_true(forge(T_MAP, &u64, 8));
		assert_true(w != NULL ? refused(w) : check(tpath, w, 1));
		nocache();
		assert_true(check(tpath, w, 1));
		u8 = 'x';		/* the last string without its NUL */
		assert_true(forge(last_byte(), &u8, 1));
		assert_true(refused(w));
		u = 16;			/* p10[] has 16 entries */
		assert_true(forge(offsetof(struct t_hdr, maxfrac), &u, 4));
		assert_true(refused(w));
		u = 2;
		assert_true(forge(offsetof(struct t_hdr, deckeys), &u, 4));
		assert_true(refused(w));
		u = 1000;
		assert_true(forge(offsetof(struct t_hdr, nrecs), &u, 4));
		assert_true(refused(w));
		u64 = 1;		/* made under other limits */
		assert_true(forge(offsetof(struct t_hdr, maxline), &u64, 8));
		assert_true(refused(w));
	}
	pk_portset_free(want);
}

/* Neither memory nor standard input is cached. */
TEST(test_memory)
{
	struct pk_services *svc;
	struct pk_error err;
	char cf[256];

	if (!assert_true(setup() == 0))
		return;
	nocache();
	svc = pk_services_load_mem(small, strlen(small), "m", NULL, &err);
	assert_true(svc != NULL);
	pk_services_free(svc);
	assert_true(!cachefile(cf, sizeof(cf)));
}

TEST_MAIN(test_round_trip_small, test_round_trip_files, test_stale,
    test_bad_file, test_forged, test_memory)
