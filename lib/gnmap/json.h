/*
 * json.h - one JSON value of a line, as a tree (internal), for the
 * masscan JSON reader.
 */
#ifndef PK_GNMAP_JSON_H
#define PK_GNMAP_JSON_H

#include <stddef.h>

#include "base/arena.h"

enum js_type {
	JS_NULL, JS_BOOL, JS_NUM, JS_STRING, JS_ARRAY, JS_OBJECT
};

/*
 * A value.  s[0..n) is a string's decoded bytes (NUL-terminated, may hold
 * NULs), or the text of a number, true or false.  An object's members
 * and an array's items are the list first -> next; members have a key.
 */
struct js_value {
	enum js_type	 type;
	const char	*s;
	size_t		 n;
	const char	*key;
	size_t		 nkey;
	struct js_value	*first;
	struct js_value	*next;
};

/*
 * Parse one value from p[0..n) (blanks before it skipped) into v, its
 * parts in arena a; *used is how many bytes it took.  -1 with msg set
 * ("expected ':' at column 12") when it is no JSON, or out of memory.
 */
int	pk_js_parse(struct pk_arena *a, const char *p, size_t n, size_t *used,
	    struct js_value *v, char *msg, size_t msgsz);
/* The member key of object obj, or NULL. */
const struct js_value *pk_js_get(const struct js_value *obj, const char *key);

#endif /* PK_GNMAP_JSON_H */
