/*
 * test_emit.c - the row writers, byte for byte, hostile values included.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "portkit.h"

#define S(x)	{ 1, (x), 0, 0 }
#define I(x)	{ 1, NULL, (x), 0 }
#define D(x)	{ 1, NULL, 0, (x) }
#define NONE	{ 0, NULL, 0, 0 }

static const struct pk_field hpf[] = {
	{ "host", PK_FT_STR, 0, "address" },
	{ "port", PK_FT_INT, 0, "port number" },
	{ "service", PK_FT_STR, 0, "service name" }
};

/* Hostile strings, each the service of one row. */
static const char *const hostile[] = {
	"a\nb",			/* 0: newline */
	"a\tb",			/* 1: tab */
	"a\rb",			/* 2: CR */
	"\x1b[31mred",		/* 3: terminal escape */
	"say \"hi\"",		/* 4: quote */
	"a,b",			/* 5: comma */
	"=cmd|' /C calc'!A0",	/* 6: formula */
	"x\xff\xc3(y",		/* 7: invalid UTF-8 */
	"caf\xc3\xa9 \xe2\x82\xac",	/* 8: valid UTF-8 */
	"b\\s\x7f",		/* 9: backslash, DEL */
	" pad ",		/* 10: edge spaces */
	"\xc2\x9b\x63\x31",	/* 11: C1 control CSI, "c1" */
};
#define NHOSTILE	(sizeof(hostile) / sizeof(hostile[0]))

/* Write rows (nfields values each) and return what came out. */
static char *
run(enum pk_outfmt fmt, const struct pk_field *fields, size_t nfields,
    unsigned flags, const struct pk_value *rows, size_t nrows)
{
	struct pk_writer *w;
	char *buf = NULL;
	size_t len = 0, r;
	FILE *fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		return NULL;
	w = pk_writer_new(fp, fmt, fields, nfields, flags);
	if (w == NULL) {
		fclose(fp);
		free(buf);
		return NULL;
	}
	for (r = 0; r < nrows; r++)
		if (pk_writer_row(w, rows + r * nfields) != PK_OK)
			break;
	if (r == nrows && pk_writer_flush(w) != PK_OK)
		r = 0;
	if (pk_writer_rows(w) != nrows)
		r = 0;
	pk_writer_free(w);
	fclose(fp);
	if (r != nrows) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* One row per hostile string: host 10.0.0.1, port = index. */
static char *
run_hostile(enum pk_outfmt fmt, unsigned flags)
{
	struct pk_value rows[NHOSTILE * 3];
	size_t i;

	for (i = 0; i < NHOSTILE; i++) {
		rows[i * 3] = (struct pk_value)S("10.0.0.1");
		rows[i * 3 + 1] = (struct pk_value)I((long long)i);
		rows[i * 3 + 2] = (struct pk_value)S(hostile[i]);
	}
	return run(fmt, hpf, 3, flags, rows, NHOSTILE);
}

#define check_out(got, want) do {					\
	char *got_ = (got);						\
	if (assert_true(got_ != NULL))					\
		assert_str(got_, (want));				\
	free(got_);							\
} while (0)

/* A value ending in a lone 0xc2 (half a character): nothing past its end. */
TEST(test_lone_c2)
{
	struct pk_value row[3] = { S("10.0.0.1"), I(1), S("ab\xc2") };

	check_out(run(PK_OUT_TEXT, hpf, 3, PK_WR_NOHEADER, row, 1),
	    "10.0.0.1  1  ab\\xc2\n");
	check_out(run(PK_OUT_MD, hpf, 3, PK_WR_NOHEADER, row, 1),
	    "| 10.0.0.1 | 1 | ab\\xc2 |\n");
	check_out(run(PK_OUT_TSV, hpf, 3, PK_WR_NOHEADER, row, 1),
	    "10.0.0.1\t1\tab\xc2\n");
	check_out(run(PK_OUT_JSONL, hpf, 3, 0, row, 1),
	    "{\"host\":\"10.0.0.1\",\"port\":1,\"service\":\"ab\xef\xbf\xbd\"}\n");
}

/*
 * tsv checks plain cells a word at a time: a byte needing care is found
 * at every position of cells 1 to 24 bytes long (short ones, whole
 * words, a word and a tail), and plain cells come out whole.
 */
TEST(test_tsv_every_position)
{
	static const struct { const char *in, *out; } sp[] = {
		{ "\t", "\\t" }, { "\\", "\\\\" }, { "\n", "\\n" },
		{ "\r", "\\r" }, { "\x01", "\\x01" }, { "\x7f", "\\x7f" },
		{ "\x9b", "\\x9b" }, { "\xc3\xa9", "\xc3\xa9" }, { "~", "~" }
	};
	struct pk_value row[3] = { S("h"), I(1), S("") };
	char in[40], want[80];
	size_t len, pos, k;
	char *got;
	int bad = 0;

	for (len = 1; len <= 24; len++)
		for (pos = 0; pos < len; pos++)
			for (k = 0; k < sizeof(sp) / sizeof(sp[0]); k++) {
				memset(in, 'a', len);
				in[len] = '\0';
				memset(want, 'a', len);
				want[len] = '\0';
				(void)snprintf(in + pos, sizeof(in) - pos, "%s%.*s",
				    sp[k].in, (int)(len - pos - 1),
				    "aaaaaaaaaaaaaaaaaaaaaaaa");
				(void)snprintf(want + pos, sizeof(want) - pos,
				    "%s%.*s\n", sp[k].out, (int)(len - pos - 1),
				    "aaaaaaaaaaaaaaaaaaaaaaaa");
				row[2].s = in;
				got = run(PK_OUT_TSV, hpf, 3, PK_WR_NOHEADER, row, 1);
				if (got == NULL || strncmp(got, "h\t1\t", 4) != 0 ||
				    strcmp(got + 4, want) != 0)
					bad++;
				free(got);
			}
	assert_int(bad, 0);
}

/* Plain cells of every length, copied whole: no byte lost or moved. */
TEST(test_tsv_plain_lengths)
{
	static const char abc[] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
	struct pk_value row[3] = { S("h"), I(1), S("") };
	char in[sizeof(abc)], want[sizeof(abc) + 8];
	size_t len;
	char *got;
	int bad = 0;

	for (len = 0; len < sizeof(abc); len++) {
		memcpy(in, abc, len);
		in[len] = '\0';
		(void)snprintf(want, sizeof(want), "h\t1\t%s\n", in);
		row[2].s = in;
		got = run(PK_OUT_TSV, hpf, 3, PK_WR_NOHEADER, row, 1);
		if (got == NULL || strcmp(got, want) != 0)
			bad++;
		free(got);
	}
	assert_int(bad, 0);
}

/*
 * How tsv writes one byte alone among ASCII letters: a byte from 0xa0
 * up, no UTF-8 there, goes raw (a Latin-1 terminal shows it).
 */
static void
tsv_byte(char *out, size_t size, unsigned char c)
{
	if (c == '\\' || c == '\t' || c == '\n' || c == '\r')
		(void)snprintf(out, size, "\\%c", c == '\\' ? '\\' :
		    c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
	else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		(void)snprintf(out, size, "\\x%02x", c);
	else
		(void)snprintf(out, size, "%c", c);
}

/*
 * Every byte value at every position of cells 1 to 24 bytes long, the
 * rest plain: the word checks must flag exactly the bytes the escaper
 * would change.
 */
TEST(test_tsv_every_byte)
{
	struct pk_value row[1] = { S("") };
	static const struct pk_field f[] = { { "v", PK_FT_STR, 0, "" } };
	char in[32], want[48], esc[8];
	size_t len, pos;
	unsigned c;
	char *got;
	int bad = 0;

	for (len = 1; len <= 24; len++)
		for (pos = 0; pos < len; pos++)
			for (c = 1; c < 256; c++) {
				memset(in, 'k', len);
				in[len] = '\0';
				in[pos] = (char)c;
				tsv_byte(esc, sizeof(esc), (unsigned char)c);
				(void)snprintf(want, sizeof(want), "%.*s%s%.*s\n",
				    (int)pos, in, esc, (int)(len - pos - 1),
				    in + pos + 1);
				row[0].s = in;
				got = run(PK_OUT_TSV, f, 1, PK_WR_NOHEADER, row, 1);
				if (got == NULL || strcmp(got, want) != 0)
					bad++;
				free(got);
			}
	assert_int(bad, 0);
}

/*
 * Rows of cells of every length from 0 to 40, absent ones and numbers,
 * over several buffer drains: each cell meets the buffer's end at some
 * offset, and the newline ending a row lands right after its last cell.
 */
TEST(test_tsv_buffer_edges)
{
	static const char abc[] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
	static const struct pk_field f[] = {
		{ "a", PK_FT_STR, 0, "" }, { "n", PK_FT_INT, 0, "" },
		{ "b", PK_FT_STR, 0, "" }, { "c", PK_FT_STR, 0, "" }
	};
	enum { NROWS = 9000 };
	struct pk_value *rows;
	char *want, *got, *w;
	size_t r, la, lb;

	rows = calloc(NROWS * 4, sizeof(*rows));
	want = malloc(NROWS * 140);
	if (!assert_true(rows != NULL && want != NULL)) {
		free(rows);
		free(want);
		return;
	}
	w = want;
	for (r = 0; r < NROWS; r++) {
		la = r % 41;
		lb = (r * 7) % 41;
		rows[r * 4] = (struct pk_value)S(abc + sizeof(abc) - 1 - la);
		rows[r * 4 + 1] = (struct pk_value)I((long long)r * 13);
		rows[r * 4 + 2] = r % 5 == 0 ? (struct pk_value)S("x\ty") :
		    (struct pk_value)S(abc + sizeof(abc) - 1 - lb);
		rows[r * 4 + 3] = r % 3 == 0 ? (struct pk_value)NONE :
		    (struct pk_value)S("open");
		w += sprintf(w, "%s\t%zu\t%s\t%s\n", rows[r * 4].s, r * 13,
		    r % 5 == 0 ? "x\\ty" : rows[r * 4 + 2].s,
		    r % 3 == 0 ? "" : "open");
	}
	got = run(PK_OUT_TSV, f, 4, PK_WR_NOHEADER, rows, NROWS);
	if (assert_true(got != NULL))
		assert_true(strcmp(got, want) == 0);
	free(got);
	free(want);
	free(rows);
}

/* A writer of no columns writes empty lines. */
TEST(test_tsv_no_fields)
{
	struct pk_value none[1] = { NONE };

	check_out(run(PK_OUT_TSV, hpf, 0, 0, none, 2), "\n\n\n");
}

TEST(test_outfmt_names)
{
	static const char *const names[] = {
		"text", "tsv", "csv", "jsonl", "md", "list"
	};
	int i;

	for (i = 0; i < 6; i++) {
		assert_str(pk_outfmt_name(i), names[i]);
		assert_int(pk_outfmt_parse(names[i]), i);
	}
	assert_true(pk_outfmt_name(6) == NULL);
	assert_true(pk_outfmt_name(-1) == NULL);
	assert_int(pk_outfmt_parse("TSV"), -1);
	assert_int(pk_outfmt_parse("json"), -1);
	assert_int(pk_outfmt_parse(""), -1);
	assert_int(pk_outfmt_parse(NULL), -1);
}

TEST(test_tsv_hostile)
{
	check_out(run_hostile(PK_OUT_TSV, 0),
	    "host\tport\tservice\n"
	    "10.0.0.1\t0\ta\\nb\n"
	    "10.0.0.1\t1\ta\\tb\n"
	    "10.0.0.1\t2\ta\\rb\n"
	    "10.0.0.1\t3\t\\x1b[31mred\n"
	    "10.0.0.1\t4\tsay \"hi\"\n"
	    "10.0.0.1\t5\ta,b\n"
	    "10.0.0.1\t6\t=cmd|' /C calc'!A0\n"
	    "10.0.0.1\t7\tx\xff\xc3(y\n"
	    "10.0.0.1\t8\tcaf\xc3\xa9 \xe2\x82\xac\n"
	    "10.0.0.1\t9\tb\\\\s\\x7f\n"
	    "10.0.0.1\t10\t pad \n"
	    "10.0.0.1\t11\t\\xc2\\x9bc1\n");
}

TEST(test_csv_hostile)
{
	check_out(run_hostile(PK_OUT_CSV, 0),
	    "host,port,service\n"
	    "10.0.0.1,0,\"a\\nb\"\n"
	    "10.0.0.1,1,a\tb\n"
	    "10.0.0.1,2,\"a\\rb\"\n"
	    "10.0.0.1,3,\\x1b[31mred\n"
	    "10.0.0.1,4,\"say \"\"hi\"\"\"\n"
	    "10.0.0.1,5,\"a,b\"\n"
	    "10.0.0.1,6,=cmd|' /C calc'!A0\n"
	    "10.0.0.1,7,x\xff\xc3(y\n"
	    "10.0.0.1,8,caf\xc3\xa9 \xe2\x82\xac\n"
	    "10.0.0.1,9,b\\s\\x7f\n"
	    "10.0.0.1,10,\" pad \"\n"
	    "10.0.0.1,11,\\xc2\\x9bc1\n");
}

TEST(test_csv_safe)
{
	static const struct pk_field f[] = { { "v", PK_FT_STR, 0, "" } };
	static const struct pk_value rows[] = {
		S("=cmd|' /C calc'!A0"), S("+1+2"), S("-1"), S("-2.5e3"),
		S("+7"), S("@SUM(A1)"), S("\tx"), S("\rx"), S("-"),
		S("1-2"), S("a=b"), S("-x"), S("1e"), S("-1.")
	};

	check_out(run(PK_OUT_CSV, f, 1, PK_WR_CSV_SAFE, rows,
	    sizeof(rows) / sizeof(rows[0])),
	    "v\n"
	    "'=cmd|' /C calc'!A0\n"
	    "'+1+2\n"
	    "-1\n"
	    "-2.5e3\n"
	    "+7\n"
	    "'@SUM(A1)\n"
	    "\"'\tx\"\n"
	    "\"'\\rx\"\n"
	    "'-\n"
	    "1-2\n"
	    "a=b\n"
	    "'-x\n"
	    "1e\n"
	    "'-1.\n");
}

TEST(test_jsonl_hostile)
{
	check_out(run_hostile(PK_OUT_JSONL, 0),
	    "{\"host\":\"10.0.0.1\",\"port\":0,\"service\":\"a\\nb\"}\n"
	    "{\"host\":\"10.0.0.1\",\"port\":1,\"service\":\"a\\tb\"}\n"
	    "{\"host\":\"10.0.0.1\",\"port\":2,\"service\":\"a\\rb\"}\n"
	    "{\"host\":\"10.0.0.1\",\"port\":3,"
	    "\"service\":\"\\u001b[31mred\"}\n"
	    "{\"host\":\"10.0.0.1\",\"port\":4,"
	    "\"service\":\"say \\\"hi\\\"\"}\n"
	    "{\"host\":\"10.0.0.1\",\"port\":5,\"service\":\"a,b\"}\n"
	    "{\"host\":\"10.0.0.1\",\"port\":6,"
	    "\"service\":\"=cmd|' /C calc'!A0\"}\n"
	    "{\"host\":\"10.0.0.1\",\"port\":7,"
	    "\"service\":\"x\xef\xbf\xbd\xef\xbf\xbd(y\"}\n"
	    "{\"host\":\"10.0.0.1\",\"port\":8,"
	    "\"service\":\"caf\xc3\xa9 \xe2\x82\xac\"}\n"
	    "{\"host\":\"10.0.0.1\",\"port\":9,"
	    "\"service\":\"b\\\\s\\u007f\"}\n"
	    "{\"host\":\"10.0.0.1\",\"port\":10,\"service\":\" pad \"}\n"
	    "{\"host\":\"10.0.0.1\",\"port\":11,"
	    "\"service\":\"\\u009bc1\"}\n");
}

TEST(test_jsonl_controls_utf8)
{
	static const struct pk_field f[] = { { "k\"ey", PK_FT_STR, 0, "" } };
	static const struct pk_value rows[] = {
		S("\b\f\x01\x1f"),
		/* Overlong, surrogate, above U+10FFFF, cut sequences. */
		S("\xc0\xaf|\xed\xa0\x80|\xf4\x90\x80\x80|\xe2\x82|\xf0\x9f"),
		/* 4-byte and boundary code points stay. */
		S("\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\xee\x80\x80\xed\x9f\xbf"),
		S("\x80\xbf\xfe"),
		S("")
	};

	check_out(run(PK_OUT_JSONL, f, 1, 0, rows, 5),
	    "{\"k\\\"ey\":\"\\b\\f\\u0001\\u001f\"}\n"
	    "{\"k\\\"ey\":\"\xef\xbf\xbd\xef\xbf\xbd|"
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|"
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|"
	    "\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd\"}\n"
	    "{\"k\\\"ey\":\"\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\xee\x80\x80"
	    "\xed\x9f\xbf\"}\n"
	    "{\"k\\\"ey\":\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"}\n"
	    "{\"k\\\"ey\":\"\"}\n");
}

static const struct pk_field numf[] = {
	{ "name", PK_FT_STR, 0, "" },
	{ "n", PK_FT_INT, 0, "" },
	{ "x", PK_FT_NUM, 0, "" }
};

/* Integers as printf writes them, around every change of digit count. */
TEST(test_integers)
{
	static const struct pk_field f[] = { { "n", PK_FT_INT, 0, "" } };
	static const long long big[] = {
		100000, 100001, 999999, 1000000, 4294967295LL, 4294967296LL,
		-1, -9, -10, -99999, -100000, 9223372036854775807LL,
		-9223372036854775807LL - 1
	};
	enum { NSMALL = 100100, NBIG = sizeof(big) / sizeof(big[0]) };
	struct pk_value *rows;
	char *want, *got, *w;
	size_t i;

	rows = calloc(NSMALL + NBIG, sizeof(*rows));
	want = malloc((NSMALL + NBIG) * 24);
	if (!assert_true(rows != NULL && want != NULL)) {
		free(rows);
		free(want);
		return;
	}
	w = want;
	for (i = 0; i < NSMALL + NBIG; i++) {
		rows[i] = (struct pk_value)I(i < NSMALL ? (long long)i :
		    big[i - NSMALL]);
		w += sprintf(w, "%lld\n", rows[i].i);
	}
	got = run(PK_OUT_TSV, f, 1, PK_WR_NOHEADER, rows, NSMALL + NBIG);
	if (assert_true(got != NULL))
		assert_true(strcmp(got, want) == 0);
	free(got);
	free(want);
	free(rows);
}

TEST(test_numbers)
{
	struct pk_value rows[] = {
		S("a"), I(0), D(0.0),
		S("b"), I(-1), D(0.1 + 0.2),
		S("c"), I(9223372036854775807LL), D(12.34),
		S("d"), I(-9223372036854775807LL - 1), D(-0.000016),
		S("e"), I(65535), D(1e15),
		S("f"), I(42), D(1700000000.5),
		S("g"), I(7), D(NAN),
		S("h"), I(8), D(INFINITY),
		S("i"), I(9), D(-INFINITY),
		S("j"), I(10), D(1.0 / 3.0)
	};

	check_out(run(PK_OUT_TSV, numf, 3, PK_WR_NOHEADER, rows, 10),
	    "a\t0\t0\n"
	    "b\t-1\t0.3\n"
	    "c\t9223372036854775807\t12.34\n"
	    "d\t-9223372036854775808\t-1.6e-05\n"
	    "e\t65535\t1e+15\n"
	    "f\t42\t1700000000.5\n"
	    "g\t7\tnan\n"
	    "h\t8\tinf\n"
	    "i\t9\t-inf\n"
	    "j\t10\t0.333333333333333\n");
	check_out(run(PK_OUT_JSONL, numf, 3, 0, rows + 18, 4),
	    "{\"name\":\"g\",\"n\":7,\"x\":null}\n"
	    "{\"name\":\"h\",\"n\":8,\"x\":null}\n"
	    "{\"name\":\"i\",\"n\":9,\"x\":null}\n"
	    "{\"name\":\"j\",\"n\":10,\"x\":0.333333333333333}\n");
}

TEST(test_absent)
{
	static const struct pk_value rows[] = {
		NONE, NONE, NONE,
		{ 1, NULL, 5, 0 }, NONE, NONE,	/* a NULL string is absent */
		S(""), NONE, NONE,
		S("x"), I(1), D(2.5)
	};

	check_out(run(PK_OUT_TSV, numf, 3, 0, rows, 4),
	    "name\tn\tx\n\t\t\n\t\t\n\t\t\nx\t1\t2.5\n");
	check_out(run(PK_OUT_CSV, numf, 3, 0, rows, 4),
	    "name,n,x\n,,\n,,\n,,\nx,1,2.5\n");
	check_out(run(PK_OUT_JSONL, numf, 3, 0, rows, 4),
	    "{}\n{}\n{\"name\":\"\"}\n{\"name\":\"x\",\"n\":1,\"x\":2.5}\n");
	check_out(run(PK_OUT_TEXT, numf, 3, 0, rows, 4),
	    "NAME  N    X\n-     -    -\n-     -    -\n-     -    -\n"
	    "x     1  2.5\n");
}

TEST(test_absent_json_empty_string)
{
	static const struct pk_field f[] = {
		{ "a", PK_FT_STR, 0, "" }, { "b", PK_FT_STR, 0, "" }
	};
	static const struct pk_value rows[] = { NONE, S(""), S("x"), NONE };

	check_out(run(PK_OUT_JSONL, f, 2, 0, rows, 2),
	    "{\"b\":\"\"}\n{\"a\":\"x\"}\n");
}

/* PK_FT_JSON: raw in jsonl, a string elsewhere, absent when NULL. */
TEST(test_json_field)
{
	static const struct pk_field f[] = {
		{ "id", PK_FT_STR, 0, "" }, { "tree", PK_FT_JSON, 0, "" }
	};
	static const struct pk_value rows[] = {
		S("a"), S("{\"k\":[\"v\",\"x\"]}"), S("b"), { 1, NULL, 0, 0 }
	};

	check_out(run(PK_OUT_JSONL, f, 2, 0, rows, 2),
	    "{\"id\":\"a\",\"tree\":{\"k\":[\"v\",\"x\"]}}\n{\"id\":\"b\"}\n");
	check_out(run(PK_OUT_TSV, f, 2, 0, rows, 2),
	    "id\ttree\na\t{\"k\":[\"v\",\"x\"]}\nb\t\n");
	check_out(run(PK_OUT_CSV, f, 2, 0, rows, 2),
	    "id,tree\na,\"{\"\"k\"\":[\"\"v\"\",\"\"x\"\"]}\"\nb,\n");
	check_out(run(PK_OUT_TEXT, f, 2, 0, rows, 2),
	    "ID  TREE\na   {\"k\":[\"v\",\"x\"]}\nb   -\n");
}

TEST(test_noheader)
{
	static const struct pk_value rows[] = { S("h"), I(1), S("s") };

	check_out(run(PK_OUT_TSV, hpf, 3, PK_WR_NOHEADER, rows, 1),
	    "h\t1\ts\n");
	check_out(run(PK_OUT_CSV, hpf, 3, PK_WR_NOHEADER, rows, 1),
	    "h,1,s\n");
	check_out(run(PK_OUT_MD, hpf, 3, PK_WR_NOHEADER, rows, 1),
	    "| h | 1 | s |\n");
	check_out(run(PK_OUT_TEXT, hpf, 3, PK_WR_NOHEADER, rows, 1),
	    "h  1  s\n");
	/* No rows, no output: not even a header. */
	check_out(run(PK_OUT_TSV, hpf, 3, 0, rows, 0), "");
	check_out(run(PK_OUT_TEXT, hpf, 3, 0, rows, 0), "");
}

TEST(test_text_hostile)
{
	check_out(run_hostile(PK_OUT_TEXT, 0),
	    "HOST      PORT  SERVICE\n"
	    "10.0.0.1     0  a\\x0ab\n"
	    "10.0.0.1     1  a\\x09b\n"
	    "10.0.0.1     2  a\\x0db\n"
	    "10.0.0.1     3  \\x1b[31mred\n"
	    "10.0.0.1     4  say \"hi\"\n"
	    "10.0.0.1     5  a,b\n"
	    "10.0.0.1     6  =cmd|' /C calc'!A0\n"
	    "10.0.0.1     7  x\\xff\\xc3(y\n"
	    "10.0.0.1     8  caf\xc3\xa9 \xe2\x82\xac\n"
	    "10.0.0.1     9  b\\s\\x7f\n"
	    "10.0.0.1    10   pad \n"
	    "10.0.0.1    11  \\xc2\\x9bc1\n");
}

TEST(test_text_widths)
{
	static const struct pk_field f[] = {
		{ "service", PK_FT_STR, 0, "" },
		{ "n", PK_FT_INT, 5, "" },
		{ "state", PK_FT_STR, 8, "" },
		{ "last", PK_FT_STR, 0, "" }
	};
	static const struct pk_value rows[] = {
		S("caf\xc3\xa9"), I(1), S("open"), S("x"),
		S(""), NONE, NONE, NONE,
		S("ssh"), I(-22), S("open|filtered"), S("y")
	};

	/* UTF-8 counts one column per code point; hints are minimums. */
	check_out(run(PK_OUT_TEXT, f, 4, 0, rows, 3),
	    "SERVICE      N  STATE          LAST\n"
	    "caf\xc3\xa9         1  open           x\n"
	    "-            -  -              -\n"
	    "ssh        -22  open|filtered  y\n");
}

/* Rows past the first 1000 stream with the widths already fixed. */
TEST(test_text_buffering)
{
	static const struct pk_field f[] = {
		{ "a", PK_FT_STR, 0, "" }, { "b", PK_FT_INT, 0, "" }
	};
	struct pk_value *rows;
	char *out;
	size_t i, n = 1003;

	rows = calloc(n * 2, sizeof(*rows));
	if (rows == NULL) {
		assert_true(rows != NULL);
		return;
	}
	for (i = 0; i < n; i++) {
		rows[i * 2] = (struct pk_value)S(i == 999 ? "wide" :
		    i == 1001 ? "widest!" : "x");
		rows[i * 2 + 1] = (struct pk_value)I((long long)i);
	}
	out = run(PK_OUT_TEXT, f, 2, 0, rows, n);
	free(rows);
	if (!assert_true(out != NULL))
		return;
	/* Widths from rows 0..999: "wide" and "999". */
	assert_int(strncmp(out, "A       B\nx       0\nx       1\n", 30), 0);
	assert_true(strstr(out, "\nwide  999\nx     1000\n") != NULL);
	/* Later rows overflow their column rather than shift the rest. */
	assert_true(strstr(out, "\nwidest!  1001\nx     1002\n") != NULL);
	free(out);
}

TEST(test_md)
{
	static const struct pk_value rows[] = {
		S("10.0.0.1"), I(80), S("open|filtered *x* _y_ [l](u) <b>"),
		S("10.0.0.2"), NONE, S("a\\b `c` &amp; ~~s~~ \x1b[0m\n"),
		S("10.0.0.3"), I(1), S("")
	};

	check_out(run(PK_OUT_MD, hpf, 3, 0, rows, 3),
	    "| host | port | service |\n"
	    "|---|---:|---|\n"
	    "| 10.0.0.1 | 80 | open\\|filtered \\*x\\* \\_y\\_ \\[l\\](u) "
	    "\\<b\\> |\n"
	    "| 10.0.0.2 |  | a\\\\b \\`c\\` \\&amp; \\~\\~s\\~\\~ "
	    "\\x1b\\[0m\\x0a |\n"
	    "| 10.0.0.3 | 1 |  |\n");
}

TEST(test_list)
{
	static const struct pk_value rows[] = {
		S("10.0.0.1"), I(22), S("ssh"),
		S("::1"), I(443), S("https"),
		S("fe80::1%eth0"), I(80), NONE,
		S("::1"), NONE, NONE,
		NONE, I(9), S("no host: skipped"),
		S("10.0.0.9\n"), I(1), NONE
	};
	static const struct pk_field hostonly[] = {
		{ "service", PK_FT_STR, 0, "" }, { "host", PK_FT_STR, 0, "" }
	};
	static const struct pk_value hrows[] = { S("x"), S("::2") };

	check_out(run(PK_OUT_LIST, hpf, 3, 0, rows, 6),
	    "10.0.0.1:22\n[::1]:443\n[fe80::1%eth0]:80\n::1\n"
	    "10.0.0.9\\x0a:1\n");
	check_out(run(PK_OUT_LIST, hostonly, 2, 0, hrows, 1), "::2\n");
	/* No host column: refused. */
	errno = 0;
	assert_true(pk_writer_new(stdout, PK_OUT_LIST, hpf + 1, 2, 0) == NULL);
	assert_int(errno, EINVAL);
}

TEST(test_long_values)
{
	static const struct pk_field f[] = { { "v", PK_FT_STR, 0, "" } };
	struct pk_value rows[3];
	char *big, *out;
	size_t n = 200000, i, len;

	big = malloc(n + 1);
	if (big == NULL) {
		assert_true(big != NULL);
		return;
	}
	for (i = 0; i < n; i++)
		big[i] = i % 1000 == 999 ? '\n' : (char)('a' + i % 26);
	big[n] = '\0';
	rows[0] = (struct pk_value)S(big);
	rows[1] = (struct pk_value)S("short");
	rows[2] = (struct pk_value)S(big);
	out = run(PK_OUT_TSV, f, 1, 0, rows, 3);
	if (assert_true(out != NULL)) {
		/* "v\n" + 2 * (n + 200 escapes + \n) + "short\n" */
		len = strlen(out);
		assert_int(len, 2 + 2 * (n + 200 + 1) + 6);
		assert_int(memcmp(out + 2 + n + 201, "short\n", 6), 0);
		assert_int(memcmp(out + 2 + 997, "jk\\nmn", 6), 0);
	}
	free(out);
	out = run(PK_OUT_JSONL, f, 1, 0, rows, 3);
	if (assert_true(out != NULL))
		assert_int(strlen(out), 3 * 9 + 2 * (n + 200) + 5);
	free(out);
	free(big);
}

TEST(test_write_error)
{
	static const struct pk_value row[] = { S("10.0.0.1"), I(1), S("x") };
	struct pk_writer *w;
	FILE *fp;
	int rc = PK_OK, i;

	if (!assert_true((fp = fopen("/dev/full", "w")) != NULL))
		return;
	w = pk_writer_new(fp, PK_OUT_TSV, hpf, 3, 0);
	if (w == NULL) {
		assert_true(w != NULL);
		fclose(fp);
		return;
	}
	for (i = 0; i < 100000 && rc == PK_OK; i++)
		rc = pk_writer_row(w, row);
	if (rc == PK_OK)
		rc = pk_writer_flush(w);
	assert_int(rc, PK_ERR_IO);
	assert_int(errno, ENOSPC);
	/* The error sticks. */
	errno = 0;
	assert_int(pk_writer_row(w, row), PK_ERR_IO);
	assert_int(errno, ENOSPC);
	assert_int(pk_writer_flush(w), PK_ERR_IO);
	pk_writer_free(w);
	fclose(fp);
}

TEST(test_misuse)
{
	static const struct pk_field bad[] = { { NULL, PK_FT_STR, 0, "" } };

	assert_true(pk_writer_new(NULL, PK_OUT_TSV, hpf, 3, 0) == NULL);
	assert_true(pk_writer_new(stdout, 6, hpf, 3, 0) == NULL);
	assert_true(pk_writer_new(stdout, PK_OUT_TSV, bad, 1, 0) == NULL);
	assert_true(pk_writer_new(stdout, PK_OUT_TSV, NULL, 1, 0) == NULL);
	assert_int(pk_writer_row(NULL, NULL), PK_ERR_USAGE);
	assert_int(pk_writer_flush(NULL), PK_ERR_USAGE);
	assert_int(pk_writer_rows(NULL), 0);
	pk_writer_free(NULL);
}

TEST_MAIN(test_outfmt_names, test_tsv_every_position,
    test_tsv_plain_lengths, test_tsv_every_byte, test_tsv_buffer_edges,
    test_tsv_no_fields, test_lone_c2, test_tsv_hostile, test_csv_hostile,
    test_csv_safe, test_jsonl_hostile, test_jsonl_controls_utf8,
    test_numbers, test_integers, test_absent, test_absent_json_empty_string,
    test_noheader, test_text_hostile, test_text_widths,
    test_text_buffering, test_md, test_list, test_long_values,
    test_write_error, test_misuse,
    test_json_field)
