/*
 * sockrec.c - sockets from ss and lsof listings as rows of named fields,
 * the counterpart of record.c for scans: one table gives the header,
 * --list-fields and portkit-output(5).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/error.h"
#include "base/value.h"
#include "portkit.h"

enum sf {
	S_FILE, S_FORMAT, S_LINE, S_PROTO, S_HOST, S_ZONE, S_FAMILY, S_PORT,
	S_PORT_NAME, S_STATE, S_LISTENING, S_PEER, S_PEER_PORT, S_PROCESS,
	S_PID, S_FD, S_USER, S_PROCESSES
};

static const struct pk_field sock_fields[] = {
	{ "file", PK_FT_STR, 12, "input file the record came from" },
	{ "format", PK_FT_STR, 4, "ss or lsof" },
	{ "line", PK_FT_INT, 4, "input line where the socket began" },
	{ "proto", PK_FT_STR, 4, "tcp or udp" },
	{ "host", PK_FT_STR, 15, "bind address: 0.0.0.0, ::, * (all), "
	    "an address or a host name" },
	{ "zone", PK_FT_STR, 5, "interface of the bind address (%eth0)" },
	{ "family", PK_FT_INT, 1, "4 or 6 (lsof TYPE, or the address form "
	    "in ss); absent when the listing does not say (ss *: dual "
	    "stack)" },
	{ "port", PK_FT_INT, 5, "local port" },
	{ "port_name", PK_FT_STR, 8, "the port as the listing named it" },
	{ "state", PK_FT_STR, 6, "listen, unconn, established, time-wait, "
	    "..." },
	{ "listening", PK_FT_INT, 1, "1 for a listener (tcp listen, or no "
	    "peer), else 0" },
	{ "peer", PK_FT_STR, 15, "peer address, with %zone" },
	{ "peer_port", PK_FT_INT, 5, "peer port" },
	{ "process", PK_FT_STR, 10, "name of the first process" },
	{ "pid", PK_FT_INT, 5, "its process id" },
	{ "fd", PK_FT_INT, 2, "its file descriptor" },
	{ "user", PK_FT_STR, 6, "owner (lsof only)" },
	{ "processes", PK_FT_STR, 12, "every process as name/pid, separated "
	    "by commas" },
};

#define NSOCK_FIELDS	(sizeof(sock_fields) / sizeof(sock_fields[0]))

static const char sock_default[] = "proto,host,port,state,process,pid,user";

struct pk_sockrow {
	size_t		 n;
	int		*idx;
	struct pk_field	*fields;
	struct pk_value	*vals;
	struct pk_arena	 scratch;
};

const struct pk_field *
pk_sock_fields(size_t *n)
{
	*n = NSOCK_FIELDS;
	return sock_fields;
}

int
pk_sock_field_index(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < NSOCK_FIELDS; i++)
		if (strlen(sock_fields[i].name) == len &&
		    memcmp(sock_fields[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

void
pk_sockrow_free(struct pk_sockrow *sr)
{
	if (sr == NULL)
		return;
	pk_arena_destroy(&sr->scratch);
	free(sr->idx);
	free(sr->fields);
	free(sr->vals);
	free(sr);
}

static int
sockrow_add(struct pk_sockrow *sr, const char *name, size_t len,
    struct pk_error *err)
{
	size_t i;
	int k;

	if (len == 3 && memcmp(name, "all", 3) == 0) {
		for (i = 0; i < NSOCK_FIELDS; i++)
			(void)sockrow_add(sr, sock_fields[i].name,
			    strlen(sock_fields[i].name), err);
		return PK_OK;
	}
	if ((k = pk_sock_field_index(name, len)) < 0) {
		pk_error_set(err, PK_ERR_USAGE, 0, "unknown field \"%.*s\"",
		    (int)(len > 40 ? 40 : len), name);
		return PK_ERR_USAGE;
	}
	sr->idx[sr->n] = k;
	sr->fields[sr->n++] = sock_fields[k];
	return PK_OK;
}

struct pk_sockrow *
pk_sockrow_new(const char *list, struct pk_error *err)
{
	struct pk_sockrow *sr;
	const char *p, *c;
	size_t cap;

	if (list == NULL)
		list = sock_default;
	cap = (strlen(list) / 2 + 2) * NSOCK_FIELDS;
	sr = calloc(1, sizeof(*sr));
	if (sr == NULL || (sr->idx = calloc(cap, sizeof(int))) == NULL ||
	    (sr->fields = calloc(cap, sizeof(*sr->fields))) == NULL ||
	    (sr->vals = calloc(cap, sizeof(*sr->vals))) == NULL) {
		pk_sockrow_free(sr);
		pk_error_set(err, PK_ERR_NOMEM, 0, "out of memory");
		return NULL;
	}
	pk_arena_init(&sr->scratch, 0);
	for (p = list; ; p = c + 1) {
		if ((c = strchr(p, ',')) == NULL)
			c = p + strlen(p);
		if (sockrow_add(sr, p, (size_t)(c - p), err) != PK_OK) {
			pk_sockrow_free(sr);
			return NULL;
		}
		if (*c == '\0')
			break;
	}
	return sr;
}

const struct pk_field *
pk_sockrow_fields(const struct pk_sockrow *sr, size_t *n)
{
	*n = sr->n;
	return sr->fields;
}

/* "addr%zone" in scratch, or addr itself. */
static const char *
with_zone(struct pk_sockrow *sr, const char *addr, const char *zone)
{
	size_t n;
	char *s;

	if (addr == NULL || zone == NULL)
		return addr;
	n = strlen(addr) + strlen(zone) + 2;
	if ((s = pk_arena_alloc(&sr->scratch, n)) == NULL)
		return addr;
	(void)snprintf(s, n, "%s%%%s", addr, zone);
	return s;
}

static const char *
processes(struct pk_sockrow *sr, const struct pk_sock *s)
{
	size_t i, n = 1, used = 0;
	char *out;

	for (i = 0; i < s->nprocs; i++)
		n += strlen(s->procs[i].name) + 24;
	if (s->nprocs == 0 || (out = pk_arena_alloc(&sr->scratch, n)) == NULL)
		return NULL;
	for (i = 0; i < s->nprocs; i++)
		used += (size_t)snprintf(out + used, n - used, "%s%s/%ld",
		    i > 0 ? "," : "", s->procs[i].name, s->procs[i].pid);
	return out;
}

static void
fill(struct pk_sockrow *sr, struct pk_value *v, int k,
    const struct pk_sock *s, const char *file)
{
	switch (k) {
	case S_FILE: pk_val_str(v, file); break;
	case S_FORMAT: pk_val_str(v, pk_format_name(s->format)); break;
	case S_LINE: pk_val_int(v, (long long)s->line, s->line > 0); break;
	case S_PROTO: pk_val_str(v, pk_proto_name(s->proto)); break;
	case S_HOST: pk_val_str(v, s->addr); break;
	case S_ZONE: pk_val_str(v, s->zone); break;
	case S_FAMILY: pk_val_int(v, s->family, s->family != 0); break;
	case S_PORT: pk_val_int(v, s->port, 1); break;
	case S_PORT_NAME: pk_val_str(v, s->port_name); break;
	case S_STATE: pk_val_str(v, s->state); break;
	case S_LISTENING: pk_val_int(v, s->listening, 1); break;
	case S_PEER:
		pk_val_str(v, with_zone(sr, s->peer_addr, s->peer_zone));
		break;
	case S_PEER_PORT: pk_val_int(v, s->peer_port, s->peer_port >= 0); break;
	case S_PROCESS: pk_val_str(v, s->process); break;
	case S_PID: pk_val_int(v, s->pid, s->pid >= 0); break;
	case S_FD: pk_val_int(v, s->fd, s->fd >= 0); break;
	case S_USER: pk_val_str(v, s->user); break;
	default: pk_val_str(v, processes(sr, s)); break;
	}
}

const struct pk_value *
pk_sockrow_fill(struct pk_sockrow *sr, const struct pk_sock *s,
    const char *file)
{
	size_t i;

	pk_arena_reset(&sr->scratch);
	for (i = 0; i < sr->n; i++)
		fill(sr, &sr->vals[i], sr->idx[i], s, file);
	/* A list cut short by a failed allocation must not pass as whole. */
	return sr->scratch.over ? NULL : sr->vals;
}
