/*
 * proto.h - port states, beside the protocol names of portkit.h
 * (internal).
 */
#ifndef PK_BASE_PROTO_H
#define PK_BASE_PROTO_H

#include <stddef.h>

#include "portkit.h"

/* The states nmap gives a port, in the order tools list them. */
enum pk_state {
	PK_STATE_OPEN,
	PK_STATE_CLOSED,
	PK_STATE_FILTERED,
	PK_STATE_UNFILTERED,
	PK_STATE_OPEN_FILTERED,		/* "open|filtered" */
	PK_STATE_CLOSED_FILTERED,	/* "closed|filtered" */
	PK_STATE_COUNT
};

/*
 * Their names, by enum pk_state.  A reader may store these pointers in
 * pk_port.state, so that one state is one pointer.
 */
extern const char *const pk_state_names[PK_STATE_COUNT];

/* The protocols' names, by PK_PROTO_*, as pk_proto_name returns them. */
extern const char *const pk_proto_names[];

/*
 * pk_proto_name itself, inline for the row maker, which names the
 * protocol of every port row.
 */
static inline const char *
pk_proto_str(int proto)
{
	if (proto < 0 || proto >= PK_PROTO_COUNT)
		return NULL;
	return pk_proto_names[proto];
}

/* The state s[0..n) names, exactly (case-sensitive), or -1. */
int	pk_state_parse(const char *s, size_t n);

#endif /* PK_BASE_PROTO_H */
