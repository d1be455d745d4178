/*
 * error.c - status codes and the error record held in each handle.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/error.h"

const char *
pk_strerror(int status)
{
	switch (status) {
	case PK_OK:
		return "success";
	case PK_EOF:
		return "end of input";
	case PK_ERR_IO:
		return "input/output error";
	case PK_ERR_FORMAT:
		return "malformed input";
	case PK_ERR_LIMIT:
		return "input exceeds a limit";
	case PK_ERR_NOMEM:
		return "out of memory";
	case PK_ERR_TRUNCATED:
		return "truncated input";
	case PK_ERR_GZIP:
		return "corrupt gzip data";
	case PK_ERR_UNKNOWN_FORMAT:
		return "unknown input format";
	case PK_ERR_USAGE:
		return "invalid argument";
	default:
		return "unknown status";
	}
}

void
pk_error_vset(struct pk_error *err, int status, unsigned long line,
    const char *fmt, va_list ap)
{
	if (err == NULL)
		return;
	err->status = status;
	err->line = line;
	err->column = 0;
	(void)vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
}

void
pk_error_set(struct pk_error *err, int status, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pk_error_vset(err, status, line, fmt, ap);
	va_end(ap);
}

/* The room is enough for PK_EXCERPT bytes at 4 each, "..." and a NUL. */
const char *
pk_excerpt(char dst[PK_EXCERPT_SIZE], const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, o = 0;

	for (i = 0; i < n && i < PK_EXCERPT && o + 8 < PK_EXCERPT_SIZE; i++) {
		if (u[i] == '"' || u[i] == '\\') {
			dst[o++] = '\\';
			dst[o++] = (char)u[i];
		} else if (u[i] < 0x20 || u[i] >= 0x7f) {
			o += (size_t)snprintf(dst + o, PK_EXCERPT_SIZE - o,
			    "\\x%02x", u[i]);
		} else
			dst[o++] = (char)u[i];
	}
	if (i < n && o + 4 < PK_EXCERPT_SIZE) {
		memcpy(dst + o, "...", 3);
		o += 3;
	}
	dst[o] = '\0';
	return dst;
}

int
pk_error_vat(struct pk_error *err, int status, unsigned long line,
    unsigned long column, const char *fmt, va_list ap)
{
	pk_error_vset(err, status, line, fmt, ap);
	if (err != NULL)
		err->column = column;
	return status;
}

int
pk_error_at(struct pk_error *err, int status, unsigned long line,
    unsigned long column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	status = pk_error_vat(err, status, line, column, fmt, ap);
	va_end(ap);
	return status;
}
