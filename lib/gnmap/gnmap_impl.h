/*
 * gnmap_impl.h - the grepable (-oG) reader's internals shared by
 * gnmap.c (lines, hosts and their fields), scan.c (the "# " framing
 * lines), ports.c (the Ports, Protocols and Ignored State grammar),
 * masscan.c (masscan's variant and its -oL list) and fields.c (what
 * they all use).
 *
 * The two cursor steps every field takes, gn_eat and
 * gn_span, are static inline here so that they stay as cheap as they
 * were within one file.
 */
#ifndef PK_GNMAP_IMPL_H
#define PK_GNMAP_IMPL_H

#include <stddef.h>
#include <string.h>

#include "base/parse.h"
#include "input/input.h"
#include "scan/products.h"
#include "scan/queue.h"

/* An address as text: INET6_ADDRSTRLEN, rounded up to whole words. */
#define GN_ADDRBUF	48

struct gnmap {
	/*
	 * The address of the host being built (r->building), NUL-padded
	 * as gn_addr_copy leaves the one of a line: compared whole.
	 */
	char		 addr[GN_ADDRBUF];
	/*
	 * "ADDR (NAME)" as the last Host line of the host being built
	 * gave it, nhead bytes (0: none).  nmap writes a host's lines
	 * with the same head: one that repeats it names the same host
	 * and adds no name (gn_host_head).
	 */
	char		*head;
	size_t		 nhead;
	size_t		 headcap;
	int		 masscan;	/* the current run is masscan's */
	int		 done;		/* the current run's trailer was seen */
	int		 list;		/* masscan -oL, not -oG */
	struct pk_vsplit vsplit;	/* the version field's split */
};

/* masscan banner lines: "Port: N", "Service: S", "Banner: TEXT". */
struct gn_banner {
	const char	*port, *svc, *text;
	size_t		 nport, nsvc, ntext;
};

static inline int
gn_eat(struct pk_line *ln, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(ln->end - ln->p) < n || memcmp(ln->p, lit, n) != 0)
		return 0;
	ln->p += n;
	return 1;
}

/*
 * The span up to (not including) c or the end of the field (TAB, end).
 * memchr, not a byte loop: the fields that are skipped (Seq Index, IP
 * ID Seq, ...) are a few dozen bytes on every host line.
 */
static inline size_t
gn_span(const struct pk_line *ln, char c)
{
	size_t n = (size_t)(ln->end - ln->p);
	const char *q;

	if ((q = memchr(ln->p, '\t', n)) != NULL)
		n = (size_t)(q - ln->p);
	if (c != '\t' && (q = memchr(ln->p, c, n)) != NULL)
		n = (size_t)(q - ln->p);
	return n;
}

/* fields.c: messages, parsing helpers, the host being built. */
int	pk_gn_bad(struct pk_reader *r, const struct pk_line *ln,
	    const char *what, const char *s, size_t n);
int	pk_gn_nomem(struct pk_reader *r, const struct pk_hb *hb,
	    unsigned long line);
const char *pk_gn_find(const char *p, const char *end, const char *lit);
int	pk_gn_num(const char *s, size_t n, long *out);
int	pk_gn_flush(struct pk_reader *r);
const char *pk_gn_opt(struct pk_hb *hb, const char *s, size_t n, int *oom);

/* scan.c: the scan record and the "# " lines that fill it. */
struct pk_scan *pk_gn_scan(struct pk_reader *r);
int	pk_gn_comment(struct pk_reader *r, struct gnmap *g,
	    struct pk_line *ln);

/* ports.c: field values of a host line. */
int	pk_gn_entries(struct pk_reader *r, struct pk_hb *hb,
	    struct pk_line *ln, int ipproto, int masscan);
int	pk_gn_ignored(struct pk_reader *r, struct pk_hb *hb,
	    struct pk_line *ln);

/* masscan.c: masscan's port numbering and banner lines. */
int	pk_masscan_port(const char *s, size_t n, int proto, unsigned *port);
const char *pk_masscan_spec(struct pk_reader *r, const char *s, size_t n,
	    int proto);
int	pk_masscan_banner(struct pk_reader *r, struct pk_hb *hb,
	    const struct pk_line *ln, const struct gn_banner *b);
int	pk_masscan_list_port(struct pk_reader *r, struct pk_hb *hb,
	    const struct pk_line *ln, const char *state, size_t nstate,
	    const char *proto, size_t nproto, const char *port, size_t nport);

#endif /* PK_GNMAP_IMPL_H */
