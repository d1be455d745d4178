/*
 * sock_impl.h - what the ss, lsof and netstat readers share (internal).
 *
 * Both listings are line grammars read through pk_input.  A socket may
 * span several lines (a process name or a unix path holding a newline),
 * so a record's text is gathered in acc, and each attempt to parse it
 * starts over in a freshly reset arena.
 */
#ifndef PK_SOCKDUMP_H
#define PK_SOCKDUMP_H

#include <stdint.h>

#include "base/arena.h"
#include "input/input.h"
#include "base/error.h"
#include "portkit.h"

/* A parse step's outcome besides PK_OK and the errors. */
#define SK_SKIP		2	/* a line that is not a record */
#define SK_MORE		3	/* the record continues on the next line */

/* Lines one record may span: a 15-byte name or a 108-byte unix path. */
#define SK_MAX_JOIN	110
/* Bytes the lines after a record's first may add to it. */
#define SK_MAX_JOIN_BYTES	((size_t)1 << 20)

struct sk_tok {
	const char	*p;
	size_t		 n;
};

struct pk_sock_reader {
	char		*name;
	struct pk_input	*in;
	struct pk_sock_opts opts;
	struct pk_error	 err;
	enum pk_format	 format;
	int		 final;		/* status once reported */
	int		 started;
	int		 header;	/* lsof, netstat: the header was seen */
	/* netstat: the header's columns, inside a note, another section. */
	int		 ns_cols;
	int		 ns_note;
	int		 ns_other;
	struct pk_arena	 arena;		/* the current record */
	struct pk_sock	 rec;
	char		*acc;		/* the record's text, lines joined */
	size_t		 acclen;
	size_t		 acccap;
	unsigned long	 first;		/* line where acc began */
	int		 pending;	/* acc holds lines not parsed yet */
	size_t		 proccap;	/* room in rec.procs */
	/* lsof -F: the process its file sets belong to (owned). */
	int		 fields;	/* -F output, not the table */
	uint64_t	 lf_seen;	/* letters of the file set in acc */
	long		 lf_pid;
	char		*lf_cmd;
	char		*lf_login;
	char		*lf_uid;
	unsigned long	 nrecs;
	unsigned long	 nskipped;
	unsigned long	 nbad;
};

/* Record a failure at line; final unless skip_bad allows going on. */
int		 pk_sk_fail(struct pk_sock_reader *r, int status,
		    unsigned long line, const char *fmt, ...) PK_PRINTF(4, 5);
/* pk_sk_fail with the message a helper left in r->err. */
int		 pk_sk_refail(struct pk_sock_reader *r);
/* Next blank-separated token of [*p, end); 0 at the end. */
int		 pk_sk_tok(const char **p, const char *end, struct sk_tok *t);
int		 pk_sk_tokeq(const struct sk_tok *t, const char *lit);
/*
 * Parse "addr:port" (brackets, "%zone", "*" port) into the record's
 * local (peer == 0) or peer end; sets r->err's message and returns -1
 * when it is malformed or its port name cannot be resolved.
 */
int		 pk_sk_endpoint(struct pk_sock_reader *r, const char *s,
		    size_t n, int peer);
/* Undo lsof's escapes in a COMMAND (\xHH, \n, ...), into r's arena. */
char		*pk_sk_unescape(struct pk_sock_reader *r, const char *s,
		    size_t n);
/* lsof's NAME, "local[->peer]", into the record; -1 as pk_sk_endpoint. */
int		 pk_sk_lsof_name(struct pk_sock_reader *r, const char *s,
		    size_t n);
/* Set rec.state from a listing's state word and rec.listening. */
int		 pk_sk_state(struct pk_sock_reader *r, const char *s, size_t n);
void		 pk_sk_listening(struct pk_sock *s);

/* Parse acc as one record: PK_OK, SK_SKIP, SK_MORE or an error. */
int		 pk_ss_parse(struct pk_sock_reader *r);
int		 pk_lsof_parse(struct pk_sock_reader *r);
int		 pk_netstat_parse(struct pk_sock_reader *r);
/* The next record of lsof -F output: PK_OK, PK_EOF or an error. */
int		 pk_lsof_f_next(struct pk_sock_reader *r);

#endif /* PK_SOCKDUMP_H */
