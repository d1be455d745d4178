/*
 * input.h - the byte layer every reader stands on (internal).
 *
 * An input is a path, a descriptor or a memory buffer, decompressed
 * transparently when its first bytes are the gzip magic, and read through
 * one buffer that the readers consume in place: the XML reader hands whole
 * buffers to libxml2, the line readers take lines out of it.
 */
#ifndef PK_INPUT_H
#define PK_INPUT_H

#include <stddef.h>
#include <stdint.h>

#include "portkit.h"

struct pk_input;

/*
 * Open a path ("-" is standard input), a descriptor (not closed by the
 * input) or a memory buffer (which must outlive the input).  name is what
 * messages call the input; NULL means the path, or "<stdin>" for "-".
 * lim may be NULL for the defaults.  On failure NULL is returned and err
 * says why (err->file is not set: the name may not be valid any more).
 */
struct pk_input	*pk_input_open(const char *path, const char *name,
		    const struct pk_limits *lim, struct pk_error *err);
struct pk_input	*pk_input_open_fd(int fd, const char *name,
		    const struct pk_limits *lim, struct pk_error *err);
struct pk_input	*pk_input_open_mem(const void *buf, size_t len,
		    const char *name, const struct pk_limits *lim,
		    struct pk_error *err);
void		 pk_input_free(struct pk_input *in);

/*
 * 1 when reads never wait on another process: a regular file or memory
 * (a thread reading it can always be stopped and joined).
 */
int		 pk_input_bounded(const struct pk_input *in);
/*
 * The descriptor a file or stdin input reads (-1 for memory), to fstat:
 * it stays ours, and reading it would skip what the input buffered.
 */
int		 pk_input_fd(const struct pk_input *in);
/*
 * The size of a regular file (as stored: compressed if it is) or of a
 * memory buffer; 0 when unknown (a pipe).
 */
uint64_t	 pk_input_size(const struct pk_input *in);

/*
 * Make at least min bytes available (fewer at the end of input) without
 * consuming them.  *p and *n describe everything buffered.  Returns PK_OK,
 * PK_EOF when nothing at all is left, or an error (see pk_input_error).
 */
int		 pk_input_peek(struct pk_input *in, size_t min,
		    const char **p, size_t *n);
/* Declare n bytes of what pk_input_peek showed as used. */
void		 pk_input_consume(struct pk_input *in, size_t n);

/*
 * The next line, without its "\n" (and without a "\r" before it), lent
 * until the next call.  A final line without a newline is still a line.
 * Returns PK_OK, PK_EOF, PK_ERR_LIMIT for a line longer than the limit
 * (never split), or an I/O or gzip error.  *lineno is its 1-based number.
 */
int		 pk_input_getline(struct pk_input *in, const char **line,
		    size_t *len, unsigned long *lineno);
/* A line as the line readers walk it: p moves from start to end. */
struct pk_line {
	const char	*p;
	const char	*end;
	const char	*start;
	unsigned long	 no;
	int		 cut;		/* no newline: the input ended inside */
	int		 nul;		/* a NUL byte lies in it */
};

/*
 * pk_input_getline into ln, with p at its start, whether it lacks
 * its newline (the input ended inside it) and whether it holds a NUL
 * (found in the newline's search: no second pass).
 */
int		 pk_input_line(struct pk_input *in, struct pk_line *ln);
/* Lines fully consumed by pk_input_getline so far. */
unsigned long	 pk_input_lines(const struct pk_input *in);
/* Decompressed bytes consumed so far. */
uint64_t	 pk_input_offset(const struct pk_input *in);

/* The error behind the last failing call. */
const struct pk_error *pk_input_error(const struct pk_input *in);

/* Fill lim's zero fields with the documented defaults. */
void		 pk_limits_fill(struct pk_limits *dst,
		    const struct pk_limits *src);

#endif /* PK_INPUT_H */
