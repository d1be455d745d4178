/*
 * test_base.c - the helpers of lib/base/ that every folder shares: the
 * number, hex and MAC parsers (parse.c), the port state names (proto.c),
 * the hash and the hash table index (hash.c).
 */
#include <arpa/inet.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/parse.h"
#include "base/proto.h"
#include "harness.h"

TEST(test_parse_digits)
{
	unsigned long long v;

	assert_int(pk_parse_digits("80/tcp", 6, &v), 2);
	assert_int(v, 80);
	assert_int(pk_parse_digits("/tcp", 4, &v), 0);
	assert_int(v, 0);
	assert_int(pk_parse_digits("", 0, &v), 0);
	/* The length bounds the run, not a NUL. */
	assert_int(pk_parse_digits("12345", 3, &v), 3);
	assert_int(v, 123);
	/* Leading zeros are digits like any other. */
	assert_int(pk_parse_digits("000000000000000000000065535", 27, &v), 27);
	assert_int(v, 65535);
	assert_int(pk_parse_digits("18446744073709551615", 20, &v), 20);
	assert_true(v == ULLONG_MAX);
	/* Too large saturates instead of wrapping. */
	assert_int(pk_parse_digits("18446744073709551616", 20, &v), 20);
	assert_true(v == ULLONG_MAX);
	assert_int(pk_parse_digits("99999999999999999999999x", 24, &v), 23);
	assert_true(v == ULLONG_MAX);
	/* Nineteen digits are read without the overflow test, then it. */
	assert_int(pk_parse_digits("9999999999999999999x", 20, &v), 19);
	assert_true(v == 9999999999999999999ull);
	assert_int(pk_parse_digits("1844674407370955161", 19, &v), 19);
	assert_true(v == ULLONG_MAX / 10);
	assert_int(pk_parse_digits("184467440737095516150", 21, &v), 21);
	assert_true(v == ULLONG_MAX);
	/* No sign, no space. */
	assert_int(pk_parse_digits("+1", 2, &v), 0);
	assert_int(pk_parse_digits(" 1", 2, &v), 0);
}

TEST(test_parse_port_long)
{
	unsigned port = 7;
	long long l = 7;

	assert_int(pk_parse_port("65535", 5, 65535, &port), 0);
	assert_int(port, 65535);
	assert_int(pk_parse_port("65536", 5, 65535, &port), -1);
	assert_int(pk_parse_port("256", 3, 255, &port), -1);
	assert_int(pk_parse_port("000080", 6, 65535, &port), -1);
	assert_int(pk_parse_port("", 0, 65535, &port), -1);
	assert_int(pk_parse_port("8a", 2, 65535, &port), -1);
	assert_int(port, 65535);
	assert_int(pk_parse_long("123456789012345678", 18, &l), 0);
	assert_true(l == 123456789012345678LL);
	assert_int(pk_parse_long("1234567890123456789", 19, &l), -1);
	assert_int(pk_parse_long("-1", 2, &l), -1);
	assert_int(pk_parse_long("", 0, &l), -1);
}

/* Both port parsers on s[0..n) of a buffer of size bytes: bad counts. */
static int
port_both(const char *s, size_t n, size_t size, unsigned max, int ok,
    unsigned want)
{
	unsigned got[2] = { 7, 7 };
	int rc[2], bad = 0, k;

	rc[0] = pk_parse_port(s, n, max, &got[0]);
	rc[1] = pk_parse_port_wide(s, n, size, max, &got[1]);
	for (k = 0; k < 2; k++)
		if (rc[k] != (ok && want <= max ? 0 : -1) ||
		    (rc[k] == 0 && got[k] != want))
			bad++;
	return bad;
}

/*
 * pk_parse_port and pk_parse_port_wide against the rule they keep (1 to
 * 5 digits, leading zeros allowed, at most max) on every string of up
 * to 5 bytes over digits and the bytes either side of them, followed by
 * digits, '/' or 0xff (the wide one reads 8 bytes), each in a buffer of
 * its own size so that ASan sees a read past the end.
 */
TEST(test_parse_port_every)
{
	static const char abc[] = "0169/: ";
	static const char *const tail[] = { "99999999", "/open/tc",
	    "\xff\xff\xff\xff\xff\xff\xff\xff" };
	size_t n, i, t, code, ncode, div, size, a = sizeof(abc) - 1;
	unsigned want;
	char *s;
	int ok, bad = 0;

	for (n = 1; n <= 6; n++) {
		for (ncode = 1, i = 0; i < n; i++)
			ncode *= a;
		for (code = 0; code < ncode; code++) {
			for (t = 0; t < 4; t++) {
				size = t < 3 && n < 8 ? 8 : n;
				if ((s = malloc(size)) == NULL)
					return;
				if (t < 3)
					memcpy(s, tail[t], size);
				for (want = 0, ok = n <= 5, div = 1, i = 0;
				    i < n; i++) {
					s[i] = abc[code / div % a];
					div *= a;
					ok &= s[i] >= '0' && s[i] <= '9';
					want = want * 10 +
					    (unsigned)(s[i] - '0');
				}
				bad += port_both(s, n, size, 65535, ok, want);
				bad += port_both(s, n, size, 255, ok, want);
				free(s);
			}
		}
	}
	assert_int(bad, 0);
}

TEST(test_hex_and_mac)
{
	unsigned char mac[6];
	static const unsigned char want[6] = { 0x02, 0x77, 0x0a, 0x00, 0xff,
	    0xb0 };

	assert_int(pk_hexval('0'), 0);
	assert_int(pk_hexval('9'), 9);
	assert_int(pk_hexval('a'), 10);
	assert_int(pk_hexval('F'), 15);
	assert_int(pk_hexval('g'), -1);
	assert_int(pk_hexval('\0'), -1);
	assert_int(pk_parse_mac("02:77:0A:00:fF:b0", mac), 0);
	assert_mem(mac, 6, want, 6);
	assert_int(pk_parse_mac("02:77:0A:00:fF:b0:", mac), -1);
	assert_int(pk_parse_mac("02:77:0A:00:fF", mac), -1);
	assert_int(pk_parse_mac("02-77-0A-00-fF-b0", mac), -1);
	assert_int(pk_parse_mac("2:77:0A:00:fF:b0", mac), -1);
	assert_int(pk_addr_valid(PK_ADDR_MAC, "02:77:0A:00:fF:b0"), 1);
	assert_int(pk_addr_valid(PK_ADDR_MAC, "02:77:0A:00:fF:g0"), 0);
}

/* IPv4 addresses are checked without inet_pton, to the same answers. */
TEST(test_addr_ipv4)
{
	static const char *const in[] = {
		"10.0.0.1", "0.0.0.0", "255.255.255.255", "192.168.1.100",
		"256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04",
		"1.2.3.4.", ".1.2.3.4", "1..2.3", "1.2.3.4 ", " 1.2.3.4",
		"1.2.3.-4", "1.2.3.1000", "0001.2.3.4", "1.2.3.0x1", "",
		"1.2.3.4\n", "99999999999.1.1.1", "00.0.0.0", "1.2.3.00",
		"a.b.c.d", "1.2.3.4:80", "1.2.3.255", "1.2.3.256"
	};
	unsigned char buf[16];
	size_t i;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		assert_int(pk_addr_valid(PK_ADDR_IPV4, in[i]),
		    inet_pton(AF_INET, in[i], buf) == 1);
}

TEST(test_state_names)
{
	int i;

	for (i = 0; i < PK_STATE_COUNT; i++)
		assert_int(pk_state_parse(pk_state_names[i],
		    strlen(pk_state_names[i])), i);
	assert_str(pk_state_names[PK_STATE_OPEN_FILTERED], "open|filtered");
	assert_int(pk_state_parse("open|filtered", 4), PK_STATE_OPEN);
	assert_int(pk_state_parse("Open", 4), -1);
	assert_int(pk_state_parse("opened", 6), -1);
	assert_int(pk_state_parse("", 0), -1);
}

TEST(test_hash)
{
	/* FNV-1a's published values. */
	assert_true(pk_hash("", 0) == 2166136261u);
	assert_true(pk_hash("a", 1) == 0xe40c292cu);
	assert_true(pk_hash("foobar", 6) == 0xbf9cf968u);
}

/* Words in an array, indexed: the shape of every user. */
struct words {
	const char	*w[5000];
	size_t		 n;
	struct pk_index	 ix;
	char		 buf[5000][24];	/* room for any size_t */
};

static uint32_t
word_hash(const void *arg, size_t i)
{
	const struct words *ws = arg;

	return pk_hash(ws->w[i], strlen(ws->w[i]));
}

/* Every key in one bucket: probing alone must tell them apart. */
static uint32_t
word_collide(const void *arg, size_t i)
{
	(void)arg;
	(void)i;
	return 7;
}

static int
word_eq(const void *arg, size_t i, const void *key)
{
	const struct words *ws = arg;

	return strcmp(ws->w[i], key) == 0;
}

/* Add w unless it is there; its place. */
static long
word_add(struct words *ws, const char *w,
    uint32_t (*hash)(const void *, size_t), uint32_t h)
{
	uint32_t *slot;

	if (pk_index_reserve(&ws->ix, ws->n, 8, hash, ws) == -1)
		return -1;
	slot = pk_index_find(&ws->ix, h, word_eq, ws, w);
	if (*slot == 0) {
		ws->w[ws->n] = w;
		*slot = (uint32_t)++ws->n;
	}
	return (long)*slot - 1;
}

static void
index_run(uint32_t (*hash)(const void *, size_t), size_t count)
{
	static struct words ws;
	size_t i;
	int ok = 1;

	memset(&ws, 0, sizeof(ws));
	assert_int(pk_index_bytes(&ws.ix), 0);
	for (i = 0; i < count; i++) {
		(void)snprintf(ws.buf[i], sizeof(ws.buf[i]), "w%zu", i);
		ok &= word_add(&ws, ws.buf[i], hash, hash == word_hash ?
		    pk_hash(ws.buf[i], strlen(ws.buf[i])) : 7) == (long)i;
	}
	assert_true(ok);
	assert_int(ws.n, count);
	/* At most half full, and every word found again at its place. */
	assert_true(ws.n * 2 <= ws.ix.mask + 1);
	assert_int(pk_index_bytes(&ws.ix), (ws.ix.mask + 1) * 4);
	for (i = 0; i < count; i++)
		ok &= word_add(&ws, ws.buf[i], hash, hash == word_hash ?
		    pk_hash(ws.buf[i], strlen(ws.buf[i])) : 7) == (long)i;
	assert_true(ok);
	assert_int(ws.n, count);
	pk_index_free(&ws.ix);
	assert_int(pk_index_bytes(&ws.ix), 0);
}

TEST(test_index)
{
	index_run(word_hash, 5000);
}

TEST(test_index_collisions)
{
	index_run(word_collide, 300);
}

/* The first table has min slots, then each doubles at half full. */
TEST(test_index_growth)
{
	static struct words ws;
	size_t i;

	memset(&ws, 0, sizeof(ws));
	for (i = 0; i < 5; i++) {
		(void)snprintf(ws.buf[i], sizeof(ws.buf[i]), "%zu", i);
		(void)word_add(&ws, ws.buf[i], word_hash,
		    pk_hash(ws.buf[i], strlen(ws.buf[i])));
		assert_int(ws.ix.mask + 1, i < 4 ? 8 : 16);
	}
	pk_index_free(&ws.ix);
}

static const char *
word_key(const void *arg, size_t i)
{
	const struct words *ws = arg;

	return ws->w[i];
}

/* String keys: the one looked up is a piece of a longer text. */
TEST(test_index_str)
{
	static struct words ws;
	static const char text[] = "alpha beta gamma alphabet";
	static const size_t at[] = { 0, 6, 11, 17, 0 }, len[] = { 5, 4, 5, 8,
	    5 };
	uint32_t *slot;
	size_t i;

	memset(&ws, 0, sizeof(ws));
	for (i = 0; i < 5; i++) {
		if (!assert_int(pk_index_reserve_str(&ws.ix, ws.n, 2, word_key,
		    &ws), 0))
			return;
		slot = pk_index_find_str(&ws.ix, word_key, &ws, text + at[i],
		    len[i]);
		if (*slot == 0) {
			memcpy(ws.buf[ws.n], text + at[i], len[i]);
			ws.w[ws.n] = ws.buf[ws.n];
			*slot = (uint32_t)++ws.n;
		}
	}
	/* "alpha" twice is one entry; "alphabet" is not "alpha". */
	assert_int(ws.n, 4);
	assert_str(ws.w[3], "alphabet");
	assert_int(*pk_index_find_str(&ws.ix, word_key, &ws, "gamma", 5), 3);
	assert_int(*pk_index_find_str(&ws.ix, word_key, &ws, "alph", 4), 0);
	assert_int(*pk_index_find_str(&ws.ix, word_key, &ws, "", 0), 0);
	pk_index_free(&ws.ix);
}

TEST_MAIN(test_parse_digits, test_parse_port_long, test_parse_port_every,
    test_hex_and_mac,
    test_addr_ipv4, test_state_names, test_hash, test_index,
    test_index_collisions, test_index_growth, test_index_str)
