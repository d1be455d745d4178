/*
 * hostbuild.h - building a struct pk_host piece by piece (internal).
 *
 * Readers append addresses, ports, scripts ... as they meet them; every
 * string and array lives in the builder's arena, so a whole host is
 * released by one arena reset.  Each hb_* call returns a zeroed element
 * (integers that may be absent preset to -1) or NULL when memory or the
 * per-host limit ran out; a pointer returned is valid until the next call
 * that appends to the same array.
 */
#ifndef PK_HOSTBUILD_H
#define PK_HOSTBUILD_H

#include <stddef.h>
#include <string.h>

#include "base/arena.h"
#include "portkit.h"

struct pk_hb {
	struct pk_arena	*a;
	struct pk_host	*h;
	size_t		 cap_addrs;
	size_t		 cap_hostnames;
	size_t		 cap_ports;
	size_t		 cap_cpe;	/* of the last port */
	size_t		 cap_scripts;	/* of the last port */
	size_t		 cap_extraports;
	size_t		 cap_reasons;	/* of the last extraports */
	size_t		 cap_os;
	size_t		 cap_hostscripts;
};

/* Start a new empty host in arena a (the host itself lives there too). */
int		 pk_hb_begin(struct pk_hb *b, struct pk_arena *a);
char		*pk_hb_str(struct pk_hb *b, const char *s, size_t n);
char		*pk_hb_cstr(struct pk_hb *b, const char *s);
struct pk_addr	*pk_hb_addr(struct pk_hb *b);
struct pk_hostname *pk_hb_hostname(struct pk_hb *b);
struct pk_port	*pk_hb_port_grow(struct pk_hb *b);

/*
 * Zero n bytes (a constant) 64 at a time: gcc and clang make each
 * piece four vector stores of a zeroed register, where they make a
 * memset of a whole port (168 bytes), or a copy of a blank with an
 * initialiser, a `rep stos`, slow to start: 8% of the reading of -oG,
 * where ports come fastest.  A copy of a blank port loaded it too.
 */
static inline void
pk_hb_zero(void *p, size_t n)
{
	size_t off;

	for (off = 0; off + 64 <= n; off += 64)
		memset((char *)p + off, 0, 64);
	memset((char *)p + off, 0, n - off);
}

/*
 * A new port.  Inline, the block grown out of line: -oG's readers take
 * one per entry, and the call was a tenth of an entry's instructions.
 */
static inline struct pk_port *
pk_hb_port(struct pk_hb *b)
{
	struct pk_port *p;

	if (b->h->nports < b->cap_ports)
		p = &b->h->ports[b->h->nports++];
	else if ((p = pk_hb_port_grow(b)) == NULL)
		return NULL;
	pk_hb_zero(p, sizeof(*p));
	p->reason_ttl = -1;
	p->conf = -1;
	b->cap_cpe = 0;
	b->cap_scripts = 0;
	return p;
}

/* A cpe slot of the last port; NULL also when there is no port yet. */
const char	**pk_hb_cpe(struct pk_hb *b);
struct pk_script *pk_hb_port_script(struct pk_hb *b);
struct pk_script *pk_hb_host_script(struct pk_hb *b);
struct pk_extraports *pk_hb_extraports(struct pk_hb *b);
struct pk_extrareason *pk_hb_extrareason(struct pk_hb *b);
struct pk_osmatch *pk_hb_osmatch(struct pk_hb *b);
/*
 * Derive the convenience fields (host, mac, hostname).  Returns 0, or -1
 * when the host has no address at all.
 */
int		 pk_hb_finish(struct pk_hb *b);

/*
 * Append a zeroed node to the array *arr of *n nodes, whose capacity the
 * caller keeps in *cap (0 for a new array).
 */
struct pk_script_elem *pk_hb_elem(struct pk_hb *b, struct pk_script_elem **arr,
		    size_t *n, size_t *cap);
/*
 * Fill sc as a masscan banner of type[0..ntype) (masscan's name for what
 * it grabbed: ssh, http.server, title ...) and text[0..ntext), as
 * struct pk_script describes.  -1 when memory or the limit ran out.
 */
int		 pk_hb_banner(struct pk_hb *b, struct pk_script *sc,
		    const char *type, size_t ntype, const char *text,
		    size_t ntext);
/*
 * Append deep copies of the n scripts src to port p of the host (any
 * port, not only the last one).  -1 when memory or the limit ran out.
 */
int		 pk_hb_add_scripts_copy(struct pk_hb *b, struct pk_port *p,
		    const struct pk_script *src, size_t n);

/* Append a deep copy of port src to the host. */
int		 pk_hb_add_port_copy(struct pk_hb *b, const struct pk_port *src);

/* Deep-copy src into the builder's (fresh) host. */
int		 pk_hb_copy(struct pk_hb *b, const struct pk_host *src);

#endif /* PK_HOSTBUILD_H */
