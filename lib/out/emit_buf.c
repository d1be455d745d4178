/*
 * emit_buf.c - the writers' output buffer, and integers and doubles put
 * into it without printf's per-call cost.
 *
 * Bytes are handed to fwrite in whole 64 KiB blocks: pcat -o tsv spends
 * most of its time writing, and one fwrite per cell would dominate.
 * ob_put and ob_putc, the fast paths, are inline in emit_impl.h; this
 * file holds what they fall back on.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/emit_impl.h"

/* The first failure wins: what follows it is its consequence. */
void
pk_ob_fail(struct obuf *b, int status, int errnum)
{
	if (b->status == 0) {
		b->status = status;
		b->errnum = errnum;
	}
}

/* fwrite n bytes; a stale errno must not be blamed for a failure. */
static void
ob_write(struct obuf *b, const void *s, size_t n)
{
	if (n == 0 || b->status != 0)
		return;
	errno = 0;
	if (fwrite(s, 1, n, b->fp) != n)
		pk_ob_fail(b, PK_ERR_IO, errno != 0 ? errno : EIO);
}

void
pk_ob_drain(struct obuf *b)
{
	ob_write(b, b->p, b->len);
	b->len = 0;
}

static int
ob_grow(struct obuf *b, size_t need)
{
	size_t ncap = b->cap;
	char *np;

	while (ncap - b->len < need) {
		if (ncap > SIZE_MAX / 2) {
			pk_ob_fail(b, PK_ERR_NOMEM, ENOMEM);
			return -1;
		}
		ncap *= 2;
	}
	if ((np = realloc(b->p, ncap)) == NULL) {
		pk_ob_fail(b, PK_ERR_NOMEM, ENOMEM);
		return -1;
	}
	b->p = np;
	b->cap = ncap;
	return 0;
}

/* ob_put's way when n bytes do not fit: drain, or grow the scratch area. */
void
pk_ob_put_slow(struct obuf *b, const void *s, size_t n)
{
	if (b->fp == NULL) {
		if (b->status != 0 || ob_grow(b, n) != 0)
			return;
	} else {
		pk_ob_drain(b);
		if (n >= b->cap) {
			ob_write(b, s, n);
			return;
		}
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

/* ob_putc's way when the buffer is full. */
void
pk_ob_putc_slow(struct obuf *b, char c)
{
	pk_ob_put_slow(b, &c, 1);
}


/* Every number below 100 as two digits, for writing two at a time. */
const char pk_digit_pairs[200] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

/* Decimal digits of any value, the most negative included. */
static void __attribute__((noinline))
ob_ll_any(struct obuf *b, long long v)
{
	char tmp[24];
	size_t n = sizeof(tmp);
	unsigned long long u;

	u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do {
		tmp[--n] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		tmp[--n] = '-';
	ob_put(b, tmp + n, sizeof(tmp) - n);
}

/*
 * Decimal digits without printf: port numbers and counts, the numbers
 * of nearly every row, by pk_put_short; the rest out of line.
 */
void
pk_ob_ll(struct obuf *b, long long v)
{
	if (v < 0 || v >= 100000 || b->cap - b->len < 5) {
		ob_ll_any(b, v);
		return;
	}
	b->len += pk_put_short(b->p + b->len, (unsigned)v);
}

/*
 * A double as %.15g: up to 15 significant digits, trailing zeros
 * dropped, exponent form below 1e-4 and from 1e15.  Fifteen digits give
 * back any decimal that nmap printed and hide binary noise (0.1 + 0.2
 * prints 0.3).  Whatever the locale, the decimal point is '.'.  NaN and
 * infinities print nan, inf and -inf, or null in JSON.
 */
void
pk_ob_double(struct obuf *b, double d, int json)
{
	char tmp[64], *p, *q;

	if (isnan(d) || isinf(d)) {
		p = json ? "null" : isnan(d) ? "nan" : d > 0 ? "inf" : "-inf";
		ob_put(b, p, strlen(p));
		return;
	}
	(void)snprintf(tmp, sizeof(tmp), "%.15g", d);
	for (p = q = tmp; *p != '\0'; p++) {
		if (strchr("0123456789+-eE", *p) != NULL) {
			*q++ = *p;
			continue;
		}
		*q++ = '.';
		while (p[1] != '\0' && strchr("0123456789+-eE", p[1]) == NULL)
			p++;
	}
	ob_put(b, tmp, (size_t)(q - tmp));
}
