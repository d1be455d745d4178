/*
 * fuzz_detect.c - format detection (pk_format_detect) on arbitrary
 * bytes (seeds: testdata/fuzz/detect/).  The answer must be a known
 * format with a name, and must not depend on bytes past len: detecting
 * a prefix never reads beyond it (ASan checks the exact-size copy).
 */
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "replay.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum pk_format f;
	size_t cut;

	/* A known format has a name; only PK_FMT_UNKNOWN is "unknown". */
	f = pk_format_detect(data, size);
	if (pk_format_name(f) == NULL || ((f != PK_FMT_UNKNOWN) !=
	    (strcmp(pk_format_name(f), "unknown") != 0)))
		abort();
	cut = size / 2;
	(void)pk_format_detect(data, cut);
	(void)pk_format_detect(data, 0);
	return 0;
}
