/*
 * error.h - filling struct pk_error (internal).
 */
#ifndef PK_ERROR_H
#define PK_ERROR_H

#include <stdarg.h>

#include "portkit.h"

#if defined(__GNUC__)
#define PK_PRINTF(a, b)	__attribute__((format(printf, a, b)))
#else
#define PK_PRINTF(a, b)
#endif

/* Set status, line (0: unknown) and a formatted message; NULL-safe. */
void	pk_error_set(struct pk_error *err, int status, unsigned long line,
	    const char *fmt, ...) PK_PRINTF(4, 5);
void	pk_error_vset(struct pk_error *err, int status, unsigned long line,
	    const char *fmt, va_list ap) PK_PRINTF(4, 0);

#endif /* PK_ERROR_H */
