/*
 * proto.c - protocol names.
 */
#include <string.h>

#include "portkit.h"

static const char *const proto_names[PK_PROTO_COUNT] = {
	[PK_PROTO_TCP] = "tcp",
	[PK_PROTO_UDP] = "udp",
	[PK_PROTO_SCTP] = "sctp",
	[PK_PROTO_IP] = "ip"
};

const char *
pk_proto_name(int proto)
{
	if (proto < 0 || proto >= PK_PROTO_COUNT)
		return NULL;
	return proto_names[proto];
}

int
pk_proto_parse(const char *name)
{
	int i;

	if (name == NULL)
		return -1;
	for (i = 0; i < PK_PROTO_COUNT; i++)
		if (strcmp(name, proto_names[i]) == 0)
			return i;
	return -1;
}
