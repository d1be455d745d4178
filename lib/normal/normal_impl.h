/*
 * normal_impl.h - the normal output (-oN) reader's internals shared by
 * normal.c (lines, runs and host lines), table.c (the port table, the
 * folded ports and script output) and line.c (what they and the
 * host:port reader share).
 */
#ifndef PK_NORMAL_IMPL_H
#define PK_NORMAL_IMPL_H

#include <stddef.h>
#include <string.h>

#include "base/parse.h"
#include "input/input.h"
#include "scan/products.h"
#include "scan/queue.h"

/* Where '|' lines go: the section the last heading opened. */
enum nm_where {
	NM_NONE,		/* nowhere: a '|' line is an error */
	NM_TABLE,		/* the port table: a port's scripts */
	NM_HOSTSCRIPTS,		/* "Host script results:" */
	NM_RUNSCRIPTS		/* pre- and post-scan: not kept */
};

/* The port table's columns, from its heading line. */
enum nm_col { C_PORT, C_STATE, C_SERVICE, C_REASON, C_VERSION, C_COUNT };

struct normal {
	int		 done;		/* the current run's trailer seen */
	int		 closed;	/* the host being built ended */
	int		 ports_seen;	/* its port table's heading was read */
	enum nm_where	 where;
	int		 ipproto;	/* the table is -sO's PROTOCOL table */
	size_t		 col[C_COUNT];	/* start of each; 0: absent */
	/* The script whose "| " lines are being read. */
	int		 inscript;
	enum nm_where	 target;
	char		*buf;		/* "id\0output" */
	size_t		 len, cap, idlen;
	struct pk_vsplit vsplit;	/* the VERSION column's split */
};

static inline int
nm_eat(struct pk_line *ln, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(ln->end - ln->p) < n || memcmp(ln->p, lit, n) != 0)
		return 0;
	ln->p += n;
	return 1;
}

static inline int
nm_ends(const struct pk_line *ln, const char *lit)
{
	size_t n = strlen(lit);

	return (size_t)(ln->end - ln->p) >= n &&
	    memcmp(ln->end - n, lit, n) == 0;
}

/* line.c */
int	pk_nm_bad(struct pk_reader *r, const struct pk_line *ln,
	    const char *what, const char *s, size_t n);
int	pk_nm_nomem(struct pk_reader *r, const struct pk_hb *hb,
	    unsigned long line);
const char *pk_nm_find(const char *p, const char *end, const char *lit);
const char *pk_nm_rfind(const char *p, const char *end, const char *lit);
int	pk_nm_addr(const char *s, size_t n, enum pk_addrtype *type,
	    char *out, size_t outsz);
struct pk_hb *pk_nm_host(struct pk_reader *r, const struct pk_line *ln,
	    const char *addr, enum pk_addrtype type);

/* table.c */
int	pk_nm_heading(struct pk_reader *r, struct normal *nm,
	    struct pk_line *ln);
int	pk_nm_is_row(const struct normal *nm, const struct pk_line *ln);
int	pk_nm_row(struct pk_reader *r, struct normal *nm, struct pk_hb *hb,
	    struct pk_line *ln);
int	pk_nm_not_shown(struct pk_reader *r, struct pk_hb *hb,
	    struct pk_line *ln);
int	pk_nm_all_ports(struct pk_reader *r, struct pk_hb *hb,
	    struct pk_line *ln);
int	pk_nm_script(struct pk_reader *r, struct normal *nm,
	    struct pk_line *ln);

#endif /* PK_NORMAL_IMPL_H */
