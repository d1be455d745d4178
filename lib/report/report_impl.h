/*
 * report_impl.h - what the files of lib/report/ share.  Not installed.
 *
 * Calls run one way: report.c (the API) calls collect.c (one host into
 * every engine) and the section writers (sections.c, findings.c,
 * hosts.c); collect.c calls hosts.c and findings.c to keep what they
 * list; the writers take their commands from command.c; everything
 * writes through render.c and keys strings in map.c.
 */
#ifndef PK_REPORT_IMPL_H
#define PK_REPORT_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "portkit.h"
#include "base/arena.h"

/* Caps that keep the page (and memory) bounded whatever the scan. */
#define RP_TOP_ROWS	30		/* top-ports table rows */
#define RP_CHART_ROWS	15		/* bars in its chart */
#define RP_SVC_ROWS	200		/* services table rows */
#define RP_SUBS		8		/* ports or names shown per row */
#define RP_NS_GROUPS	4096		/* nonstd finding groups kept */
#define RP_NS_ROWS	200		/* ... and shown */
#define RP_NS_HOSTS	3		/* example hosts per group */
#define RP_NETS		65536		/* networks counted apart */
#define RP_NET_ROWS	256		/* ... and shown */
#define RP_DETAIL_BYTES	((size_t)3 << 20) /* the listed hosts together... */
#define RP_HOST_BYTES	((size_t)64 << 10) /* ... at most this each ... */
#define RP_HOST_MIN	((size_t)8 << 10) /* ... and at least this */
#define RP_HOST_PORTS	128		/* listed ports kept per host */
#define RP_HOST_SCRIPTS	32		/* script outputs kept per host */
#define RP_SCRIPT_BYTES	2048		/* bytes kept of one output */
#define RP_FW_ROWS	32		/* evidence rows kept per host */
#define RP_CHANGE_ROWS	64		/* changes shown per host */
#define RP_FIELD_SEP	'\037'		/* joins the parts of a key */

/* The sections, in page order. */
enum rp_section {
	RP_SEC_SUMMARY, RP_SEC_TOP, RP_SEC_SERVICES, RP_SEC_NONSTD,
	RP_SEC_CHANGES, RP_SEC_FIREWALL, RP_SEC_HOSTS, RP_NSECTIONS
};

/* What an input is to the report. */
enum rp_role {
	RP_SCAN = 0,			/* reported on */
	RP_SINCE = 1,			/* earlier scan (pk_diff side A) */
	RP_ACK = 2,			/* ACK scan: firewall section only */
	RP_UDP = 3,			/* UDP-only: reported on and held by
					   the firewall engine */
	RP_SYN = 4			/* a SYN scan the firewall streams */
};

struct rp_input {
	int		 since;
	int		 role;		/* enum rp_role */
	struct pk_fw_roles fwr;
	int		 done;
	int		 status;	/* PK_EOF or the error it ended on */
	unsigned long	 hosts;		/* records read */
	unsigned	 runs;		/* highest document number */
	/* Copied from the scan: the reader's strings go with it. */
	char		*name;
	char		*scanner;
	char		*version;
	char		*args;
	long long	 start;
	long long	 end;
	double		 elapsed;
	int		 finished;
};

/* String keys to dense indexes 0, 1, ... (keys kept in an arena). */
struct rp_map {
	struct pk_arena	 keys;
	const char	**key;		/* by index */
	uint32_t	*hash;		/* by index */
	size_t		 n;
	size_t		 cap;
	uint32_t	*slot;		/* 1 + index, 0 empty */
	size_t		 mask;
};

/* One group of pnonstd findings that share kind, port and service. */
struct rp_nsgroup {
	int		 proto;
	unsigned	 port;
	const char	*kind;
	const char	*service;
	const char	*registered;
	const char	*expected;
	const char	*evidence;	/* of the first finding */
	const char	*hosts[RP_NS_HOSTS];
	size_t		 nhosts;
	unsigned long	 count;		/* findings (pnonstd's rows) */
};

/* A firewall evidence row and a host as pk_fw_host gave them. */
struct rp_fwrow {
	int		 proto;
	int		 verdict;
	const char	*first;		/* "open/syn-ack", UDP state */
	const char	*second;	/* ACK side; NULL for UDP */
	const char	*ports;
	unsigned long	 count;
};

struct rp_fwhost {
	const char	*host;
	const char	*kind;
	const char	*summary;
	struct rp_fwrow	*rows;
	size_t		 nrows;
	size_t		 more;		/* rows not kept */
};

struct rp_fwkind {
	const char	*kind;		/* pk_fw's static string */
	unsigned long	 hosts;
};

/* A listed port and a script output of a listed host. */
struct rp_port {
	int		 proto;
	unsigned	 port;
	const char	*state;
	const char	*reason;
	const char	*service;	/* with "ssl/" for a TLS tunnel */
	const char	*product;
	const char	*version;
	const char	*extrainfo;
};

struct rp_script {
	int		 proto;		/* -1: a host script */
	unsigned	 port;
	const char	*id;
	const char	*output;
	int		 cut;		/* output shortened */
};

/* A host listed in full: everything in its own capped arena. */
struct rp_host {
	struct pk_arena	 a;
	unsigned long	 open;		/* open ports: the ranking */
	unsigned long	 seq;		/* arrival, for ties */
	int		 partial;	/* an earlier record was not kept */
	int		 cut;		/* the record hit hostbytes */
	const char	*key;		/* first IP address, else the MAC */
	const char	*input;		/* file it came from (lent) */
	const char	**addrs;
	size_t		 naddrs;
	const char	**names;
	size_t		 nnames;
	const char	*os;
	int		 osacc;
	const char	*reason;
	const char	*folded;	/* extraports in words */
	struct rp_port	*ports;
	size_t		 nports;
	size_t		 capports;
	unsigned long	 more;		/* listed ports not kept */
	struct rp_script *scripts;
	size_t		 nscripts;
	size_t		 capscripts;
};

/* Up hosts of one /24 or /64. */
struct rp_net {
	unsigned long	 hosts;
	unsigned long	 with_open;
	unsigned long	 open;
};

struct rp_hosts {
	size_t		 detail;	/* heap capacity */
	size_t		 hostbytes;	/* arena cap of one listed host */
	struct rp_host	**heap;		/* least exposed at the root */
	size_t		 n;
	unsigned long	 seq;
	struct rp_map	 netkeys;
	struct rp_net	*nets;
	struct rp_net	 other;		/* past RP_NETS networks */
	size_t		 capnets;
	int		 unlisted;	/* listed hosts taken out of nets */
};

struct pk_report {
	struct pk_report_opts opts;
	struct rp_input	 in[PK_REPORT_MAX_INPUTS];
	size_t		 nin;
	size_t		 order[PK_REPORT_MAX_INPUTS];
	size_t		 norder;
	size_t		 next;		/* position in order */
	size_t		 cur;		/* the input being given */
	int		 open;		/* cur was named, not yet ended */
	int		 started;	/* pk_report_next was called */
	int		 finished;	/* every input read */
	int		 distinct;	/* one nmap run: no host tables */
	int		 multirun;	/* ... but it held several runs */
	unsigned	 truncated;
	/* Engines. */
	struct pk_rank	*ports;		/* ports open, per host */
	struct pk_rank	*svcs;		/* service, product, version */
	struct pk_diff	*diff;		/* NULL without earlier scans */
	struct pk_fw	*fw;		/* NULL without an ACK + SYN pair */
	const char	*fw_why;	/* why there is no firewall section */
	/* Counts over the scans reported on. */
	unsigned long	 down;		/* down records */
	unsigned long	 fw_bad;	/* hosts pk_fw refused */
	/* Scratch for the service keys of one host. */
	struct pk_port	*shadow;
	size_t		 capshadow;
	struct pk_arena	 scratch;
	/* What the sections list. */
	struct rp_hosts	 hosts;
	struct rp_map	 nskeys;
	struct rp_nsgroup *ns;
	size_t		 capns;
	unsigned long	 ns_total;	/* every finding, kept or not */
	struct pk_arena	 keep;		/* nonstd and firewall strings */
	struct rp_fwhost *fwh;
	size_t		 nfwh;
	size_t		 capfwh;
	unsigned long	 fw_hosts;	/* every host pk_fw judged */
	unsigned long	 fw_synonly;	/* ... that the ACK scan missed */
	struct rp_fwkind fwk[16];
	size_t		 nfwk;
};

/* The page being written. */
struct rp_out {
	FILE		*fp;
	int		 md;
	int		 status;	/* first PK_ERR_IO */
	int		 incell;
	const char	*align;		/* of the open table */
	size_t		 col;
};

/* map.c */
void		 rp_map_init(struct rp_map *m);
void		 rp_map_free(struct rp_map *m);
/* 1 found, 0 added (when add), -1 out of memory or absent. */
int		 rp_map_get(struct rp_map *m, const char *key, int add,
		    size_t *idx);
size_t		 rp_map_memory(const struct rp_map *m);
/* Grow an array of *cap elements of size sz to hold n; -1 no memory. */
int		 rp_grow(void *pp, size_t *cap, size_t n, size_t sz);

/* render.c: trusted markup, untrusted text, tables, details. */
void		 rp_raw(struct rp_out *o, const char *s);
void		 rp_fmt(struct rp_out *o, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
void		 rp_text(struct rp_out *o, const char *s);
void		 rp_section(struct rp_out *o, int which);
void		 rp_section_end(struct rp_out *o);
void		 rp_para(struct rp_out *o, const char *s);
void		 rp_p(struct rp_out *o);
void		 rp_p_end(struct rp_out *o);
void		 rp_table(struct rp_out *o, const char *const *heads,
		    const char *align);
void		 rp_tr(struct rp_out *o);
void		 rp_td(struct rp_out *o);
void		 rp_tr_end(struct rp_out *o);
void		 rp_table_end(struct rp_out *o);
void		 rp_td_text(struct rp_out *o, const char *s);
void		 rp_td_num(struct rp_out *o, unsigned long n);
void		 rp_portnum(struct rp_out *o, int proto, unsigned port);
void		 rp_figs(struct rp_out *o);
void		 rp_fig(struct rp_out *o, const char *label, unsigned long n);
void		 rp_figs_end(struct rp_out *o);
void		 rp_details(struct rp_out *o);
void		 rp_summary_end(struct rp_out *o);
void		 rp_details_end(struct rp_out *o);
void		 rp_pre(struct rp_out *o, const char *s);
void		 rp_warn(struct rp_out *o);
void		 rp_warn_end(struct rp_out *o);
void		 rp_page_begin(struct rp_out *o, const char *title);
void		 rp_page_end(struct rp_out *o);

/*
 * command.c: a command line for the reader to run: prefix, then the
 * inputs (scans reported on; pdiff's -a earlier -b scans; pfirewall's
 * scans), each quoted for the shell.  malloc'ed; NULL out of memory.
 */
enum { RP_CMD_SCANS, RP_CMD_DIFF, RP_CMD_FW };
char		*rp_command(const struct pk_report *rp, const char *prefix,
		    int which);

/* hosts.c: the hosts listed in full and the networks of the rest. */
void		 rp_hosts_init(struct rp_hosts *hs, size_t detail);
void		 rp_hosts_free(struct rp_hosts *hs);
/* again: the address was counted before (pk_rank_add said PK_EOF). */
int		 rp_hosts_add(struct rp_hosts *hs, const struct pk_host *h,
		    const char *input, int again);
size_t		 rp_hosts_memory(const struct rp_hosts *hs);
unsigned long	 rp_hosts_listed(const struct rp_hosts *hs);
void		 rp_hosts_write(struct rp_out *o, struct pk_report *rp);

/* findings.c: nonstd groups, firewall hosts, changes. */
int		 rp_ns_add(struct pk_report *rp, const struct pk_ns_finding *f);
int		 rp_fw_keep(struct pk_report *rp, const struct pk_fw_host *fh);
void		 rp_nonstd_write(struct rp_out *o, struct pk_report *rp);
void		 rp_changes_write(struct rp_out *o, struct pk_report *rp);
void		 rp_firewall_write(struct rp_out *o, struct pk_report *rp);

/* collect.c: one host of an input into every engine that wants it. */
int		 rp_collect(struct pk_report *rp, struct rp_input *in,
		    const struct pk_host *h);
/* The engines, once the roles of every input are known. */
int		 rp_engines(struct pk_report *rp);

/* sections.c: summary, top ports, services. */
void		 rp_summary_write(struct rp_out *o, struct pk_report *rp);
void		 rp_top_write(struct rp_out *o, struct pk_report *rp);
void		 rp_services_write(struct rp_out *o, struct pk_report *rp);


#endif /* PK_REPORT_IMPL_H */
