/*
 * emit_text.c - the text format: an aligned table for people.
 *
 * Column widths are not known until the rows are seen, and a table of a
 * million ports cannot be held whole.  The first TEXT_ROWS rows (or
 * TEXT_BYTES of them) are rendered into the scratch area and held; the
 * widths are fixed from them, the hints and the header, and from then on
 * each row streams with those widths (a later, wider cell just sticks
 * out).
 */
#include <stddef.h>

#include "out/emit_impl.h"

#define TEXT_BYTES	((size_t)8 << 20) /* or when this much is rendered */

static const char spaces[] = "                                ";

static void
ob_spaces(struct obuf *b, size_t n)
{
	size_t k;

	for (; n > 0; n -= k) {
		k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		ob_put(b, spaces, k);
	}
}

/* Render one row into the scratch area as cells[0..nfields). */
static void
text_render(struct pk_writer *w, const struct pk_value *vals,
    struct cell *cells)
{
	size_t i;

	for (i = 0; i < w->nfields; i++) {
		cells[i].off = w->scratch.len;
		cells[i].width = pk_put_display(&w->scratch, &w->fields[i],
		    &vals[i], 0);
		cells[i].len = w->scratch.len - cells[i].off;
	}
}

/* Two spaces between columns; numbers right-aligned; no trailing pad. */
static void
text_line(struct pk_writer *w, const struct cell *cells)
{
	size_t i, pad;

	for (i = 0; i < w->nfields; i++) {
		pad = cells[i].width < w->widths[i] ?
		    w->widths[i] - cells[i].width : 0;
		if (i > 0)
			ob_put(&w->out, "  ", 2);
		if (numeric(&w->fields[i]))
			ob_spaces(&w->out, pad);
		ob_put(&w->out, w->scratch.p + cells[i].off, cells[i].len);
		if (!numeric(&w->fields[i]) && i + 1 < w->nfields)
			ob_spaces(&w->out, pad);
	}
	ob_putc(&w->out, '\n');
}

/* The header names, upper-cased, rendered after the held rows. */
static void
text_header(struct pk_writer *w, struct cell *hdr)
{
	size_t i, j;
	char *p;

	for (i = 0; i < w->nfields; i++) {
		hdr[i].off = w->scratch.len;
		hdr[i].width = pk_esc_display(&w->scratch, w->fields[i].name,
		    0);
		hdr[i].len = w->scratch.len - hdr[i].off;
	}
	if (w->scratch.status != 0)
		return;
	for (i = 0; i < w->nfields; i++)
		for (p = w->scratch.p + hdr[i].off, j = 0; j < hdr[i].len; j++)
			if (p[j] >= 'a' && p[j] <= 'z')
				p[j] = (char)(p[j] - 'a' + 'A');
}

/*
 * Fix the widths from the hints, the header and the held rows, then
 * write them all.  From here on rows stream through cells[0..nfields).
 */
void
pk_text_commit(struct pk_writer *w)
{
	struct cell *hdr = w->cells + w->nheld * w->nfields;
	size_t i, r;

	w->fixed = 1;
	if (!(w->flags & PK_WR_NOHEADER))
		text_header(w, hdr);
	for (i = 0; i < w->nfields; i++) {
		w->widths[i] = w->fields[i].width > 0 ?
		    (size_t)w->fields[i].width : 0;
		for (r = 0; r <= w->nheld; r++) {
			if (r == w->nheld && (w->flags & PK_WR_NOHEADER))
				break;
			if (w->cells[r * w->nfields + i].width > w->widths[i])
				w->widths[i] = w->cells[r * w->nfields +
				    i].width;
		}
	}
	if (w->scratch.status == 0 && !(w->flags & PK_WR_NOHEADER))
		text_line(w, hdr);
	for (r = 0; w->scratch.status == 0 && r < w->nheld; r++)
		text_line(w, w->cells + r * w->nfields);
	w->nheld = 0;
	w->scratch.len = 0;
}

/* Hold the row while the widths are open, else write it at once. */
void
pk_text_row(struct pk_writer *w, const struct pk_value *vals)
{
	if (w->fixed) {
		w->scratch.len = 0;
		text_render(w, vals, w->cells);
		if (w->scratch.status == 0)
			text_line(w, w->cells);
		return;
	}
	text_render(w, vals, w->cells + w->nheld * w->nfields);
	w->nheld++;
	if (w->nheld == TEXT_ROWS || w->scratch.len >= TEXT_BYTES)
		pk_text_commit(w);
}
