/*
 * The harness checks itself: a harness whose failing assertions pass
 * would make every other unit test worthless, so each assertion kind is
 * driven to fail inside th_run and the recorded message is compared.
 */
#include <stdlib.h>

#include "harness.h"

static struct th_state outcome;

static void
fails_int(void)
{
	int n = 2;

	assert_int(n + 1, 4);
}

static void
fails_str_null(void)
{
	const char *s = NULL;

	assert_str(s, "a\"b\n");
}

static void
fails_mem(void)
{
	assert_mem("abcX\001", 5, "abcY", 4);
}

static void
fails_twice(void)
{
	assert_true(1 == 2);
	assert_true(0);
}

static void
asserts_nothing(void)
{
}

static void
passes_all(void)
{
	const char *a = NULL, *b = NULL;

	assert_int(-5, -5);
	assert_str(a, b);
	assert_str("x", "x");
	assert_mem(NULL, 0, "", 0);
	assert_true(1);
}

/* th_run resets the harness state, so save the outer case's around it. */
static void
run_inner(void (*fn)(void))
{
	struct th_state saved = th_cur;

	outcome = th_run(fn);
	th_cur = saved;
}

TEST(test_int_failure_message)
{
	run_inner(fails_int);
	assert_int(outcome.failures, 1);
	assert_str(outcome.msg, "n + 1 == 4: got 3, want 4");
	assert_true(strstr(outcome.where, "test_harness_selfcheck.c:") !=
	    NULL);
}

TEST(test_str_null_and_quoting)
{
	run_inner(fails_str_null);
	assert_int(outcome.failures, 1);
	assert_str(outcome.msg,
	    "s == \"a\\\"b\\n\": got NULL, want \"a\\\"b\\n\"");
}

TEST(test_mem_shows_first_difference)
{
	run_inner(fails_mem);
	assert_str(outcome.msg, "\"abcX\\001\" == \"abcY\": got 5 bytes, "
	    "want 4; from offset 3: \"X\\x01\" vs \"Y\"");
}

TEST(test_first_failure_reported_all_counted)
{
	run_inner(fails_twice);
	assert_int(outcome.failures, 2);
	assert_int(outcome.asserts, 2);
	assert_str(outcome.msg, "1 == 2 is false");
}

TEST(test_case_without_assertion_fails)
{
	run_inner(asserts_nothing);
	assert_int(outcome.failures, 1);
	assert_str(outcome.msg, "the case made no assertion");
}

TEST(test_passing_assertions)
{
	run_inner(passes_all);
	assert_int(outcome.failures, 0);
	assert_int(outcome.asserts, 5);
}

TEST(test_testdata_path)
{
	const char *old = getenv("TESTDATA");
	char saved[4096];

	snprintf(saved, sizeof(saved), "%s", old != NULL ? old : "");
	setenv("TESTDATA", "/td", 1);
	assert_str(testdata_path("a.xml"), "/td/a.xml");
	unsetenv("TESTDATA");
	assert_str(testdata_path("a.xml"), "testdata/a.xml");
	if (old != NULL)
		setenv("TESTDATA", saved, 1);
}

TEST(test_name_list_split)
{
	char name[32];

	th_name("a, bb ,\tccc", 1, name, sizeof(name));
	assert_str(name, "bb");
	th_name("a, bb ,\tccc", 2, name, sizeof(name));
	assert_str(name, "ccc");
}

TEST_MAIN(test_int_failure_message, test_str_null_and_quoting,
    test_mem_shows_first_difference, test_first_failure_reported_all_counted,
    test_case_without_assertion_fails, test_passing_assertions,
    test_testdata_path, test_name_list_split)
