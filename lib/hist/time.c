/*
 * time.c - scan times: what a scan records, parsing a time given by a
 * person, and ISO 8601 for output.
 *
 * Calendar arithmetic is done here (days from a civil date and back, in
 * the proleptic Gregorian calendar), so UTC never depends on the
 * process's time zone; only Nmap's grepable date, written in the local
 * time of the scanning machine, goes through mktime(3).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "portkit.h"

#define DAY	86400LL

/* Days from 1970-01-01 to y-m-d (m 1..12). */
static long long
days_from_civil(long long y, unsigned m, unsigned d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long long z, long long *y, unsigned *m, unsigned *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int
mdays(long long y, unsigned m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/* Exactly n digits at *p; advances *p. */
static int
digits(const char **p, int n, long long *out)
{
	long long v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

static int
parse_epoch(const char *p, long long *t)
{
	long long v = 0;

	if (*p < '0' || *p > '9')
		return PK_ERR_FORMAT;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (9223372036854775807LL - 9) / 10)
			return PK_ERR_FORMAT;
		v = v * 10 + (*p - '0');
	}
	if (*p != '\0')
		return PK_ERR_FORMAT;
	*t = v;
	return PK_OK;
}

/* "HH:MM[:SS]" after the T or space. */
static int
parse_clock(const char **p, long long *secs)
{
	long long h, mi, s = 0;

	if (digits(p, 2, &h) != 0 || *(*p)++ != ':' ||
	    digits(p, 2, &mi) != 0)
		return -1;
	if (**p == ':' && ((*p)++, digits(p, 2, &s) != 0))
		return -1;
	if (h > 23 || mi > 59 || s > 59)
		return -1;
	*secs = h * 3600 + mi * 60 + s;
	return 0;
}

int
pk_hist_time_parse(const char *s, long long *t)
{
	const char *p = s;
	long long y, m, d, secs = 0;

	if (*p == '@')
		return parse_epoch(p + 1, t);
	if (digits(&p, 4, &y) != 0 || *p++ != '-' || digits(&p, 2, &m) != 0 ||
	    *p++ != '-' || digits(&p, 2, &d) != 0)
		return PK_ERR_FORMAT;
	if (m < 1 || m > 12 || d < 1 || d > mdays(y, (unsigned)m))
		return PK_ERR_FORMAT;
	if ((*p == 'T' || *p == ' ') && (p++, parse_clock(&p, &secs) != 0))
		return PK_ERR_FORMAT;
	if (*p == 'Z')
		p++;
	if (*p != '\0')
		return PK_ERR_FORMAT;
	*t = days_from_civil(y, (unsigned)m, (unsigned)d) * DAY + secs;
	return PK_OK;
}

char *
pk_hist_time_format(long long t, char *buf, size_t len)
{
	long long days = t / DAY, rem = t % DAY, y;
	unsigned m, d;

	if (rem < 0) {
		rem += DAY;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		(void)snprintf(buf, len, "@%lld", t);
	else
		(void)snprintf(buf, len, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
		    y, m, d, rem / 3600, rem / 60 % 60, rem % 60);
	return buf;
}

static int
month_of(const char *s)
{
	static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	int i;

	for (i = 0; i < 12; i++)
		if (strncmp(s, names + 3 * i, 3) == 0)
			return i + 1;
	return 0;
}

static void
skip_blanks(const char **p)
{
	while (**p == ' ')
		(*p)++;
}

/* 1 or 2 digits. */
static int
small_num(const char **p, long long *v)
{
	if (**p < '0' || **p > '9')
		return -1;
	*v = *(*p)++ - '0';
	if (**p >= '0' && **p <= '9')
		*v = *v * 10 + (*(*p)++ - '0');
	return 0;
}

/*
 * "Mon Nov 23 20:22:20 2026" (asctime's form, the day maybe padded with
 * a blank) into its parts; the weekday is not checked.
 */
static int
parse_ctime(const char *s, struct tm *tm)
{
	const char *p = s;
	long long d, h, mi, sec, y;
	int mon;

	memset(tm, 0, sizeof(*tm));
	if (strlen(p) < 4 || p[3] != ' ')
		return -1;
	p += 4;
	skip_blanks(&p);
	if ((mon = month_of(p)) == 0 || p[3] != ' ')
		return -1;
	p += 4;
	skip_blanks(&p);
	if (small_num(&p, &d) != 0 || *p++ != ' ' || digits(&p, 2, &h) != 0 ||
	    *p++ != ':' || digits(&p, 2, &mi) != 0 || *p++ != ':' ||
	    digits(&p, 2, &sec) != 0 || *p++ != ' ' || digits(&p, 4, &y) != 0 ||
	    *p != '\0')
		return -1;
	if (d < 1 || d > mdays(y, (unsigned)mon) || h > 23 || mi > 59 ||
	    sec > 60)
		return -1;
	tm->tm_year = (int)(y - 1900);
	tm->tm_mon = mon - 1;
	tm->tm_mday = (int)d;
	tm->tm_hour = (int)h;
	tm->tm_min = (int)mi;
	tm->tm_sec = (int)sec;
	tm->tm_isdst = -1;
	return 0;
}

long long
pk_hist_scan_time(const struct pk_scan *scan)
{
	struct tm tm;
	time_t t;

	if (scan == NULL)
		return -1;
	if (scan->start >= 0)
		return scan->start;
	if (scan->startstr == NULL || parse_ctime(scan->startstr, &tm) != 0)
		return -1;
	/* masscan formats its start with gmtime, Nmap with localtime. */
	if (scan->scanner != NULL && strcmp(scan->scanner, "masscan") == 0)
		return days_from_civil(tm.tm_year + 1900LL,
		    (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday) * DAY +
		    tm.tm_hour * 3600LL + tm.tm_min * 60LL + tm.tm_sec;
	if ((t = mktime(&tm)) == (time_t)-1)
		return -1;
	return (long long)t;
}
