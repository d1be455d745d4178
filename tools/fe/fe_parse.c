/*
 * fe_parse.c - strict parsing of numeric arguments (OpenBSD strtonum
 * discipline): the whole string must be a number inside the range, or
 * the tool stops with status 2 naming what was wrong.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fe/fe.h"

unsigned long
fe_parse_ulong(const char *s, unsigned long min, unsigned long max,
    const char *what)
{
	unsigned long v;
	char *end;

	if (s == NULL)
		s = "";
	/* strtoul alone would take blanks, a sign and "-1" as ULONG_MAX. */
	if (*s == '\0' || strspn(s, "0123456789") != strlen(s))
		fe_errx(2, "invalid %s: '%s'", what, s);
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno == ERANGE || v < min || v > max)
		fe_errx(2, "%s out of range: '%s' (must be %lu..%lu)", what, s,
		    min, max);
	return v;
}

double
fe_parse_double(const char *s, double min, double max, const char *what)
{
	double v;
	char *end;

	if (s == NULL)
		s = "";
	/* No blanks, hex floats, "inf" or "nan": plain decimal notation. */
	if (*s == '\0' || strspn(s, "0123456789.eE+-") != strlen(s))
		fe_errx(2, "invalid %s: '%s'", what, s);
	v = strtod(s, &end);
	if (end == s || *end != '\0')
		fe_errx(2, "invalid %s: '%s'", what, s);
	/* Overflow gives HUGE_VAL; underflow to a tiny value is accepted. */
	if (!isfinite(v) || v < min || v > max)
		fe_errx(2, "%s out of range: '%s' (must be %g..%g)", what, s,
		    min, max);
	return v;
}
