/*
 * ndiff.h - ndiff 7.93's host comparison, for its output formats
 * (internal to lib/diff_*.c).
 */
#ifndef PK_DIFF_NDIFF_H
#define PK_DIFF_NDIFF_H

#include <stddef.h>
#include <stdio.h>

#include "diff/seq.h"
#include "portkit.h"

/* A host as ndiff sees it; h is an empty host for a missing side. */
struct pk_nd_host {
	const struct pk_host *h;
	const char	*state;		/* NULL: missing ("unknown") */
	const struct pk_addr **addrs;	/* IPv4, IPv6, MAC; by string */
	size_t		 naddrs;
	const char	**names;	/* sorted */
	size_t		 nnames;
	const char	**os;
	size_t		 nos;
};

/* One script result difference: a, b or both. */
struct pk_nd_srdiff {
	const struct pk_script *a;
	const struct pk_script *b;
};

struct pk_nd_port {
	unsigned	 port;
	int		 proto;
	int		 has_a;
	int		 has_b;
	struct pk_port	 pa;		/* state NULL when the side lacks it */
	struct pk_port	 pb;
	int		 cost;
	int		 included;
	struct pk_nd_srdiff *sr;
	size_t		 nsr;
};

struct pk_nd_diff {
	struct pk_nd_host a;
	struct pk_nd_host b;
	int		 state_changed;
	int		 id_changed;
	int		 os_changed;
	int		 extra_changed;
	int		 cost;
	struct pk_nd_port *ports;	/* ndiff's spec order */
	size_t		 nports;
	struct pk_seq_op *osops;
	size_t		 nosops;
	struct pk_nd_srdiff *sr;	/* host scripts */
	size_t		 nsr;
};

int	 pk_nd_host(struct pk_nd_host *n, const struct pk_host *h);
void	 pk_nd_host_free(struct pk_nd_host *n);
int	 pk_nd_is_extra(const struct pk_nd_host *n, const char *state);
int	 pk_nd_script_diffs(struct pk_script *a, size_t na,
	    struct pk_script *b, size_t nb, struct pk_nd_srdiff **out,
	    size_t *n);
/* Compare like ndiff's HostDiff; a or b may be NULL.  0 or -1 (memory). */
int	 pk_nd_diff(struct pk_nd_diff *hd, const struct pk_host *a,
	    const struct pk_host *b);
void	 pk_nd_diff_free(struct pk_nd_diff *hd);
/* Same extraports states and counts, in any order (Python dict ==). */
int	 pk_nd_extra_eq(const struct pk_host *a, const struct pk_host *b);
/* A host diff to print, with its sort id and position in pdiff's order. */
struct pk_nd_item {
	struct pk_nd_diff hd;
	char		*id;
	size_t		 order;
};

struct dside;
int	 pk_nd_banners_differ(const struct dside *a, const struct dside *b,
	    int xml);
/* Write the items as ndiff's text (ndiff_text.c) or XML (ndiff_xml.c). */
int	 pk_nd_write_text(struct pk_diff *d, FILE *out, struct pk_nd_item *it,
	    size_t n);
int	 pk_diff_ndiff_xml(struct pk_diff *d, FILE *out,
	    const struct pk_nd_item *it, size_t n);
char	*pk_nd_id(const struct pk_nd_host *n);
void	 pk_nd_date(long long t, char *buf, size_t len);

#endif /* PK_DIFF_NDIFF_H */
