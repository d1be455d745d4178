/*
 * cell.c - one cell of a row, as a number or as people read it.
 */
#include "out/emit_impl.h"

/* A number in any format; json selects null for NaN and infinities. */
void
pk_put_number(struct obuf *b, const struct pk_field *f, const struct pk_value *v,
    int json)
{
	if (f->type == PK_FT_INT)
		pk_ob_ll(b, v->i);
	else
		pk_ob_double(b, v->d, json);
}

/* A cell as people see it: "-" when absent or empty; returns its width. */
size_t
pk_put_display(struct obuf *b, const struct pk_field *f,
    const struct pk_value *v, int md)
{
	size_t start = b->len;

	if (pk_cell_absent(f, v) || (!numeric(f) && v->s[0] == '\0')) {
		if (md)
			return 0;
		ob_putc(b, '-');
		return 1;
	}
	if (!numeric(f))
		return pk_esc_display(b, v->s, md);
	pk_put_number(b, f, v, 0);
	/* Numbers are ASCII; the scratch buffer never drains. */
	return b->len - start;
}
