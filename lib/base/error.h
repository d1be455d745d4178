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
/*
 * The same, and the 1-based column of the line it points at (0:
 * unknown); returns status, so that a parser can return the call.
 */
int	pk_error_at(struct pk_error *err, int status, unsigned long line,
	    unsigned long column, const char *fmt, ...) PK_PRINTF(5, 6);
int	pk_error_vat(struct pk_error *err, int status, unsigned long line,
	    unsigned long column, const char *fmt, va_list ap)
	    PK_PRINTF(5, 0);

/* Input bytes an error message quotes, and the room their excerpt takes. */
#define PK_EXCERPT	32
#define PK_EXCERPT_SIZE	(PK_EXCERPT * 4 + 8)

/*
 * A short printable excerpt of s[0..n) for a one-line message, in dst:
 * quotes, backslashes and bytes outside printable ASCII escaped, and
 * more than PK_EXCERPT bytes ending in "...".  Every reader quotes its
 * input this way, so that no raw control byte reaches a terminal.
 */
const char *pk_excerpt(char dst[PK_EXCERPT_SIZE], const char *s, size_t n);

#endif /* PK_ERROR_H */
