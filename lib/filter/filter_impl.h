/*
 * filter_impl.h - what the record filter's files share (internal):
 * filter.c (the handle, lists and per-record judgements) calls net.c
 * (networks) and match.c (PCRE2 patterns), never the other way round.
 */
#ifndef PK_FILTER_IMPL_H
#define PK_FILTER_IMPL_H

#include <stddef.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "base/error.h"
#include "portkit.h"

/* The kind of a match added by pk_filter_sock_match. */
#define FLT_SOCK	(-1)

/* One --host network. */
struct flt_net {
	int		 family;	/* AF_INET or AF_INET6 */
	unsigned char	 addr[16];
	unsigned	 prefix;
};

/* 'pattern "..." on field NAME': what a failed match names. */
#define FLT_DESC	(PK_EXCERPT_SIZE + 48)

/* One FIELD=REGEX test, on the rows of one kind of record. */
struct flt_match {
	int		 kind;		/* PK_REC_PORT, _HOST or FLT_SOCK */
	struct pk_rowctx *row;		/* one-field row maker (scans) */
	struct pk_sockrow *srow;	/* the same for sockets */
	pcre2_code	*re;
	char		 desc[FLT_DESC];
};

struct pk_filter {
	unsigned	 criteria;	/* PK_FILTER_* given so far */
	unsigned	 statemask;	/* bits of the state table */
	unsigned	 protomask;	/* 1 << enum pk_proto */
	struct pk_portset *ports;
	struct flt_net	*nets;
	size_t		 nnets;
	pcre2_code	*service;
	char		 service_desc[FLT_DESC];
	struct flt_match *matches;
	size_t		 nmatches;
	/* Scratch for every match, and the step limit pcat(1) documents. */
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	void		(*warn)(void *arg, const struct pk_error *e);
	void		*warn_arg;
	struct pk_error	 err;		/* the pattern that failed */
	int		 failed;	/* one did: every match fails */
	const struct pk_ports *ptable;	/* pk_filter_set_ports, lent */
	char		*cats;		/* --category LIST, its own copy */
};

/*
 * fail.c: fill err (when not NULL) with status and a message, no file,
 * line or column; returns status.
 */
int	flt_fail(struct pk_error *err, int status, const char *fmt, ...)
	    PK_PRINTF(3, 4);

/* net.c: is addr (of type) inside one of the networks? */
int	flt_net_has(const struct pk_filter *f, enum pk_addrtype type,
	    const char *addr);
void	flt_nets_free(struct pk_filter *f);

/*
 * match.c: 1 when re matches s, 0 when not; 0 too when PCRE2 gave up
 * (the match limit, or its own memory), after telling f->warn what desc
 * says of the pattern.
 */
int	flt_re_match(struct pk_filter *f, const pcre2_code *re,
	    const char *desc, const char *s);
/* The script record matches on script sc of port p (NULL: of h). */
int	flt_script_matches(struct pk_filter *f, const struct pk_host *h,
	    const struct pk_port *p, const struct pk_script *sc,
	    const char *file);
/* The --service pattern on the name shown ("ssl/http"); 0 without one. */
int	flt_service_match(struct pk_filter *f, const struct pk_port *p);
/* The socket matches on s: 1, 0, or PK_ERR_NOMEM. */
int	flt_sock_matches(struct pk_filter *f, const struct pk_sock *s,
	    const char *file);
void	flt_matches_free(struct pk_filter *f);

#endif /* PK_FILTER_IMPL_H */
