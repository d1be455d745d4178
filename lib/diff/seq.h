/*
 * seq.h - difflib-style opcodes over string arrays (internal).
 */
#ifndef PK_DIFF_SEQ_H
#define PK_DIFF_SEQ_H

#include <stddef.h>

enum { PK_SEQ_EQUAL, PK_SEQ_REPLACE, PK_SEQ_DELETE, PK_SEQ_INSERT };

/* In match(), i2 holds a block's size until opcodes() rewrites it. */
struct pk_seq_op {
	int		 tag;
	size_t		 i1, i2, j1, j2;
};

/*
 * The opcodes turning a[0..na) into b[0..nb) as Python's
 * difflib.SequenceMatcher(None, a, b).get_opcodes() gives them for
 * inputs under its 200-element junk threshold.  *ops is malloc'ed.
 * Returns 0, or -1 out of memory.
 */
int	pk_seq_opcodes(const char *const *a, size_t na, const char *const *b,
	    size_t nb, struct pk_seq_op **ops, size_t *nops);

#endif /* PK_DIFF_SEQ_H */
