/*
 * escape_file.c - the writers' escaping onto a stdio stream, for reports
 * printed with stdio (pdiff's text and ndiff outputs).
 */
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
