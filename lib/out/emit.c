/*
 * emit.c - row writers: text, tsv, csv, jsonl, md and list.
 *
 * The writer: its life cycle, the format names, and one row function per
 * format but text (emit_text.c) and tsv (tsv.c).  Every byte goes
 * through one 64 KiB buffer (emit_buf.c), cells (cell.c) and the
 * per-format escapers (escape.c): pcat -o tsv spends much of its time
 * there, so escaping copies runs of plain bytes with memcpy and integers
 * are formatted by hand.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/emit_impl.h"
#include "out/hold.h"

#define OBUF_SIZE	((size_t)64 << 10)

static const char *const outfmt_names[] = {
	[PK_OUT_TEXT] = "text",
	[PK_OUT_TSV] = "tsv",
	[PK_OUT_CSV] = "csv",
	[PK_OUT_JSONL] = "jsonl",
	[PK_OUT_MD] = "md",
	[PK_OUT_LIST] = "list"
};
#define NOUTFMTS	(sizeof(outfmt_names) / sizeof(outfmt_names[0]))

const char *
pk_outfmt_name(int fmt)
{
	if (fmt < 0 || (size_t)fmt >= NOUTFMTS)
		return NULL;
	return outfmt_names[fmt];
}

int
pk_outfmt_parse(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NOUTFMTS; i++)
		if (strcmp(name, outfmt_names[i]) == 0)
			return (int)i;
	return -1;
}

/* --- tsv, csv, jsonl, md ------------------------------------------------ */

static void
header_tsv_csv(struct pk_writer *w)
{
	size_t i;

	for (i = 0; i < w->nfields; i++) {
		if (i > 0)
			ob_putc(&w->out, w->fmt == PK_OUT_TSV ? '\t' : ',');
		if (w->fmt == PK_OUT_TSV)
			pk_esc_tsv(&w->out, w->fields[i].name);
		else
			pk_esc_csv(&w->out, w->fields[i].name, 0);
	}
	ob_putc(&w->out, '\n');
}

static void
row_csv(struct pk_writer *w, const struct pk_value *vals)
{
	const struct pk_field *f;
	size_t i;

	for (i = 0; i < w->nfields; i++) {
		f = &w->fields[i];
		if (i > 0)
			ob_putc(&w->out, ',');
		if (pk_cell_absent(f, &vals[i]))
			continue;
		if (numeric(f))
			pk_put_number(&w->out, f, &vals[i], 0);
		else
			pk_esc_csv(&w->out, vals[i].s,
			    (w->flags & PK_WR_CSV_SAFE) != 0);
	}
	ob_putc(&w->out, '\n');
}

static void
row_json(struct pk_writer *w, const struct pk_value *vals)
{
	const struct pk_field *f;
	size_t i;
	int first = 1;

	ob_putc(&w->out, '{');
	for (i = 0; i < w->nfields; i++) {
		f = &w->fields[i];
		if (pk_cell_absent(f, &vals[i]))
			continue;
		if (!first)
			ob_putc(&w->out, ',');
		first = 0;
		ob_put(&w->out, w->scratch.p + w->keyoff[i],
		    w->keyoff[i + 1] - w->keyoff[i]);
		if (f->type == PK_FT_STR)
			pk_esc_json(&w->out, vals[i].s);
		else if (f->type == PK_FT_JSON)
			ob_put(&w->out, vals[i].s, strlen(vals[i].s));
		else
			pk_put_number(&w->out, f, &vals[i], 1);
	}
	ob_put(&w->out, "}\n", 2);
}

static void
header_md(struct pk_writer *w)
{
	size_t i;

	ob_putc(&w->out, '|');
	for (i = 0; i < w->nfields; i++) {
		ob_putc(&w->out, ' ');
		pk_esc_display(&w->out, w->fields[i].name, 1);
		ob_put(&w->out, " |", 2);
	}
	ob_put(&w->out, "\n|", 2);
	for (i = 0; i < w->nfields; i++)
		if (numeric(&w->fields[i]))
			ob_put(&w->out, "---:|", 5);
		else
			ob_put(&w->out, "---|", 4);
	ob_putc(&w->out, '\n');
}

static void
row_md(struct pk_writer *w, const struct pk_value *vals)
{
	size_t i;

	ob_putc(&w->out, '|');
	for (i = 0; i < w->nfields; i++) {
		ob_putc(&w->out, ' ');
		pk_put_display(&w->out, &w->fields[i], &vals[i], 1);
		ob_put(&w->out, " |", 2);
	}
	ob_putc(&w->out, '\n');
}

/* host:port, [v6]:port, or the host alone; a row with no host is skipped. */
static void
row_list(struct pk_writer *w, const struct pk_value *vals)
{
	const struct pk_field *hf = &w->fields[w->host_col];
	const struct pk_value *h = &vals[w->host_col];
	int v6, port;

	if (pk_cell_absent(hf, h))
		return;
	port = w->port_col != NOCOL &&
	    !pk_cell_absent(&w->fields[w->port_col], &vals[w->port_col]);
	v6 = port && hf->type == PK_FT_STR && strchr(h->s, ':') != NULL;
	if (v6)
		ob_putc(&w->out, '[');
	pk_put_display(&w->out, hf, h, 0);
	if (v6)
		ob_putc(&w->out, ']');
	if (port) {
		ob_putc(&w->out, ':');
		pk_put_display(&w->out, &w->fields[w->port_col],
		    &vals[w->port_col], 0);
	}
	ob_putc(&w->out, '\n');
}

/* --- The writer ---------------------------------------------------------- */

static size_t
find_field(const struct pk_field *fields, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fields[i].name != NULL && strcmp(fields[i].name, name) == 0)
			return i;
	return NOCOL;
}

/* jsonl: render every "name": once, at scratch + keyoff[i]. */
static int
json_keys(struct pk_writer *w)
{
	size_t i;

	if ((w->keyoff = calloc(w->nfields + 1, sizeof(size_t))) == NULL)
		return -1;
	for (i = 0; i < w->nfields; i++) {
		w->keyoff[i] = w->scratch.len;
		pk_esc_json(&w->scratch, w->fields[i].name);
		ob_putc(&w->scratch, ':');
	}
	w->keyoff[w->nfields] = w->scratch.len;
	return w->scratch.status == 0 ? 0 : -1;
}

static int
writer_alloc(struct pk_writer *w)
{
	size_t ncells;

	w->out.cap = OBUF_SIZE;
	w->scratch.cap = 4096;
	if ((w->out.p = malloc(w->out.cap)) == NULL ||
	    (w->scratch.p = malloc(w->scratch.cap)) == NULL)
		return -1;
	if (w->fmt == PK_OUT_JSONL)
		return json_keys(w);
	if (w->fmt == PK_OUT_TSV) {
		if ((w->tsvkind = malloc(w->nfields + 1)) == NULL)
			return -1;
		pk_tsv_kinds(w->fields, w->nfields, w->tsvkind);
		return 0;
	}
	if (w->fmt != PK_OUT_TEXT)
		return 0;
	/* Held rows plus one for the header. */
	ncells = (TEXT_ROWS + 1) * (w->nfields > 0 ? w->nfields : 1);
	if ((w->cells = calloc(ncells, sizeof(*w->cells))) == NULL ||
	    (w->widths = calloc(w->nfields + 1, sizeof(size_t))) == NULL)
		return -1;
	return 0;
}

struct pk_writer *
pk_writer_new(FILE *out, enum pk_outfmt fmt, const struct pk_field *fields,
    size_t nfields, unsigned flags)
{
	struct pk_writer *w;
	size_t i;

	for (i = 0; fields != NULL && i < nfields; i++)
		if (fields[i].name == NULL)
			break;
	if (out == NULL || (unsigned)fmt >= NOUTFMTS || i < nfields ||
	    (fmt == PK_OUT_LIST &&
	    find_field(fields, nfields, "host") == NOCOL)) {
		errno = EINVAL;
		return NULL;
	}
	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	w->out.fp = out;
	w->fmt = fmt;
	w->fields = fields;
	w->nfields = nfields;
	w->flags = flags;
	w->host_col = find_field(fields, nfields, "host");
	w->port_col = find_field(fields, nfields, "port");
	if (writer_alloc(w) != 0) {
		pk_writer_free(w);
		errno = ENOMEM;
		return NULL;
	}
	return w;
}

/* The first failure, with errno set again for PK_ERR_IO. */
static int __attribute__((noinline))
writer_failed(const struct pk_writer *w)
{
	const struct obuf *b;

	b = w->out.status != 0 ? &w->out : &w->scratch;
	errno = b->errnum;
	return b->status;
}

/* 0, or the first failure: tested before and after every row. */
static inline int
writer_status(const struct pk_writer *w)
{
	if (w->out.status == 0 && w->scratch.status == 0)
		return 0;
	return writer_failed(w);
}

static void __attribute__((noinline))
write_header(struct pk_writer *w)
{
	w->started = 1;
	if (w->flags & PK_WR_NOHEADER)
		return;
	if (w->fmt == PK_OUT_TSV || w->fmt == PK_OUT_CSV)
		header_tsv_csv(w);
	else if (w->fmt == PK_OUT_MD)
		header_md(w);
}

/*
 * Every format but tsv, out of line: tsv rows, the ones pipelines read
 * by the million, then save no registers for the others.
 */
static void __attribute__((noinline))
row_other(struct pk_writer *w, const struct pk_value *vals)
{
	switch (w->fmt) {
	case PK_OUT_TEXT:
		pk_text_row(w, vals);
		break;
	case PK_OUT_CSV:
		row_csv(w, vals);
		break;
	case PK_OUT_JSONL:
		row_json(w, vals);
		break;
	case PK_OUT_MD:
		row_md(w, vals);
		break;
	case PK_OUT_LIST:
		row_list(w, vals);
		break;
	case PK_OUT_TSV:
		break;
	}
}

int
pk_writer_row(struct pk_writer *w, const struct pk_value *vals)
{
	int rc;

	if (w == NULL || (vals == NULL && w->nfields > 0))
		return PK_ERR_USAGE;
	if ((rc = writer_status(w)) != 0)
		return rc;
	if (!w->started)
		write_header(w);
	if (w->fmt != PK_OUT_TSV)
		row_other(w, vals);
	else if (w->hold > 0)
		pk_tsv_row_held(w, vals);
	else
		pk_tsv_row(&w->out, w->tsvkind, vals, w->nfields);
	if ((rc = writer_status(w)) != 0)
		return rc;
	w->rows++;
	return PK_OK;
}

void
pk_writer_hold(struct pk_writer *w, size_t n)
{
	if (w == NULL)
		return;
	/* A row must keep a cell of its own to end in a newline. */
	w->hold = w->fmt == PK_OUT_TSV && n < w->nfields ? n : 0;
	w->held = 0;
}

int
pk_writer_flush(struct pk_writer *w)
{
	if (w == NULL)
		return PK_ERR_USAGE;
	if (w->fmt == PK_OUT_TEXT && !w->fixed && w->nheld > 0)
		pk_text_commit(w);
	pk_ob_drain(&w->out);
	errno = 0;
	if (w->out.status == 0 && fflush(w->out.fp) != 0)
		pk_ob_fail(&w->out, PK_ERR_IO, errno != 0 ? errno : EIO);
	return writer_status(w);
}

unsigned long
pk_writer_rows(const struct pk_writer *w)
{
	return w != NULL ? w->rows : 0;
}

void
pk_writer_free(struct pk_writer *w)
{
	if (w == NULL)
		return;
	if (w->out.p != NULL)
		(void)pk_writer_flush(w);
	free(w->out.p);
	free(w->scratch.p);
	free(w->keyoff);
	free(w->tsvkind);
	free(w->cells);
	free(w->widths);
	free(w);
}
