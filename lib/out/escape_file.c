/*
 * escape_file.c - the writers' escaping onto a stdio stream, for reports
 * printed with stdio: pdiff's text and ndiff outputs, and pk_escape for
 * callers of the library (preport's page).
 */
#include <errno.h>

#include "out/emit_impl.h"
#include "out/escape.h"

#define FBUF	256

size_t
pk_fput_display(FILE *fp, const char *s)
{
	char buf[FBUF];
	struct obuf b = { buf, 0, sizeof(buf), fp, 0, 0 };
	size_t w;

	w = pk_esc_display(&b, s, 0);
	pk_ob_drain(&b);
	return w;
}

void
pk_fput_xml(FILE *fp, const char *s)
{
	char buf[FBUF];
	struct obuf b = { buf, 0, sizeof(buf), fp, 0, 0 };

	pk_esc_xml(&b, s);
	pk_ob_drain(&b);
}

int
pk_escape(FILE *out, const char *s, int ctx)
{
	char buf[FBUF];
	struct obuf b = { buf, 0, sizeof(buf), out, 0, 0 };

	if (out == NULL || s == NULL || ctx < PK_ESC_TEXT ||
	    ctx > PK_ESC_HTML_ATTR)
		return PK_ERR_USAGE;
	if (ctx == PK_ESC_TEXT || ctx == PK_ESC_MD)
		(void)pk_esc_display(&b, s, ctx == PK_ESC_MD);
	else
		pk_esc_html(&b, s, ctx == PK_ESC_HTML_ATTR);
	pk_ob_drain(&b);
	if (b.status != 0)
		errno = b.errnum;
	return b.status;
}
