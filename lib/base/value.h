/*
 * value.h - filling one struct pk_value of a row (internal): every
 * engine that makes rows for the writers fills its values this way.
 */
#ifndef PK_BASE_VALUE_H
#define PK_BASE_VALUE_H

#include <stddef.h>

#include "portkit.h"

/* A string value; NULL is no value. */
static inline void
pk_val_str(struct pk_value *v, const char *s)
{
	v->set = s != NULL;
	v->s = s;
}

/* An integer value, present or not. */
static inline void
pk_val_int(struct pk_value *v, long long i, int present)
{
	v->set = present;
	v->s = NULL;
	v->i = i;
}

#endif /* PK_BASE_VALUE_H */
