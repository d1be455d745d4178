/*
 * script.c - the structured output of a script result: the <table> and
 * <elem> tree nmap writes inside <script>, and masscan's banners.
 *
 * Nodes are appended to the array of the table that is open; a level per
 * open table holds where its array is and how much room it has.  A node
 * moves only when its parent's array grows, and a parent only gains
 * nodes while it is the innermost open table, so the open levels' array
 * pointers stay valid.  Nesting is bounded by max_depth (the element
 * stack), bytes by the host's arena limit.  Nothing here runs for a file
 * without scripts.
 */
#include <stdlib.h>
#include <string.h>

#include "nmap/nmap_impl.h"

/* One open table (level 0: the script itself). */
struct xml_tlevel {
	struct pk_script_elem **arr;
	size_t		*n;
	size_t		 cap;
};

void
pk_xml_script_begin(struct pk_xml_state *st, struct pk_script *sc)
{
	st->tdepth = 0;
	if (sc == NULL)
		return;
	if (st->tstack == NULL) {
		st->tstack = calloc((size_t)st->max_depth + 1,
		    sizeof(*st->tstack));
		if (st->tstack == NULL) {
			pk_xml_stop(st, PK_ERR_NOMEM, "out of memory");
			return;
		}
	}
	st->tstack[0].arr = &sc->elems;
	st->tstack[0].n = &sc->nelems;
	st->tstack[0].cap = 0;
	st->tdepth = 1;
}

void
pk_xml_script_node(struct pk_xml_state *st, int table, const struct attr *at,
    int n)
{
	struct xml_tlevel *top;
	struct pk_script_elem *e;
	int i;

	/* A script that could not be stored (no port) keeps no tree. */
	if (st->tdepth == 0 || st->tdepth > st->max_depth)
		return;
	top = &st->tstack[st->tdepth - 1];
	if ((e = pk_hb_elem(st->hb, top->arr, top->n, &top->cap)) == NULL)
		return;			/* the arena is over: dispatch stops */
	for (i = 0; i < n; i++)
		if (attr_is(st, &at[i], A_KEY))
			e->key = pk_xml_attr_copy(st->hb->a, &at[i]);
	if (table) {
		st->tstack[st->tdepth].arr = &e->children;
		st->tstack[st->tdepth].n = &e->nchildren;
		st->tstack[st->tdepth].cap = 0;
		st->tdepth++;
		return;
	}
	pk_xml_collect(st, 1);
	st->textlen = 0;
}

void
pk_xml_script_node_end(struct pk_xml_state *st, int table)
{
	struct xml_tlevel *top;
	struct pk_script_elem *e;

	if (st->tdepth == 0 || st->hb == NULL)
		return;
	if (table) {
		if (st->tdepth > 1)
			st->tdepth--;
		return;
	}
	pk_xml_collect(st, 0);
	top = &st->tstack[st->tdepth - 1];
	if (*top->n == 0)
		return;
	e = &(*top->arr)[*top->n - 1];
	e->value = pk_arena_strndup(st->hb->a, st->text != NULL ? st->text :
	    "", st->textlen);
	if (e->value == NULL)
		pk_xml_stop(st, PK_ERR_LIMIT, "host record exceeds %zu bytes",
		    st->r->opts.limits.max_host_bytes);
}

/*
 * masscan -oX: <service name="TYPE" banner="TEXT"> is a banner masscan
 * grabbed, not a service name, so it becomes a script of the port.
 * masscan writes no <service> without a banner; one would be a name.
 */
void
pk_xml_masscan_service(struct pk_xml_state *st, struct pk_port *p,
    const struct attr *at, int n)
{
	const struct attr *name = NULL, *banner = NULL;
	struct pk_script *sc;
	int i;

	for (i = 0; i < n; i++) {
		if (attr_is(st, &at[i], A_NAME))
			name = &at[i];
		else if (attr_is(st, &at[i], A_BANNER))
			banner = &at[i];
	}
	if (banner == NULL) {
		if (name != NULL)
			p->service = pk_xml_attr_copy(st->hb->a, name);
		return;
	}
	if ((sc = pk_hb_port_script(st->hb)) == NULL ||
	    pk_hb_banner(st->hb, sc, name != NULL ? attr_v(name) : "",
	    name != NULL ? attr_n(name) : 0, attr_v(banner),
	    attr_n(banner)) == -1)
		return;			/* the arena is over: dispatch stops */
}
