/*
 * lsof.c - one record of an lsof(8) listing ("lsof -i", with or without
 * -P and -n).
 *
 * Columns are COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME, blank
 * separated; lsof escapes blanks and control characters in COMMAND, so
 * every column is one token.  SIZE/OFF may be empty, so NODE (TCP, UDP)
 * is found by name after TYPE.  NAME is "local[->peer]", followed by
 * "(STATE)" for TCP.
 */
#include <string.h>

#include "base/parse.h"
#include "sock/sock_impl.h"

#define LSOF_MAXTOK	16

static int
lsof_bad(struct pk_sock_reader *r, const char *what)
{
	return pk_sk_fail(r, PK_ERR_FORMAT, r->first, "%s", what);
}

static int
lsof_header(struct pk_sock_reader *r, const struct sk_tok *t, int n)
{
	static const char *const cols[] = {
		"COMMAND", "PID", "USER", "FD", "TYPE", "DEVICE", "SIZE/OFF",
		"NODE", "NAME"
	};
	int i;

	for (i = 0; i < n; i++)
		if (pk_sk_tokeq(&t[i], "TID") || pk_sk_tokeq(&t[i], "TASKCMD"))
			return lsof_bad(r, "lsof output with TID or TASKCMD "
			    "columns (-K) is not supported");
	for (i = 0; i < 9; i++)
		if (i >= n || !pk_sk_tokeq(&t[i], cols[i]))
			return lsof_bad(r, "unexpected lsof header");
	r->header = 1;
	return SK_SKIP;
}

/* NAME ("local" or "local->peer") and the "(STATE)" after it. */
static int
lsof_name(struct pk_sock_reader *r, const struct sk_tok *name,
    const struct sk_tok *st)
{
	if (pk_sk_lsof_name(r, name->p, name->n) == -1)
		return pk_sk_refail(r);
	if (st != NULL && (st->n < 3 || st->p[0] != '(' ||
	    st->p[st->n - 1] != ')' ||
	    pk_sk_state(r, st->p + 1, st->n - 2) == -1))
		return lsof_bad(r, "unknown lsof socket state");
	return PK_OK;
}

/* COMMAND PID USER FD into the record's one process. */
static int
lsof_proc(struct pk_sock_reader *r, const struct sk_tok *t)
{
	struct pk_sock_proc *p;
	unsigned long long v;
	long long pid;
	long fd = -1;

	if (pk_parse_long(t[1].p, t[1].n, &pid) == -1)
		return lsof_bad(r, "lsof PID must be a number");
	/* FD is "3u", "cwd", ...: up to 9 leading digits, or none. */
	if (pk_parse_digits(t[3].p, t[3].n < 9 ? t[3].n : 9, &v) > 0)
		fd = (long)v;
	p = pk_arena_zalloc(&r->arena, sizeof(*p));
	if (p == NULL ||
	    (p->name = pk_sk_unescape(r, t[0].p, t[0].n)) == NULL ||
	    (r->rec.user = pk_arena_strndup(&r->arena, t[2].p,
	    t[2].n)) == NULL)
		return pk_sk_fail(r, PK_ERR_NOMEM, r->first, "out of memory");
	p->pid = (long)pid;
	p->fd = fd;
	r->rec.procs = p;
	r->rec.nprocs = 1;
	r->rec.process = p->name;
	r->rec.pid = p->pid;
	r->rec.fd = p->fd;
	return PK_OK;
}

int
pk_lsof_parse(struct pk_sock_reader *r)
{
	const char *p = r->acc, *end = r->acc + r->acclen;
	struct sk_tok t[LSOF_MAXTOK];
	int n = 0, k, rc;

	while (n < LSOF_MAXTOK && pk_sk_tok(&p, end, &t[n]))
		n++;
	if (n == 0)
		return SK_SKIP;
	if (pk_sk_tokeq(&t[0], "COMMAND") && n > 1 &&
	    pk_sk_tokeq(&t[1], "PID"))
		return lsof_header(r, t, n);
	if (!r->header)
		return lsof_bad(r, "lsof line before the header");
	if (n < 8 || n == LSOF_MAXTOK)
		return lsof_bad(r, "not an lsof line");
	if (!pk_sk_tokeq(&t[4], "IPv4") && !pk_sk_tokeq(&t[4], "IPv6")) {
		r->nskipped++;
		return SK_SKIP;
	}
	for (k = 5; k < n - 1; k++)
		if (pk_sk_tokeq(&t[k], "TCP") || pk_sk_tokeq(&t[k], "UDP"))
			break;
	if (k == n - 1 || (n - k > 3)) {
		r->nskipped++;	/* raw, icmp, sctp: not a service port */
		return SK_SKIP;
	}
	r->rec.proto = t[k].p[0] == 'T' ? PK_PROTO_TCP : PK_PROTO_UDP;
	if ((rc = lsof_proc(r, t)) != PK_OK)
		return rc;
	if ((rc = lsof_name(r, &t[k + 1], k + 2 < n ? &t[k + 2] : NULL)) !=
	    PK_OK)
		return rc;
	/* lsof writes "*" for IPv4-only and IPv6 sockets alike. */
	r->rec.family = pk_sk_tokeq(&t[4], "IPv4") ? 4 : 6;
	pk_sk_listening(&r->rec);
	return PK_OK;
}
