/*
 * proto.c - protocol names and port state names.
 */
#include <string.h>

#include "portkit.h"
#include "base/proto.h"

const char *const pk_proto_names[PK_PROTO_COUNT] = {
	[PK_PROTO_TCP] = "tcp",
	[PK_PROTO_UDP] = "udp",
	[PK_PROTO_SCTP] = "sctp",
	[PK_PROTO_IP] = "ip"
};

const char *const pk_state_names[PK_STATE_COUNT] = {
	[PK_STATE_OPEN] = "open",
	[PK_STATE_CLOSED] = "closed",
	[PK_STATE_FILTERED] = "filtered",
	[PK_STATE_UNFILTERED] = "unfiltered",
	[PK_STATE_OPEN_FILTERED] = "open|filtered",
	[PK_STATE_CLOSED_FILTERED] = "closed|filtered"
};

const char *
pk_proto_name(int proto)
{
	return pk_proto_str(proto);
}

int
pk_proto_parse(const char *name)
{
	int i;

	if (name == NULL)
		return -1;
	for (i = 0; i < PK_PROTO_COUNT; i++)
		if (strcmp(name, pk_proto_names[i]) == 0)
			return i;
	return -1;
}

/*
 * Grepable files name a state for every port: the length picks the one
 * candidate, and within each case n is a constant, so the compare is a
 * few loads, no call.
 */
int
pk_state_parse(const char *s, size_t n)
{
#define ST_IS(st)	(memcmp(s, pk_state_names[st], n) == 0 ? (st) : -1)
	switch (n) {
	case 4:
		return ST_IS(PK_STATE_OPEN);
	case 6:
		return ST_IS(PK_STATE_CLOSED);
	case 8:
		return ST_IS(PK_STATE_FILTERED);
	case 10:
		return ST_IS(PK_STATE_UNFILTERED);
	case 13:
		return ST_IS(PK_STATE_OPEN_FILTERED);
	case 15:
		return ST_IS(PK_STATE_CLOSED_FILTERED);
	default:
		return -1;
	}
#undef ST_IS
}
