/*
 * test_guard.c - the byte-level watch before libxml2 (lib/xml_guard.c)
 * and the arena (lib/arena.c): limits, run boundaries, and input cut at
 * every byte so that state carries across buffers.
 */
#include <string.h>

#include "base/arena.h"
#include "harness.h"
#include "nmap/guard.h"

/* Scan s in pieces of step bytes; the first non-OK result and where. */
static int
scan_steps(const char *s, size_t step, size_t tag, size_t attrs,
    size_t *at)
{
	struct pk_xml_guard g;
	size_t n = strlen(s), off = 0, used, k;
	int rc;

	pk_xml_guard_init(&g, tag, attrs);
	while (off < n) {
		k = n - off < step ? n - off : step;
		rc = pk_xml_guard_scan(&g, s + off, k, &used);
		if (rc != PK_GUARD_OK) {
			*at = off + used;
			return rc;
		}
		off += used;
	}
	*at = n;
	return PK_GUARD_OK;
}

TEST(test_guard_split_every_step)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?><!-- </nmaprun> in a comment -->"
	    "<nmaprun a=\"x>y\"><host b='/nmaprun>'/>"
	    "<![CDATA[</nmaprun>]]></nmaprun >\n<?xml version=\"1.0\"?>";
	const char *end = strstr(doc, "</nmaprun >") + strlen("</nmaprun >");
	size_t step, at;

	/*
	 * Only the real end tag splits, however the bytes arrive ('<' cannot
	 * stand in an attribute value; '>' can).
	 */
	for (step = 1; step <= sizeof(doc); step++) {
		assert_int(scan_steps(doc, step, 1000, 10, &at),
		    PK_GUARD_SPLIT);
		assert_int(at, end - doc);
	}
}

/*
 * End tags skipped a tag at a time: names that only start like nmaprun,
 * or are cut short, never split; the real one does, wherever the bytes
 * are cut and whether tags are short enough for the fast path (a span
 * of 40 bytes) or not (4).
 */
TEST(test_guard_end_tags)
{
	static const char doc[] =
	    "<nmaprun><host></host></nmaprunx></nmapru><ports></ports>"
	    "</nmap></a></nmaprun>\n<nmaprun></nmaprun>";
	const char *end = strstr(doc, "</nmaprun>") + strlen("</nmaprun>");
	size_t step, at, attrs;

	for (attrs = 1; attrs <= 10; attrs += 9)
		for (step = 1; step <= sizeof(doc); step++) {
			assert_int(scan_steps(doc, step, 1000, attrs, &at),
			    PK_GUARD_SPLIT);
			assert_int(at, end - doc);
		}
}

TEST(test_guard_limits)
{
	static const char many[] = "<a x='1' y='2' z='3'/>";
	static const char ok[] = "<nmaprun><host a='1' b='2'/></host>";
	size_t at;

	assert_int(scan_steps(many, 3, 1000, 2, &at), PK_GUARD_ATTR_LIMIT);
	assert_int(at, strstr(many, "z='") - many + 3);
	assert_int(scan_steps(many, 5, 1000, 3, &at), PK_GUARD_OK);
	assert_int(scan_steps(many, 4, 10, 10, &at), PK_GUARD_TAG_LIMIT);
	/* End tags carry no attributes; quotes in text are text. */
	assert_int(scan_steps(ok, 2, 1000, 2, &at), PK_GUARD_OK);
	assert_int(scan_steps("<a>'\"'\"'</a>", 1, 1000, 0, &at),
	    PK_GUARD_OK);
}

TEST(test_arena)
{
	struct pk_arena a;
	char *p, *q;
	size_t i;

	pk_arena_init(&a, 1 << 20);
	p = pk_arena_strndup(&a, "hello", 3);
	assert_str(p, "hel");
	/* The latest block grows in place; others move, keeping bytes. */
	q = pk_arena_alloc(&a, 16);
	memcpy(q, "0123456789abcdef", 16);
	assert_true(pk_arena_grow(&a, q, 16, 32) == q);
	q = pk_arena_grow(&a, q, 32, 100000);
	assert_mem(q, 16, "0123456789abcdef", 16);
	assert_str(p, "hel");
	/* The limit fails allocations and says so. */
	for (i = 0; i < 64 && pk_arena_alloc(&a, 64 << 10) != NULL; i++)
		;
	assert_true(i < 64);
	assert_int(a.over, 1);
	pk_arena_reset(&a);
	assert_int(a.over, 0);
	assert_true(pk_arena_zalloc(&a, 8) != NULL);
	pk_arena_destroy(&a);
}

/*
 * Feed s in windows of step bytes as the XML driver does: skip each
 * forbidden reference found (noting it in found, ';'-separated), and
 * widen the window by PK_GUARD_REF_MAX when asked for more.
 */
static int
refs_steps(const char *s, size_t step, char *found, size_t fsz)
{
	struct pk_xml_guard g;
	size_t n = strlen(s), off = 0, used, k, want = step;
	int rc;

	found[0] = '\0';
	pk_xml_guard_init(&g, 1000, 10);
	while (off < n) {
		k = n - off < want ? n - off : want;
		g.at_end = off + k == n;
		rc = pk_xml_guard_scan(&g, s + off, k, &used);
		off += used;
		want = step;
		if (rc == PK_GUARD_CHARREF) {
			if (strlen(found) + g.reflen + 2 < fsz) {
				strcat(found, g.ref);
				strcat(found, ";");
			}
			off += g.reflen;
		} else if (rc == PK_GUARD_MORE) {
			want = k - used + PK_GUARD_REF_MAX;
		} else if (rc != PK_GUARD_OK && rc != PK_GUARD_SPLIT) {
			return rc;
		}
	}
	return PK_GUARD_OK;
}

TEST(test_guard_charrefs_every_step)
{
	static const char doc[] =
	    "<nmaprun args=\"-&#45;top\"><host><service name=\"ife-biteP&#x1b;\""
	    " product=\"a&#xa;b&amp;c&#233;\"/><service name=\"0M&#xec;&#x1;\"/>"
	    "<elem key=\"k\">text &#x1b; stays</elem>"
	    "<x a='&#0;&#xD800;&#xFFFE;&#x110000;&#99999999999;&#9;&#x;&#12'/>"
	    "<long v=\"&#x0000000000000000000000001b;\" w=\"&#x0001F;\"/>"
	    "</host></nmaprun>";
	static const char want[] =
	    "&#x1b;;&#x1;;&#0;;&#xD800;;&#xFFFE;;&#x110000;;&#99999999999;;"
	    "&#x0001F;;";
	char found[256];
	size_t step;

	/* Text keeps its reference: libxml2 reports it.  So do the bad
	 * shapes ("&#x;", no ';') and one too long to look at. */
	for (step = 1; step <= sizeof(doc); step++) {
		assert_int(refs_steps(doc, step, found, sizeof(found)),
		    PK_GUARD_OK);
		assert_str(found, want);
	}
}

/*
 * Scan s in windows of step bytes, widened when the guard asks for
 * more, as the XML driver does; the first result other than OK and
 * where, with max_tag 2000 and max_attrs 20 (a span of 80 bytes).
 * wide 0 keeps the guard to SSE2 blocks even where AVX2 exists.
 */
static int
blocks_steps(const char *s, size_t step, size_t *at, int wide)
{
	struct pk_xml_guard g;
	size_t n = strlen(s), off = 0, used, k, want = step;
	int rc;

	pk_xml_guard_init(&g, 2000, 20);
	g.avx2 = g.avx2 && wide;
	while (off < n) {
		k = n - off < want ? n - off : want;
		g.at_end = off + k == n;
		rc = pk_xml_guard_scan(&g, s + off, k, &used);
		off += used;
		want = step;
		if (rc == PK_GUARD_MORE)
			want = k - used + PK_GUARD_REF_MAX;
		else if (rc != PK_GUARD_OK) {
			*at = off;
			return rc;
		}
	}
	*at = n;
	return PK_GUARD_OK;
}

/*
 * Runs of short tags are passed 64 bytes at a time (guard_blocks); what
 * stops them comes after such a run, at every offset the blocks can
 * have against it, and must be found where the tag-at-a-time walk finds
 * it: at mark plus after (for a tag too long, anywhere past mark).
 */
static void
blocks_case(const char *tail, const char *mark, int want, size_t after)
{
	static const char run[] =
	    "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\" "
	    "reason=\"a&#xa;b&amp;\"/></port>\n";
	char doc[4096];
	size_t lead, step, at, n, m;
	int wide;

	for (lead = 0; lead < 70; lead++) {
		memset(doc, ' ', lead);
		doc[lead] = '\0';
		for (n = 0; n < 12; n++)
			strcat(doc, run);
		strcat(doc, tail);
		for (n = 0; n < 4; n++)
			strcat(doc, run);
		m = (size_t)(strstr(doc, mark) - doc);
		for (step = 1; step <= strlen(doc); step += step < 80 ? 1 : 37)
			for (wide = 0; wide <= 1; wide++) {
				assert_int(blocks_steps(doc, step, &at, wide),
				    want);
				if (want == PK_GUARD_TAG_LIMIT)
					assert_true(at > m);
				else
					assert_int(at, m + after);
			}
	}
}

TEST(test_guard_blocks)
{
	static const char many[] = "<a a='1' b='2' c='3' d='4' e='5' f='6' "
	    "g='7' h='8' i='9' j='1' k='2' l='3' m='4' n='5' o='6' p='7' "
	    "q='8' r='9' s='1' t='2' u='3' v='4'/>";
	char tail[4096];

	blocks_case("</nmapru></nmaprun>", "</nmaprun>", PK_GUARD_SPLIT, 10);
	blocks_case("<!-- </nmaprun> --><?pi </nmaprun> ?></nmaprun>",
	    "?></nmaprun>", PK_GUARD_SPLIT, 12);
	/* Tags inside them, over several blocks, are text. */
	blocks_case("<!-- <a/> <b/><c/> <d/> <e/><f/> <g/><h/> <i/> <j/> <k/> "
	    "<l/> <m/> <n/> <o/> <p/> <q/> <r/> <s/> <t/> <u/> <v/> <w/> <x/> "
	    "</nmaprun> --></nmaprun>", "--></nmaprun>", PK_GUARD_SPLIT, 13);
	blocks_case("<?pi <a/> <b/><c/> <d/> <e/><f/> <g/><h/> <i/> <j/> <k/> "
	    "<l/> <m/> <n/> <o/> <p/> <q/> <r/> <s/> <t/> <u/> <v/> <w/> <x/> "
	    "</nmaprun> ?></nmaprun>", "?></nmaprun>", PK_GUARD_SPLIT, 12);
	blocks_case(many, "u='", PK_GUARD_ATTR_LIMIT, 3);
	blocks_case("<service name=\"ife-biteP&#x1b;\"/>", "&#x1b;",
	    PK_GUARD_CHARREF, 0);
	memset(tail, 'x', 2100);
	memcpy(tail, "<a b='", 6);
	memcpy(tail + 2094, "'/>end", 7);
	blocks_case(tail, "<a b='", PK_GUARD_TAG_LIMIT, 0);
}

TEST_MAIN(test_guard_split_every_step, test_guard_end_tags, test_guard_limits,
    test_arena, test_guard_charrefs_every_step, test_guard_blocks)
