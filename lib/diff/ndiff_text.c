/*
 * ndiff_text.c - write a comparison as ndiff 7.93's text does: diff-style
 * marks and a port table padded like Nmap's.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/diff_impl.h"
#include "diff/ndiff.h"
#include "out/escape.h"

/* --- Text ------------------------------------------------------------- */

struct nrow {
	char		*raw;
	char		*col[5];
	int		 ncol;
};

struct ntable {
	struct nrow	*rows;
	size_t		 n;
	size_t		 cap;
	size_t		 w[5];
	int		 oom;
};

static struct nrow *
table_row(struct ntable *t)
{
	if (t->n == t->cap) {
		size_t nc = t->cap == 0 ? 16 : t->cap * 2;
		void *p = realloc(t->rows, nc * sizeof(*t->rows));

		if (p == NULL) {
			t->oom = 1;
			return NULL;
		}
		t->rows = p;
		t->cap = nc;
	}
	memset(&t->rows[t->n], 0, sizeof(*t->rows));
	return &t->rows[t->n++];
}

/* A row of cells; trailing NULL cells are dropped, inner ones empty. */
static void
table_add(struct ntable *t, char *const cells[5])
{
	struct nrow *r;
	int i, n = 5;
	size_t len;

	while (n > 0 && cells[n - 1] == NULL)
		n--;
	if ((r = table_row(t)) == NULL)
		return;
	r->ncol = n;
	for (i = 0; i < n; i++) {
		r->col[i] = strdup(cells[i] != NULL ? cells[i] : "");
		if (r->col[i] == NULL) {
			t->oom = 1;
			continue;
		}
		if ((len = strlen(r->col[i])) > t->w[i])
			t->w[i] = len;
	}
}

static void
table_raw(struct ntable *t, char mark, const char *line)
{
	struct nrow *r;
	size_t n = strlen(line);

	if ((r = table_row(t)) == NULL)
		return;
	if ((r->raw = malloc(n + 2)) == NULL) {
		t->oom = 1;
		return;
	}
	r->raw[0] = mark;
	memcpy(r->raw + 1, line, n + 1);
}

/* One line of the report: what came from the scan escaped for a terminal. */
static void
line_out(FILE *out, const char *line)
{
	(void)pk_fput_display(out, line);
	fputc('\n', out);
}

static void
table_print(struct ntable *t, FILE *out)
{
	size_t i, len;
	int c;

	for (i = 0; i < t->n; i++) {
		struct nrow *r = &t->rows[i];
		char *line;
		size_t cap = 16, pos = 0;

		if (r->raw != NULL) {
			line_out(out, r->raw);
			continue;
		}
		for (c = 0; c < r->ncol; c++)
			cap += t->w[c] + 1;
		if ((line = malloc(cap)) == NULL) {
			t->oom = 1;
			return;
		}
		for (c = 0; c < r->ncol; c++) {
			len = strlen(r->col[c]);
			memcpy(line + pos, r->col[c], len);
			memset(line + pos + len, ' ', t->w[c] - len);
			pos += t->w[c];
			/* Template "** * * *": no gap after the mark. */
			if (c >= 1 && c < 4)
				line[pos++] = ' ';
		}
		while (pos > 0 && line[pos - 1] == ' ')
			pos--;
		line[pos] = '\0';
		line_out(out, line);
		free(line);
	}
}

static void
table_free(struct ntable *t)
{
	size_t i;
	int c;

	for (i = 0; i < t->n; i++) {
		free(t->rows[i].raw);
		for (c = 0; c < t->rows[i].ncol; c++)
			free(t->rows[i].col[c]);
	}
	free(t->rows);
}

/* Python's str.splitlines() for the usual separators. */
static size_t
split_lines(char *s, const char **lines, size_t max)
{
	size_t n = 0;
	char *p = s;

	while (*p != '\0' && n < max) {
		lines[n++] = p;
		while (*p != '\0' && strchr("\n\r\v\f\034\035\036", *p) == NULL)
			p++;
		if (*p == '\0')
			break;
		if (p[0] == '\r' && p[1] == '\n')
			*p++ = '\0';
		*p++ = '\0';
	}
	return n;
}

/* ScriptResult.get_lines(): "|  id: first", ..., "|_ last". */
static char **
script_lines(const struct pk_script *s, size_t *n)
{
	const char **ln;
	char **out, *buf;
	size_t i, max, len;

	*n = 0;
	if (s == NULL || s->output == NULL)
		return NULL;
	len = strlen(s->output);
	max = len + 1;
	ln = calloc(max, sizeof(*ln));
	out = calloc(max, sizeof(*out));
	buf = strdup(s->output);
	if (ln == NULL || out == NULL || buf == NULL)
		goto fail;
	*n = split_lines(buf, ln, max);
	for (i = 0; i < *n; i++) {
		len = strlen(ln[i]) + strlen(s->id) + 8;
		if ((out[i] = malloc(len)) == NULL)
			goto fail;
		(void)snprintf(out[i], len, "%s%s%s%s",
		    i + 1 < *n ? "|  " : "|_ ", i == 0 ? s->id : "",
		    i == 0 ? ": " : "", ln[i]);
	}
	free(ln);
	free(buf);
	return out;
fail:
	for (i = 0; out != NULL && i < *n; i++)
		free(out[i]);
	free(ln);
	free(out);
	free(buf);
	*n = 0;
	return NULL;
}

static void
free_lines(char **l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

static void
sr_append(struct ntable *t, const struct pk_nd_srdiff *sd)
{
	struct pk_seq_op *ops;
	size_t na, nb, nops, i, k;
	char **a = script_lines(sd->a, &na), **b = script_lines(sd->b, &nb);

	/* NULL for a script with output: out of memory, not no lines. */
	if ((a == NULL && sd->a != NULL && sd->a->output != NULL) ||
	    (b == NULL && sd->b != NULL && sd->b->output != NULL)) {
		t->oom = 1;
		free_lines(a, na);
		free_lines(b, nb);
		return;
	}
	if (pk_seq_opcodes((const char *const *)a, na,
	    (const char *const *)b, nb, &ops, &nops) != 0) {
		t->oom = 1;
		nops = 0;
		ops = NULL;
	}
	for (i = 0; i < nops; i++) {
		struct pk_seq_op *o = &ops[i];

		if (o->tag == PK_SEQ_EQUAL) {
			for (k = o->i1; k < o->i2; k++)
				table_raw(t, ' ', a[k]);
			continue;
		}
		if (o->tag != PK_SEQ_INSERT)
			for (k = o->i1; k < o->i2; k++)
				table_raw(t, '-', a[k]);
		if (o->tag != PK_SEQ_DELETE)
			for (k = o->j1; k < o->j2; k++)
				table_raw(t, '+', b[k]);
	}
	free(ops);
	free_lines(a, na);
	free_lines(b, nb);
}

static void
print_name(FILE *out, char mark, const struct pk_nd_host *n)
{
	size_t i;

	fputc(mark, out);
	for (i = 0; i < n->nnames; i++) {
		fputs(i > 0 ? ", " : "", out);
		(void)pk_fput_display(out, n->names[i]);
	}
	if (n->nnames > 0 && n->naddrs > 0)
		fputs(" (", out);
	for (i = 0; i < n->naddrs; i++) {
		fputs(i > 0 ? ", " : "", out);
		(void)pk_fput_display(out, n->addrs[i]->addr);
	}
	if (n->nnames > 0 && n->naddrs > 0)
		fputc(')', out);
	if (n->nnames == 0 && n->naddrs == 0)
		fputs("<no name>", out);
	fputs(":\n", out);
}

static int
extra_cmp(const void *x, const void *y)
{
	const struct pk_extraports *a = x, *b = y;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(b->state, a->state);
}

static int
print_extra(FILE *out, char mark, const struct pk_host *h)
{
	struct pk_extraports *e;
	size_t i;

	if (h->nextraports == 0)
		return 0;
	if ((e = malloc(h->nextraports * sizeof(*e))) == NULL)
		return -1;
	memcpy(e, h->extraports, h->nextraports * sizeof(*e));
	qsort(e, h->nextraports, sizeof(*e), extra_cmp);
	fprintf(out, "%cNot shown: ", mark);
	for (i = 0; i < h->nextraports; i++) {
		fprintf(out, "%s%ld ", i > 0 ? ", " : "", e[i].count);
		(void)pk_fput_display(out, e[i].state);
		fputs(" ports", out);
	}
	fputc('\n', out);
	free(e);
	return 0;
}

/* PORT, STATE, SERVICE ("ssl/http"), VERSION cells of one side. */
static void
port_cells(const struct pk_port *p, char *cells[5], char *buf, size_t len)
{
	const char *name;
	size_t n;

	n = (size_t)snprintf(buf, len, "%u/%s", p->port,
	    pk_proto_name(p->proto)) + 1;
	cells[1] = buf;
	cells[2] = (char *)(p->state != NULL ? p->state : "unknown");
	cells[3] = NULL;
	if (p->tunnel != NULL || p->service != NULL) {
		cells[3] = buf + n;
		name = pk_port_service(p, buf + n, len - n);
		if (name != buf + n)
			(void)snprintf(buf + n, len - n, "%s",
			    name != NULL ? name : "");
		n += strlen(buf + n) + 1;
	}
	cells[4] = NULL;
	if (p->product != NULL || p->version != NULL || p->extrainfo != NULL) {
		cells[4] = buf + n;
		(void)snprintf(buf + n, len - n, "%s%s%s%s%s%s",
		    p->product != NULL ? p->product : "",
		    p->product != NULL && p->version != NULL ? " " : "",
		    p->version != NULL ? p->version : "",
		    (p->product != NULL || p->version != NULL) &&
		    p->extrainfo != NULL ? " (" : p->extrainfo != NULL ?
		    "(" : "", p->extrainfo != NULL ? p->extrainfo : "",
		    p->extrainfo != NULL ? ")" : "");
	}
}

static size_t
port_len(const struct pk_port *p)
{
	return 64 + 2 * (strlen(p->tunnel ? p->tunnel : "") +
	    strlen(p->service ? p->service : "") +
	    strlen(p->product ? p->product : "") +
	    strlen(p->version ? p->version : "") +
	    strlen(p->extrainfo ? p->extrainfo : ""));
}

static int
cells_eq(char *const a[5], char *const b[5])
{
	int i;

	for (i = 1; i < 5; i++)
		if (a[i] == NULL || b[i] == NULL ? a[i] != b[i] :
		    strcmp(a[i], b[i]) != 0)
			return 0;
	return 1;
}

static void
port_rows(struct ntable *t, const struct pk_nd_diff *hd,
    const struct pk_nd_port *p)
{
	char *ca[5], *cb[5], *ba, *bb;
	size_t la = port_len(&p->pa), lb = port_len(&p->pb), i;

	ba = malloc(la);
	bb = malloc(lb);
	if (ba == NULL || bb == NULL) {
		t->oom = 1;
		goto out;
	}
	port_cells(&p->pa, ca, ba, la);
	port_cells(&p->pb, cb, bb, lb);
	if (cells_eq(ca, cb)) {
		/* ndiff 7.93 dies here (list > int); print the row. */
		ca[0] = " ";
		table_add(t, ca);
	} else {
		ca[0] = "-";
		cb[0] = "+";
		if (!pk_nd_is_extra(&hd->a, p->pa.state))
			table_add(t, ca);
		if (!pk_nd_is_extra(&hd->b, p->pb.state))
			table_add(t, cb);
	}
	for (i = 0; i < p->nsr; i++)
		sr_append(t, &p->sr[i]);
out:
	free(ba);
	free(bb);
}

static void
os_line(FILE *out, const char *mark, const char *os)
{
	fputs(mark, out);
	line_out(out, os);
}

static void
print_os(FILE *out, const struct pk_nd_diff *hd)
{
	size_t i, k;

	if (hd->a.nos > 0)
		fputs(hd->b.nos > 0 ? " OS details:\n" : "-OS details:\n", out);
	else if (hd->b.nos > 0)
		fputs("+OS details:\n", out);
	for (i = 0; i < hd->nosops; i++) {
		const struct pk_seq_op *o = &hd->osops[i];

		if (o->tag == PK_SEQ_EQUAL) {
			for (k = o->i1; k < o->i2; k++)
				os_line(out, "   ", hd->a.os[k]);
			continue;
		}
		if (o->tag != PK_SEQ_INSERT)
			for (k = o->i1; k < o->i2; k++)
				os_line(out, "-  ", hd->a.os[k]);
		if (o->tag != PK_SEQ_DELETE)
			for (k = o->j1; k < o->j2; k++)
				os_line(out, "+  ", hd->b.os[k]);
	}
}

static int
print_hscripts(FILE *out, const struct pk_nd_diff *hd)
{
	struct ntable t;
	size_t i;
	int oom;

	memset(&t, 0, sizeof(t));
	for (i = 0; i < hd->nsr; i++)
		sr_append(&t, &hd->sr[i]);
	if (t.n > 0) {
		fprintf(out, "\n%cHost script results:\n",
		    hd->b.h->nhostscripts == 0 ? '-' :
		    hd->a.h->nhostscripts == 0 ? '+' : ' ');
		table_print(&t, out);
	}
	oom = t.oom;
	table_free(&t);
	return oom ? -1 : 0;
}

/* "-Host is up.": ndiff's line for a host whose state changed. */
static void
host_is(FILE *out, char mark, const char *state)
{
	if (state == NULL)
		return;
	fprintf(out, "%cHost is ", mark);
	(void)pk_fput_display(out, state);
	fputs(".\n", out);
}

static int
print_host(FILE *out, const struct pk_nd_diff *hd)
{
	struct ntable t;
	char *hdr[5] = { " ", "PORT", "STATE", "SERVICE", "VERSION" };
	size_t i;
	int oom;

	fputc('\n', out);
	if (hd->id_changed) {
		if (hd->a.state != NULL)
			print_name(out, '-', &hd->a);
		if (hd->b.state != NULL)
			print_name(out, '+', &hd->b);
	} else {
		print_name(out, ' ', &hd->a);
	}
	if (hd->state_changed) {
		host_is(out, '-', hd->a.state);
		host_is(out, '+', hd->b.state);
	}
	if (hd->extra_changed && (print_extra(out, '-', hd->a.h) != 0 ||
	    print_extra(out, '+', hd->b.h) != 0))
		return -1;
	memset(&t, 0, sizeof(t));
	hdr[0] = hd->a.state == NULL ? "+" : hd->b.state == NULL ? "-" : " ";
	table_add(&t, hdr);
	for (i = 0; i < hd->nports; i++)
		if (hd->ports[i].included)
			port_rows(&t, hd, &hd->ports[i]);
	/* A cell that could not be copied is NULL: print no half table. */
	if (t.n > 1 && !t.oom)
		table_print(&t, out);
	oom = t.oom;
	table_free(&t);
	if (hd->os_changed)
		print_os(out, hd);
	if (print_hscripts(out, hd) != 0)
		oom = 1;
	return oom ? -1 : 0;
}

static void
banner(FILE *out, char mark, const struct dside *s)
{
	char date[64];

	fputc(mark, out);
	(void)pk_fput_display(out, s->scanner == NULL ||
	    strcmp(s->scanner, "nmap") == 0 ? "Nmap" : s->scanner);
	if (s->version != NULL) {
		fputc(' ', out);
		(void)pk_fput_display(out, s->version);
	}
	fputs(" scan", out);
	if (s->start > 0) {
		pk_nd_date(s->start, date, sizeof(date));
		fprintf(out, " initiated %s", date);
	}
	if (s->args != NULL) {
		fputs(" as: ", out);
		(void)pk_fput_display(out, s->args);
	}
	fputc('\n', out);
}

int
pk_nd_write_text(struct pk_diff *d, FILE *out, struct pk_nd_item *it, size_t n)
{
	size_t i;

	if (pk_nd_banners_differ(&d->side[0], &d->side[1], 0)) {
		banner(out, '-', &d->side[0]);
		banner(out, '+', &d->side[1]);
	}
	for (i = 0; i < n; i++)
		if (print_host(out, &it[i].hd) != 0)
			return PK_ERR_NOMEM;
	return PK_OK;
}
