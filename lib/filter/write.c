/*
 * write.c - the records a filter keeps, written: a host's ports (and the
 * ports folded into its extraports), or the host itself, or a socket.
 */
#include <stddef.h>

#include "filter/filter_impl.h"
#include "out/hold.h"
#include "scan/record.h"

/* The criteria that decide which ports, hence which hosts, are kept. */
#define PORT_CRITERIA	(PK_FILTER_STATE | PK_FILTER_PROTO | \
			 PK_FILTER_PORTS | PK_FILTER_SERVICE | \
			 PK_FILTER_CATEGORY)

/* One host's walk over its ports. */
struct walk {
	struct pk_filter *f;
	const struct pk_host *h;
	struct pk_rowctx *rc;
	struct pk_writer *w;
	const char	*file;
	int		 hosts;		/* stop at the first port kept */
	int		 scripts;	/* a row per script of a port kept */
};

/* The script rows of port p (NULL: the host's own scripts). */
static int
write_scripts(const struct walk *x, const struct pk_port *p)
{
	const struct pk_script *sc = p != NULL ? p->scripts :
	    x->h->hostscripts;
	const struct pk_value *v;
	size_t i, n = p != NULL ? p->nscripts : x->h->nhostscripts;
	int kept;

	for (i = 0; i < n; i++) {
		kept = flt_script_matches(x->f, x->h, p, &sc[i], x->file);
		if (kept < 0)
			return kept;
		if (kept == 0)
			continue;
		v = pk_rowctx_fill_script(x->rc, x->h, p, &sc[i], x->file);
		if (v == NULL)
			return PK_ERR_NOMEM;
		if (pk_writer_row(x->w, v) != PK_OK)
			return PK_ERR_IO;
	}
	return 0;
}

/* A record --match keeps too, written: 0, or an error to stop on. */
static int
write_row(const struct walk *x, const struct pk_port *p)
{
	const struct pk_value *v;
	int kept;

	if ((x->f->criteria & PK_FILTER_MATCH) &&
	    (kept = pk_filter_row(x->f, x->h, p, x->file)) != 1)
		return kept;
	if ((v = pk_rowctx_fill(x->rc, x->h, p, x->file)) == NULL)
		return PK_ERR_NOMEM;
	return pk_writer_row(x->w, v) == PK_OK ? 0 : PK_ERR_IO;
}

/*
 * The port rows of plain pcat (no criteria): every port is written,
 * without walk_port's questions for each.
 */
static int
write_ports(const struct walk *x)
{
	const struct pk_value *v;
	size_t i;

	for (i = 0; i < x->h->nports; i++) {
		v = pk_rowctx_fill(x->rc, x->h, &x->h->ports[i], x->file);
		if (v == NULL)
			return PK_ERR_NOMEM;
		if (pk_writer_row(x->w, v) != PK_OK)
			return PK_ERR_IO;
	}
	return 0;
}

/* 0 to go on; 1 for the port that keeps a host; an error. */
static int
walk_port(void *arg, const struct pk_port *p)
{
	struct walk *x = arg;

	/* No criteria (plain pcat): every port is kept, without asking. */
	if (x->f->criteria != 0 && !pk_filter_port(x->f, p))
		return 0;
	if (x->scripts)
		return p->nscripts > 0 ? write_scripts(x, p) : 0;
	return x->hosts ? 1 : write_row(x, p);
}

int
pk_filter_write_host(struct pk_filter *f, const struct pk_host *h,
    unsigned flags, struct pk_rowctx *rc, struct pk_writer *w,
    const char *file)
{
	struct walk x = { f, h, rc, w, file,
	    (flags & PK_FILTER_WR_HOSTS) != 0,
	    (flags & PK_FILTER_WR_SCRIPTS) != 0 };
	size_t i;
	int st = 0, wst;

	if (!pk_filter_host(f, h))
		return PK_OK;
	/* A host's port rows share its columns: filled and written once. */
	if (!x.hosts && !x.scripts)
		pk_writer_hold(w, pk_rowctx_hold(rc, 1));
	if (f->criteria == 0 && !x.hosts && !x.scripts)
		st = write_ports(&x);
	else
		for (i = 0; i < h->nports && st == 0; i++)
			st = walk_port(&x, &h->ports[i]);
	if (st == 0 && (flags & PK_FILTER_WR_EXPAND))
		st = pk_extraports_foreach(h, walk_port, &x);
	if (!x.hosts && !x.scripts) {
		pk_writer_hold(w, 0);
		(void)pk_rowctx_hold(rc, 0);
	}
	if (st < 0 && st != PK_ERR_FORMAT)
		return st;
	if (x.scripts && !(f->criteria & PORT_CRITERIA) &&
	    (wst = write_scripts(&x, NULL)) != 0)
		return wst;
	if (x.hosts && (st == 1 || !(f->criteria & PORT_CRITERIA)) &&
	    (wst = write_row(&x, NULL)) != 0)
		return wst;
	return st == PK_ERR_FORMAT ? PK_ERR_FORMAT : PK_OK;
}

int
pk_filter_write_sock(struct pk_filter *f, const struct pk_sock *s,
    struct pk_sockrow *sr, struct pk_writer *w, const char *file)
{
	const struct pk_value *v;
	int kept;

	if ((kept = pk_filter_sock(f, s, file)) != 1)
		return kept < 0 ? kept : PK_OK;
	if ((v = pk_sockrow_fill(sr, s, file)) == NULL)
		return PK_ERR_NOMEM;
	return pk_writer_row(w, v) == PK_OK ? PK_OK : PK_ERR_IO;
}
