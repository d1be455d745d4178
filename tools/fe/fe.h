/*
 * fe.h - helpers shared by the portkit tools, never by the library
 * (libarchive's libarchive_fe/ model).  Only code here may exit.
 *
 * Messages follow the house format: "prog: file:line: what", lowercase,
 * no final full stop.  Usage errors and bad arguments exit 2.
 *
 * SIGPIPE keeps its default disposition in every tool: "pcat x | head"
 * must die quietly of SIGPIPE instead of reporting a write error.  When a
 * parent ignores SIGPIPE, writes fail with EPIPE instead, and
 * fe_close_stdout() stays quiet about that too.
 */
#ifndef PK_FE_H
#define PK_FE_H

#include <stddef.h>

#include "portkit.h"

#if defined(__GNUC__) || defined(__clang__)
#define FE_PRINTF(f, a)	__attribute__((format(printf, f, a)))
#else
#define FE_PRINTF(f, a)
#endif

/* Remember basename(argv0) for messages; call first thing in main. */
void		 fe_setprogname(const char *argv0);
/* The name set above, "portkit" before. */
const char	*fe_progname(void);

/* "prog: msg" on stderr. */
void		 fe_warnx(const char *fmt, ...) FE_PRINTF(1, 2);
/* "prog: file:line: msg"; ":line" is left out when line is 0, "file:" when
   file is NULL. */
void		 fe_warn_at(const char *file, unsigned long line,
		    const char *fmt, ...) FE_PRINTF(3, 4);
/* fe_warnx, then exit(status). */
_Noreturn void	 fe_errx(int status, const char *fmt, ...) FE_PRINTF(2, 3);
/* "prog: out of memory", exit 2. */
_Noreturn void	 fe_nomem(void);
/*
 * pk_read_opts_init, and every warning the readers give printed as
 * "prog: file:line: warning: ..." (ports listed twice, a port list that
 * is ignored): one way for every tool.  Script trees are skipped
 * (skip_script_trees): only pcat --scripts wants them.
 */
void		 fe_read_opts_init(struct pk_read_opts *opts);
/*
 * nmap-services for the port names of ss and lsof dumps made without -n
 * or -P: path (NULL: found as nmap finds it), NULL when there is none
 * (a numeric dump needs none); a file that is there but bad is an error:
 * message and exit 2.
 */
struct pk_services *fe_dump_services(const char *path);
/* pk_reader_open, or "prog: out of memory" and exit 2. */
struct pk_reader *fe_reader_open(const char *path,
		    const struct pk_read_opts *opts);
/* "prog: FILE:LINE: message" for a reader's error (house format); the
   message is pk_strerror(status) when the reader left msg empty. */
void		 fe_warn_pkerr(const struct pk_error *err);
/*
 * The filter criterion of option opt ("-p", "--host", "--proto",
 * "--service" or "--state") from arg; a bad argument is an error in
 * the option's words, exit 2.
 */
void		 fe_filter_set(struct pk_filter *f, const char *opt,
		    const char *arg);
/* --match FIELD=REGEX on records of kind (PK_REC_*; -1: sockets). */
void		 fe_filter_match(struct pk_filter *f, int kind,
		    const char *arg);
/* --list-fields: "name type description" a line on stdout, exit 0. */
_Noreturn void	 fe_list_fields(const struct pk_field *f, size_t n);
/* "Try 'prog --help' for more information." on stderr, exit 2. */
_Noreturn void	 fe_tryhelp(void);
/* "prog (portkit) VERSION" on stdout, exit 0. */
_Noreturn void	 fe_print_version(void);

/*
 * Strict decimal in [min, max]: digits only, no sign, no blanks.  On error
 * prints "prog: invalid WHAT: 'S'" or "prog: WHAT out of range: 'S' (must
 * be MIN..MAX)" and exits 2.
 */
unsigned long	 fe_parse_ulong(const char *s, unsigned long min,
		    unsigned long max, const char *what);
/* The same for a finite decimal number ("0.5", "1e-3"; no hex, inf, nan). */
double		 fe_parse_double(const char *s, double min, double max,
		    const char *what);

/*
 * Flush stdout and check it, to be called as "return fe_close_stdout(st);"
 * at the end of main (explicitly, no atexit: exit paths stay visible and
 * sanitizer reports are not hidden).  EPIPE is ignored; any other write
 * error prints "prog: write error: strerror" and exits 2.  Returns status.
 */
int		 fe_close_stdout(int status);
/* A write failed: exit 2, quietly when the reader went away (EPIPE). */
_Noreturn void	 fe_write_failed(void);
/*
 * Standard input is one stream: count the "-" among paths on top of seen
 * (from other lists of the same command) and exit 2 when it is more than
 * one.  Returns the count.
 */
size_t		 fe_stdin_once(const char *const paths[], size_t n, size_t seen);

/*
 * pnonstd's tables: given (--tables) when not NULL, else
 * $PORTKIT_DATADIR, share/portkit next to the binary's directory
 * (installed), the source tree's data/ (a binary run from a build
 * directory up to three levels below it), then the DATADIR make
 * install used, /usr/local/share/portkit and /usr/share/portkit.  buf (sz bytes) may hold the answer; NULL when
 * none is found.
 */
const char	*fe_tables_dir(const char *given, char *buf, size_t sz);
/*
 * Load one table, or dir's process map and families, into ns; a bad
 * one exits 2.
 */
void		 fe_nonstd_load(struct pk_nonstd *ns, enum pk_ns_table t,
		    const char *path);
void		 fe_nonstd_tables(struct pk_nonstd *ns, const char *dir);
/*
 * The port table: DIR/port-categories (dir NULL: fe_tables_dir's),
 * then the user's file (--port-table) over it.  A bad file exits 2.
 * When no installed table is found and the user gave none, need says
 * what follows: 1 exits 2 naming what to do, 0 says that the category
 * field stays empty and returns NULL.
 */
struct pk_ports	*fe_ports_open(const char *dir, const char *user, int need);

#endif /* PK_FE_H */
