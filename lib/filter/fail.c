/*
 * fail.c - the error of a filter call: every file of the filter reports
 * through here, so that each error names no input (file NULL, line and
 * column 0) unless it says so itself.
 */
#include <stdarg.h>

#include "base/error.h"
#include "filter/filter_impl.h"

int
flt_fail(struct pk_error *err, int status, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return status;
	va_start(ap, fmt);
	pk_error_vset(err, status, 0, fmt, ap);
	va_end(ap);
	err->file = NULL;
	return status;
}
