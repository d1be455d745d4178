/*
 * names.c - the names of diff fields and change kinds, as every output
 * and --ignore spell them.
 */
#include <string.h>

#include "diff/diff_impl.h"

static const char *const field_names[PK_DF_COUNT] = {
	"host", "status", "hostname", "mac", "os", "extraports", "state",
	"reason", "service", "product", "version", "extrainfo", "tunnel",
	"script", "scaninfo"
};

static const char *const kind_names[] = {
	"added", "removed", "changed", "not-scanned"
};

const char *
pk_diff_field_name(int field)
{
	if (field < 0 || field >= PK_DF_COUNT)
		return NULL;
	return field_names[field];
}

int
pk_diff_field_parse(const char *name, size_t len)
{
	int i;

	for (i = 0; i < PK_DF_COUNT; i++)
		if (strlen(field_names[i]) == len &&
		    memcmp(field_names[i], name, len) == 0)
			return i;
	return -1;
}

const char *
pk_diff_kind_name(int kind)
{
	if (kind < 0 || kind > PK_DC_NOT_SCANNED)
		return NULL;
	return kind_names[kind];
}
