/*
 * tsv.c - tsv rows, the format pipelines read most.
 *
 * A row is a handful of short cells (an address, "tcp", a port, "open",
 * a service name), so the cost is per cell, not per byte.  A plain cell
 * (printable ASCII but backslash: nearly all of them) is checked and
 * copied a word at a time; any other goes to pk_esc_tsv (escape.c),
 * which holds the escaping rules.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/proto.h"
#include "out/emit_impl.h"

#define ONES	((uint64_t)0x0101010101010101u)
#define HIGHS	(ONES * 0x80)

/*
 * The bytes of x that a tsv cell cannot carry as they are (a high bit,
 * a byte below 0x20, a backslash or DEL), each marked by its high bit.
 * With the high bits cleared (a), no byte carries into the next:
 * a + 0x01 sets it for DEL, a + 0x60 for 0x20 and up, and
 * (a ^ '\\') + 0x7f for all but a backslash.
 */
static uint64_t
bytes_special(uint64_t x)
{
	uint64_t a = x & ~HIGHS;

	return (x | (a + ONES) |
	    ~((a + ONES * 0x60) & ((a ^ ONES * '\\') + ONES * 0x7f))) & HIGHS;
}

/*
 * The row being written: its next byte and the buffer's end, kept in
 * registers while the cells are plain; what is not (a cell to escape, a
 * number not short, a full buffer) brings the buffer up to date, goes
 * through its functions and takes the cursor up again after them.
 */
struct cursor {
	struct obuf	*b;
	char		*d;
	char		*end;
};

static void
cur_sync(struct cursor *c)
{
	c->b->len = (size_t)(c->d - c->b->p);
}

static void
cur_resume(struct cursor *c)
{
	c->d = c->b->p + c->b->len;
	c->end = c->b->p + c->b->cap;
}

/*
 * Copy the n bytes at s and a tab if the bytes are all plain and fit;
 * 0 if not, with nothing counted as written (what was copied past the
 * cursor, the escaper writes over).  Eight bytes and more go a word at
 * a time, the last word overlapping the one before; four to seven as
 * two overlapping halves checked as one word; below four the first,
 * middle and last byte.  No call: for cells this short a call to memcpy
 * cost more than the bytes.
 */
static int
put_plain(struct cursor *c, const char *s, size_t n)
{
	char *d = c->d;
	uint64_t x, y;
	uint32_t u, v;
	size_t i;

	if (n >= (size_t)(c->end - d))
		return 0;
	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&x, s + i, 8);
			if (bytes_special(x) != 0)
				return 0;
			memcpy(d + i, &x, 8);
		}
		memcpy(&y, s + n - 8, 8);
		if (bytes_special(y) != 0)
			return 0;
		memcpy(d + n - 8, &y, 8);
	} else if (n >= 4) {
		memcpy(&u, s, 4);
		memcpy(&v, s + n - 4, 4);
		if (bytes_special((uint64_t)u << 32 | v) != 0)
			return 0;
		memcpy(d, &u, 4);
		memcpy(d + n - 4, &v, 4);
	} else if (n > 0) {
		/* The other five bytes are spaces: plain. */
		x = (ONES * ' ') << 24 | (uint64_t)(unsigned char)s[0] |
		    (uint64_t)(unsigned char)s[n / 2] << 8 |
		    (uint64_t)(unsigned char)s[n - 1] << 16;
		if (bytes_special(x) != 0)
			return 0;
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
	d[n] = '\t';
	c->d = d + n + 1;
	return 1;
}

/*
 * A port row's protocol and state are nearly always "tcp" and "open",
 * one pointer each (base/proto.c): their bytes are known, so they need
 * no strlen or check.
 */
static int
put_known(struct cursor *c, const char *s)
{
	if (s == pk_proto_names[PK_PROTO_TCP] && c->end - c->d > 4) {
		memcpy(c->d, "tcp\t", 4);
		c->d += 4;
		return 1;
	}
	if (s == pk_state_names[PK_STATE_OPEN] && c->end - c->d > 5) {
		memcpy(c->d, "open\t", 5);
		c->d += 5;
		return 1;
	}
	return 0;
}

/*
 * One cell and the tab after it, by its column's kind (pk_tsv_kinds):
 * the absent cell (pk_cell_absent's rule, tested per kind), the known
 * name, the plain string and the short number are written in the
 * cursor; the rest brings the buffer up to date and goes through the
 * escaper or the number writers.
 */
static void
tsv_cell(struct cursor *c, unsigned char kind, const struct pk_value *v)
{
	const char *s;

	switch (kind) {
	case TSV_STR:
		if (!v->set || (s = v->s) == NULL)
			break;
		if (put_known(c, s) || put_plain(c, s, strlen(s)))
			return;
		cur_sync(c);
		pk_esc_tsv(c->b, s);
		cur_resume(c);
		break;
	case TSV_INT:
		if (!v->set)
			break;
		if (v->i >= 0 && v->i < 100000 && c->end - c->d >= 6) {
			c->d += pk_put_short(c->d, (unsigned)v->i);
			*c->d++ = '\t';
			return;
		}
		cur_sync(c);
		pk_ob_ll(c->b, v->i);
		cur_resume(c);
		break;
	default:
		if (!v->set)
			break;
		cur_sync(c);
		pk_ob_double(c->b, v->d, 0);
		cur_resume(c);
		break;
	}
	if (c->d < c->end)
		*c->d++ = '\t';
	else {
		cur_sync(c);
		pk_ob_putc_slow(c->b, '\t');
		cur_resume(c);
	}
}

/*
 * What each column's cells hold, for tsv_cell: found once a writer, so
 * that a cell costs one test of its kind (its field's type took two).
 */
void
pk_tsv_kinds(const struct pk_field *f, size_t n, unsigned char *kind)
{
	size_t i;

	for (i = 0; i < n; i++)
		kind[i] = f[i].type == PK_FT_INT ? TSV_INT :
		    f[i].type == PK_FT_STR || f[i].type == PK_FT_JSON ?
		    TSV_STR : TSV_NUM;
}

/*
 * Every cell is written with a tab after it, and the last tab becomes
 * the newline.  b drains to a file (a writer's output), so a byte just
 * put is always still in the buffer, after a failed write too.
 */
void
pk_tsv_row(struct obuf *b, const unsigned char *kind,
    const struct pk_value *v, size_t n)
{
	struct cursor c;
	size_t i;

	c.b = b;
	cur_resume(&c);
	for (i = 0; i < n; i++)
		tsv_cell(&c, kind[i], &v[i]);
	cur_sync(&c);
	if (n > 0 && b->len > 0)
		b->p[b->len - 1] = '\n';
	else
		ob_putc(b, '\n');
}

/*
 * The n bytes at s, copied sixteen at a time: a host's held cells are
 * some 35 bytes, for which a memcpy call cost more than the copy.  The
 * bytes copied past n are inside both buffers (the caller checks) and
 * the row's next cells write over them.
 */
static void
put_held(struct obuf *b, const char *s, size_t n, size_t scap)
{
	char *d = b->p + b->len;
	size_t i;

	if (n + 16 > b->cap - b->len || n + 16 > scap) {
		ob_put(b, s, n);
		return;
	}
	for (i = 0; i < n; i += 16)
		memcpy(d + i, s + i, 16);
	b->len += n;
}

/*
 * The held cells (a host's address and name, the same on each of its
 * port rows) are rendered with their tabs into scratch on the first row
 * after pk_writer_hold, and copied from there on the rows after it.
 */
void
pk_tsv_row_held(struct pk_writer *w, const struct pk_value *v)
{
	if (!w->held) {
		w->scratch.len = 0;
		pk_tsv_row(&w->scratch, w->tsvkind, v, w->hold);
		if (w->scratch.status == 0)	/* the newline back to a tab */
			w->scratch.p[w->scratch.len - 1] = '\t';
		w->held = 1;
	}
	put_held(&w->out, w->scratch.p, w->scratch.len, w->scratch.cap);
	pk_tsv_row(&w->out, w->tsvkind + w->hold, v + w->hold,
	    w->nfields - w->hold);
}
