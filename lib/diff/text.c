/*
 * text.c - pdiff's own report: grouped by host, ports that opened
 * first, then ports that stopped being open, then other state changes,
 * then changed service fields and scripts.
 *
 *   scan: tcp: syn 1-1000 -> syn 1-2000
 *   scan: udp: udp, 1000 ports -> udp, 65535 ports
 *        ports added: 64535 (1,3-6,8,10-16,18,20-48,...)
 *   +10.0.0.5: new host, up
 *      +22/tcp     open                    ssh OpenSSH 9.2p1
 *    10.0.0.7:
 *      status: up -> down
 *      +8080/tcp   closed -> open          http nginx 1.22.1
 *      -23/tcp     open -> filtered        telnet
 *       80/tcp     version: 2.4.57 -> 2.4.58
 */
#include <stdlib.h>
#include <string.h>

#include "diff/diff_impl.h"
#include "out/escape.h"

/* Ranges of a summarised port set change shown before "...". */
#define SCAN_RANGES	8

struct ord {
	const struct pk_diff_change *c;
	int		 rank;
	size_t		 i;
};

static int
is_open(const char *s)
{
	return s != NULL && strcmp(s, "open") == 0;
}

static int
rank(const struct pk_diff_change *c)
{
	if (c->port < 0)
		return 0;
	if (c->field != PK_DF_STATE)
		return 4;
	if (is_open(c->new_value))
		return 1;
	if (is_open(c->old_value))
		return 2;
	return 3;
}

static int
ord_cmp(const void *x, const void *y)
{
	const struct ord *a = x, *b = y;

	if (a->rank != b->rank)
		return a->rank - b->rank;
	if (a->rank != 0 && a->c->proto != b->c->proto)
		return a->c->proto - b->c->proto;
	if (a->rank != 0 && a->c->port != b->c->port)
		return a->c->port < b->c->port ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static const struct pk_port *
find_port(const struct pk_host *h, int proto, int port)
{
	size_t i;

	for (i = 0; h != NULL && i < h->nports; i++)
		if (h->ports[i].proto == proto && (int)h->ports[i].port == port)
			return &h->ports[i];
	return NULL;
}

/* "ssl/http nginx 1.22.1 (Ubuntu)": what nmap's SERVICE and VERSION say. */
static void
service_desc(FILE *out, const struct pk_port *p)
{
	const char *v[2], *name;
	char buf[256];
	int i, first = 1;

	if (p == NULL || (p->tunnel == NULL && p->service == NULL &&
	    p->product == NULL && p->version == NULL && p->extrainfo == NULL))
		return;
	fputs("  ", out);
	if ((name = pk_port_service(p, buf, sizeof(buf))) != NULL) {
		(void)pk_fput_display(out, name);
		first = 0;
	}
	v[0] = p->product;
	v[1] = p->version;
	for (i = 0; i < 2; i++)
		if (v[i] != NULL) {
			fputs(first ? "" : " ", out);
			(void)pk_fput_display(out, v[i]);
			first = 0;
		}
	if (p->extrainfo != NULL) {
		fputs(first ? "(" : " (", out);
		(void)pk_fput_display(out, p->extrainfo);
		fputc(')', out);
	}
}

static const char *
show(const char *s)
{
	return s != NULL ? s : "-";
}

/* "old -> new" of a field, each side escaped for the terminal. */
static void
old_new(FILE *out, const struct pk_diff_change *c)
{
	(void)pk_fput_display(out, show(c->old_value));
	fputs(" -> ", out);
	(void)pk_fput_display(out, show(c->new_value));
	fputc('\n', out);
}

/* Script output line by line, each line escaped for the terminal. */
static void
script_lines(FILE *out, char mark, const char *s)
{
	char *copy, *line, *e;

	if (s == NULL || (copy = strdup(s)) == NULL)
		return;
	line = copy;
	do {
		if ((e = strchr(line, '\n')) != NULL)
			*e = '\0';
		fprintf(out, "        %c ", mark);
		(void)pk_fput_display(out, line);
		fputc('\n', out);
		line = e != NULL ? e + 1 : NULL;
	} while (line != NULL && *line != '\0');
	free(copy);
}

static void
script_head(FILE *out, const struct pk_diff_change *c)
{
	fputs("script ", out);
	(void)pk_fput_display(out, c->script);
	fprintf(out, ": %s\n", pk_diff_kind_name(c->kind));
	script_lines(out, '-', c->old_value);
	script_lines(out, '+', c->new_value);
}

static void
port_line(FILE *out, const struct pk_diff_host *dh,
    const struct pk_diff_change *c)
{
	char spec[32], tr[64];
	const struct pk_port *p;
	char mark = ' ';
	size_t w;

	(void)snprintf(spec, sizeof(spec), "%d/%s", c->port,
	    pk_proto_name(c->proto));
	if (c->field == PK_DF_SCRIPT) {
		fprintf(out, "     %-11s ", spec);
		script_head(out, c);
		return;
	}
	if (c->field != PK_DF_STATE) {
		fprintf(out, "     %-11s %s: ", spec,
		    pk_diff_field_name(c->field));
		old_new(out, c);
		return;
	}
	if (is_open(c->new_value))
		mark = '+';
	else if (is_open(c->old_value))
		mark = '-';
	if (dh->a == NULL || dh->b == NULL)
		(void)snprintf(tr, sizeof(tr), "%s", show(c->old_value != NULL ?
		    c->old_value : c->new_value));
	else if (c->kind == PK_DC_NOT_SCANNED)
		(void)snprintf(tr, sizeof(tr), "%s -> %s", c->old_value != NULL ?
		    c->old_value : "not scanned", c->new_value != NULL ?
		    c->new_value : "not scanned");
	else
		(void)snprintf(tr, sizeof(tr), "%s -> %s", show(c->old_value),
		    show(c->new_value));
	p = find_port(dh->b, c->proto, c->port);
	if (p == NULL || !is_open(c->new_value))
		p = find_port(dh->a, c->proto, c->port);
	fprintf(out, "    %c%-11s ", mark, spec);
	w = pk_fput_display(out, tr);
	if (p != NULL && (p->service != NULL || p->product != NULL ||
	    p->version != NULL || p->extrainfo != NULL))
		for (; w < 23; w++)
			fputc(' ', out);
	service_desc(out, p);
	fputc('\n', out);
}

static void
host_line(FILE *out, const struct pk_diff_host *dh)
{
	const struct pk_host *h = dh->a != NULL ? dh->a : dh->b;
	const char *name = h->hostname;

	fputc(dh->a == NULL ? '+' : dh->b == NULL ? '-' : ' ', out);
	(void)pk_fput_display(out, dh->host);
	if (name != NULL) {
		fputs(" (", out);
		(void)pk_fput_display(out, name);
		fputc(')', out);
	}
	if (dh->a == NULL) {
		fputs(": new host, ", out);
		(void)pk_fput_display(out, dh->changes[0].new_value);
	} else if (dh->b == NULL) {
		fputs(": gone (was ", out);
		(void)pk_fput_display(out, dh->changes[0].old_value);
		fputc(')', out);
	} else
		fputc(':', out);
	fputc('\n', out);
}

static int
write_host(FILE *out, const struct pk_diff_host *dh)
{
	struct ord *o;
	size_t i;

	if ((o = calloc(dh->nchanges, sizeof(*o))) == NULL)
		return PK_ERR_NOMEM;
	for (i = 0; i < dh->nchanges; i++) {
		o[i].c = &dh->changes[i];
		o[i].rank = rank(o[i].c);
		o[i].i = i;
	}
	qsort(o, dh->nchanges, sizeof(*o), ord_cmp);
	host_line(out, dh);
	for (i = 0; i < dh->nchanges; i++) {
		const struct pk_diff_change *c = o[i].c;

		if (c->field == PK_DF_HOST)
			continue;
		if (c->port >= 0)
			port_line(out, dh, c);
		else if (c->field == PK_DF_SCRIPT) {
			fputs("     ", out);
			script_head(out, c);
		} else {
			fprintf(out, "     %s: ", pk_diff_field_name(c->field));
			old_new(out, c);
		}
	}
	free(o);
	return PK_OK;
}

/* Ports of proto in set a and not in b; with out, the first ranges. */
static size_t
only_in(FILE *out, const struct pk_portset *a, const struct pk_portset *b,
    int proto)
{
	size_t n = 0, shown = 0;
	unsigned p, lo;

	for (p = 0; p <= 65535; p++) {
		if (!pk_portset_has(a, proto, p) || pk_portset_has(b, proto, p))
			continue;
		for (lo = p; p < 65535 && pk_portset_has(a, proto, p + 1) &&
		    !pk_portset_has(b, proto, p + 1); p++)
			continue;
		n += p - lo + 1;
		if (out == NULL || shown > SCAN_RANGES)
			continue;
		if (shown++ == SCAN_RANGES)
			fputs(",...", out);
		else if (lo == p)
			fprintf(out, "%s%u", shown > 1 ? "," : "", lo);
		else
			fprintf(out, "%s%u-%u", shown > 1 ? "," : "", lo, p);
	}
	return n;
}

static void
scan_side(FILE *out, const struct pk_diff *d, int side, int proto)
{
	const struct dside *s = &d->side[side];
	const char *t = s->types[proto];

	if (t != NULL && !d->side[0].notypes && !d->side[1].notypes) {
		(void)pk_fput_display(out, t);
		fputs(", ", out);
	}
	fprintf(out, "%zu ports", pk_portset_count(s->scanned, proto));
}

/*
 * A scan-level change; a changed port set too long for a line (-p-
 * against the top 1000 is 4 KiB) as counts and the first ranges added
 * and removed.
 */
static void
scan_line(FILE *out, const struct pk_diff *d, const struct pk_diff_change *c)
{
	const struct pk_portset *a = d->side[0].scanned, *b =
	    d->side[1].scanned;
	const char *name = pk_proto_name(c->proto);
	size_t n;

	fprintf(out, "scan: %s: ", name);
	if (strlen(name) + strlen(show(c->old_value)) +
	    strlen(show(c->new_value)) + 11 <= 80 ||
	    !(d->side[0].known & d->side[1].known & (1u << c->proto))) {
		old_new(out, c);
		return;
	}
	scan_side(out, d, 0, c->proto);
	fputs(" -> ", out);
	scan_side(out, d, 1, c->proto);
	fputc('\n', out);
	if ((n = only_in(NULL, b, a, c->proto)) > 0) {
		fprintf(out, "     ports added: %zu (", n);
		(void)only_in(out, b, a, c->proto);
		fputs(")\n", out);
	}
	if ((n = only_in(NULL, a, b, c->proto)) > 0) {
		fprintf(out, "     ports removed: %zu (", n);
		(void)only_in(out, a, b, c->proto);
		fputs(")\n", out);
	}
}

int
pk_diff_write_text(struct pk_diff *d, FILE *out)
{
	size_t i, j;
	int rc;

	for (i = 0; i < d->nout; i++) {
		const struct pk_diff_host *dh = &d->out[i];

		if (dh->host == NULL) {
			for (j = 0; j < dh->nchanges; j++)
				scan_line(out, d, &dh->changes[j]);
			continue;
		}
		if (dh->nchanges == 0)
			continue;
		if ((rc = write_host(out, dh)) != PK_OK)
			return rc;
	}
	if (fflush(out) != 0 || ferror(out))
		return PK_ERR_IO;
	return PK_OK;
}
