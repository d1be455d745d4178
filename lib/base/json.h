/*
 * json.h - a script's <table>/<elem> tree as JSON text (internal).
 */
#ifndef PK_BASE_JSON_H
#define PK_BASE_JSON_H

#include <stddef.h>

#include "base/arena.h"
#include "portkit.h"

/*
 * The n nodes e as one JSON value, NUL-terminated, in arena a; NULL when
 * the arena ran out.  An <elem> is a string.  A list of nodes (the
 * script's top level, a table's contents) is an object when every node
 * has a key, else an array in which a keyed node is a one-member object
 * {"key": value}; an empty list is [].  Strings are escaped as the jsonl
 * writer escapes them.
 */
char	*pk_json_elems(struct pk_arena *a, const struct pk_script_elem *e,
	    size_t n);

#endif /* PK_BASE_JSON_H */
