/*
 * emit_impl.h - the row writers' internals shared by emit.c (the writer
 * and its formats), emit_buf.c (the output buffer), cell.c (one cell),
 * escape.c (per-format escaping), tsv.c (tsv rows) and emit_text.c (the
 * aligned text table).
 *
 * ob_put and ob_putc are static inline here because
 * every escaped byte goes through them; a call per byte would show in
 * pcat -o tsv.
 */
#ifndef PK_EMIT_IMPL_H
#define PK_EMIT_IMPL_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "portkit.h"

#define TEXT_ROWS	1000		/* rows held to size text columns */
#define NOCOL		((size_t)-1)

/*
 * An output buffer: drained to fp with fwrite when full, or, with fp
 * NULL, a growing scratch area.  The first failure sticks in status.
 */
struct obuf {
	char		*p;
	size_t		 len;
	size_t		 cap;
	FILE		*fp;
	int		 status;
	int		 errnum;
};

/* A rendered text cell held in the scratch area. */
struct cell {
	size_t		 off;
	size_t		 len;
	size_t		 width;		/* in code points */
};

struct pk_writer {
	struct obuf	 out;
	struct obuf	 scratch;	/* text: rendered cells; jsonl: keys */
	enum pk_outfmt	 fmt;
	const struct pk_field *fields;
	size_t		 nfields;
	unsigned	 flags;
	unsigned long	 rows;
	int		 started;	/* header (if any) written */
	size_t		 host_col;	/* list */
	size_t		 port_col;
	size_t		*keyoff;	/* jsonl: "name": at scratch + keyoff */
	struct cell	*cells;		/* text: nfields per held row */
	size_t		 nheld;
	size_t		*widths;
	int		 fixed;		/* text widths decided */
	size_t		 hold;		/* tsv: leading cells kept (hold.h) */
	int		 held;		/* those cells are in scratch */
	unsigned char	*tsvkind;	/* tsv: each column's TSV_ kind */
};

/* emit_buf.c: the buffer and numbers written without printf. */
void	pk_ob_fail(struct obuf *b, int status, int errnum);
void	pk_ob_drain(struct obuf *b);
void	pk_ob_put_slow(struct obuf *b, const void *s, size_t n);
void	pk_ob_putc_slow(struct obuf *b, char c);
void	pk_ob_ll(struct obuf *b, long long v);
void	pk_ob_double(struct obuf *b, double d, int json);

static inline void
ob_put(struct obuf *b, const void *s, size_t n)
{
	if (n <= b->cap - b->len) {
		memcpy(b->p + b->len, s, n);
		b->len += n;
	} else
		pk_ob_put_slow(b, s, n);
}

/* emit_buf.c: every number below 100 as two digits. */
extern const char pk_digit_pairs[200];

/*
 * The digits of x, below 100000, written at d (five bytes of room):
 * two at a time from the last, in 32-bit arithmetic.  Their count.
 */
static inline size_t
pk_put_short(char *d, unsigned x)
{
	size_t n;
	unsigned q;

	n = x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : x < 10000 ? 4 : 5;
	d += n;
	while (x >= 100) {
		q = x / 100;
		d -= 2;
		memcpy(d, pk_digit_pairs + 2 * (x - q * 100), 2);
		x = q;
	}
	if (x >= 10)
		memcpy(d - 2, pk_digit_pairs + 2 * x, 2);
	else
		d[-1] = (char)('0' + x);
	return n;
}

/* No &c here: a local whose address is taken costs its caller a guard. */
static inline void
ob_putc(struct obuf *b, char c)
{
	if (b->len < b->cap)
		b->p[b->len++] = c;
	else
		pk_ob_putc_slow(b, c);
}

/* tsv.c: what a column's cells hold, for pk_tsv_row. */
enum { TSV_STR, TSV_INT, TSV_NUM };
void	pk_tsv_kinds(const struct pk_field *f, size_t n, unsigned char *kind);
/* tsv.c: one tsv row, cells joined by tabs, ended by a newline; b has fp. */
void	pk_tsv_row(struct obuf *b, const unsigned char *kind,
	    const struct pk_value *v, size_t n);
/* tsv.c: a row whose first w->hold cells are those of the last row. */
void	pk_tsv_row_held(struct pk_writer *w, const struct pk_value *v);

/* escape.c: one function per format; esc_display returns a width. */
void	pk_esc_tsv(struct obuf *b, const char *s);
void	pk_esc_csv(struct obuf *b, const char *s, int safe);
void	pk_esc_json(struct obuf *b, const char *s);
size_t	pk_esc_display(struct obuf *b, const char *s, int md);
void	pk_esc_xml(struct obuf *b, const char *s);
/* html text (attr 0) or a quoted attribute value (attr 1). */
void	pk_esc_html(struct obuf *b, const char *s, int attr);

/* cell.c: a number in any format (json: null for NaN and infinities). */
void	pk_put_number(struct obuf *b, const struct pk_field *f,
	    const struct pk_value *v, int json);
/* cell.c: a cell as people see it ("-" when empty); its width. */
size_t	pk_put_display(struct obuf *b, const struct pk_field *f,
	    const struct pk_value *v, int md);

/* emit_text.c: hold rows until the widths are known, then stream. */
void	pk_text_row(struct pk_writer *w, const struct pk_value *vals);
void	pk_text_commit(struct pk_writer *w);

/* No value, or a string field without a string. */
static inline int
pk_cell_absent(const struct pk_field *f, const struct pk_value *v)
{
	return !v->set || ((f->type == PK_FT_STR || f->type == PK_FT_JSON) &&
	    v->s == NULL);
}

static inline int
numeric(const struct pk_field *f)
{
	return f->type == PK_FT_INT || f->type == PK_FT_NUM;
}

#endif /* PK_EMIT_IMPL_H */
