/*
 * portspec.h - a port set's bitmap, for a caller that walks it a word
 * at a time (internal; the set itself is in portkit.h).
 */
#ifndef PK_PORTSPEC_H
#define PK_PORTSPEC_H

#include <stdint.h>

#include "portkit.h"

/* Words of a protocol's bitmap: port p is bit p % 64 of word p / 64. */
#define PK_PORTSET_WORDS	1024

/*
 * ps's PK_PORTSET_WORDS words for proto (PK_PROTO_TCP, _UDP or _SCTP),
 * or NULL when ps is NULL or proto is out of range.
 */
const uint64_t	*pk_portset_words(const struct pk_portset *ps, int proto);

#endif /* PK_PORTSPEC_H */
