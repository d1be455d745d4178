/*
 * fuzz_sockdump.c - ss, lsof and netstat listings through pk_sock_open_mem
 * (seeds: testdata/fuzz/sockdump/), once stopping at the first bad line
 * and once skipping bad lines.  Every socket delivered must keep the
 * promises of portkit.h: tcp or udp, port 0..65535, an address, and a
 * process list whose first entry is the socket's process.
 */
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "replay.h"

static void
check_sock(const struct pk_sock *s)
{
	if (s->proto != PK_PROTO_TCP && s->proto != PK_PROTO_UDP)
		abort();
	if (s->port > 65535 || s->addr == NULL)
		abort();
	if (s->format != PK_FMT_SS && s->format != PK_FMT_LSOF &&
	    s->format != PK_FMT_NETSTAT)
		abort();
	if (s->nprocs > 0 && (s->procs == NULL || s->process == NULL ||
	    strcmp(s->procs[0].name, s->process) != 0))
		abort();
	if (s->peer_port < -1 || s->peer_port > 65535)
		abort();
}

static void
run(const uint8_t *data, size_t size, int skip_bad)
{
	const struct pk_sock *s;
	struct pk_sock_reader *r;
	struct pk_sock_opts opts;
	int st, rounds = 0;

	pk_sock_opts_init(&opts);
	opts.skip_bad = skip_bad;
	opts.limits.max_input_bytes = (uint64_t)4 << 20;
	if ((r = pk_sock_open_mem(data, size, "fuzz", &opts)) == NULL)
		abort();
	for (;;) {
		st = pk_sock_next(r, &s);
		if (st == PK_OK) {
			check_sock(s);
			continue;
		}
		if (st == PK_EOF)
			break;
		if (st > 0 || pk_sock_error(r)->msg[0] == '\0')
			abort();	/* every error must say why */
		/* Skipping goes on after a format error only. */
		if (!skip_bad || st != PK_ERR_FORMAT || ++rounds > 100000)
			break;
	}
	(void)pk_sock_records(r);
	(void)pk_sock_skipped(r);
	pk_sock_free(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run(data, size, 0);
	run(data, size, 1);
	return 0;
}
