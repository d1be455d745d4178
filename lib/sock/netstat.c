/*
 * netstat.c - one record of a net-tools netstat(8) listing ("netstat
 * -tulpn", "-tunap", "-tlnp", with or without -e, -o, -W and -n).
 *
 * Columns are Proto Recv-Q Send-Q Local Foreign State, then User and
 * Inode (-e), PID/Program name (-p) and Timer (-o), as the header line
 * says.  UDP sockets have an empty State unless connected.  The program
 * name may hold blanks, so PID/Program name is the rest of the line
 * (less a trailing timer); it is "-" when netstat cannot tell (not root,
 * TIME_WAIT).  netstat writes IPv6 without brackets ("::1:5432"), so the
 * port follows the last colon; it drops zone ids; it writes an
 * IPv4-mapped address on a tcp6 line as plain IPv4; and without -W it
 * cuts an address so that "addr:port" fits 23 columns, which leaves a
 * valid-looking but wrong address: such an endpoint is refused.
 * Messages netstat writes to standard error ("(Not all processes could
 * be identified, ...)") are skipped when captured with the table.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "base/parse.h"
#include "sock/sock_impl.h"

/* Columns past State, from the header line. */
#define NS_USER		0x01
#define NS_INODE	0x02
#define NS_PROG		0x04
#define NS_TIMER	0x08

/* The width netstat fits "addr:port" into without -W. */
#define NS_ADDR_COLS	23

static int
ns_bad(struct pk_sock_reader *r, const char *what)
{
	return pk_sk_fail(r, PK_ERR_FORMAT, r->first, "%s", what);
}

static int
has(const char *p, const char *end, const char *lit)
{
	size_t l = strlen(lit);

	for (; (size_t)(end - p) >= l; p++)
		if (memcmp(p, lit, l) == 0)
			return 1;
	return 0;
}

/* "Proto Recv-Q Send-Q Local Address ...": which columns follow State. */
static int
ns_header(struct pk_sock_reader *r, const char *p, const char *end)
{
	if (!has(p, end, "Local Address")) {
		r->ns_other = 1;	/* unix, bluetooth: not sockets of ours */
		return SK_SKIP;
	}
	r->ns_other = 0;
	r->ns_cols = (has(p, end, " User ") ? NS_USER : 0) |
	    (has(p, end, " Inode ") ? NS_INODE : 0) |
	    (has(p, end, " PID/Program name") ? NS_PROG : 0) |
	    (has(p, end, " Timer") ? NS_TIMER : 0);
	r->header = 1;
	return SK_SKIP;
}

/* Lines that are not sockets: notes, section titles, headers. */
static int
ns_frame(struct pk_sock_reader *r, const char *p, const char *end)
{
	const char *e = end;
	struct sk_tok t;

	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (r->ns_note) {
		r->ns_note = 0;		/* notes take two lines at most */
		return SK_SKIP;
	}
	if (p < end && *p == '(') {
		/* A note from standard error, perhaps over two lines. */
		r->ns_note = !(e > p && e[-1] == ')');
		return SK_SKIP;
	}
	if (!pk_sk_tok(&p, end, &t))
		return SK_SKIP;
	if (pk_sk_tokeq(&t, "Active")) {
		r->ns_other = !has(p, end, " Internet ");
		return SK_SKIP;
	}
	if (pk_sk_tokeq(&t, "Proto"))
		return ns_header(r, p, end);
	return PK_OK;
}

/*
 * One end, "addr:port".  family is the line's (tcp6: 6): netstat shows
 * an IPv4-mapped address as IPv4, which is put back, and the IPv6
 * wildcard, which may be dual stack or IPv6-only, is "*" as in lsof.
 */
static int
ns_end(struct pk_sock_reader *r, const struct sk_tok *t, int family,
    int peer)
{
	const char **addr = peer ? &r->rec.peer_addr : &r->rec.addr;
	unsigned char b[4];
	char *m, buf[PK_EXCERPT_SIZE];
	size_t n;

	if (t->n == NS_ADDR_COLS)
		return pk_sk_fail(r, PK_ERR_FORMAT, r->first, "netstat may "
		    "have cut \"%s\" to fit its %d columns (use netstat -W)",
		    pk_excerpt(buf, t->p, t->n), NS_ADDR_COLS);
	if (pk_sk_endpoint(r, t->p, t->n, peer) == -1)
		return pk_sk_refail(r);
	if (*addr == NULL || family != 6)
		return PK_OK;
	if (inet_pton(AF_INET, *addr, b) == 1) {
		n = strlen(*addr) + 8;
		if ((m = pk_arena_alloc(&r->arena, n)) == NULL)
			return pk_sk_fail(r, PK_ERR_NOMEM, r->first,
			    "out of memory");
		(void)snprintf(m, n, "::ffff:%s", *addr);
		*addr = m;
	} else if (!peer && strcmp(*addr, "::") == 0)
		*addr = "*";
	return PK_OK;
}

/* "tcp6" and the like: 1 for a socket of ours, 0 to skip, -1 if none. */
static int
ns_proto(struct pk_sock_reader *r, const struct sk_tok *t, int *family)
{
	static const char *const other[] = {
		"raw", "raw6", "udpl", "udpl6", "unix", "sctp", "sctp6",
		NULL
	};
	size_t i;

	if (pk_sk_tokeq(t, "tcp") || pk_sk_tokeq(t, "tcp6") ||
	    pk_sk_tokeq(t, "udp") || pk_sk_tokeq(t, "udp6")) {
		r->rec.proto = t->p[0] == 't' ? PK_PROTO_TCP : PK_PROTO_UDP;
		*family = t->p[t->n - 1] == '6' ? 6 : 4;
		return 1;
	}
	for (i = 0; other[i] != NULL; i++)
		if (pk_sk_tokeq(t, other[i]))
			return 0;
	return -1;
}

/* Drop "off (0.00/0/0)" and the like from the end of [p, *end). */
static int
ns_timer(const char *p, const char **end)
{
	const char *e = *end, *open;

	if (e == p || e[-1] != ')')
		return -1;
	for (open = e - 1; open > p && *open != '('; open--)
		continue;
	if (*open != '(')
		return -1;
	e = open;
	while (e > p && e[-1] == ' ')
		e--;
	while (e > p && e[-1] != ' ')
		e--;		/* off, on, keepalive, timewait, probe */
	*end = e;
	return 0;
}

/* PID/Program name: "812/sshd", or "-" when netstat could not tell. */
static int
ns_prog(struct pk_sock_reader *r, const char *p, const char *end)
{
	struct pk_sock_proc *pr;
	unsigned long long pid;
	size_t d;

	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	if (p == end || (end - p == 1 && *p == '-'))
		return PK_OK;
	d = pk_parse_digits(p, (size_t)(end - p), &pid);
	if (d == 0 || d > 10 || p + d == end || p[d] != '/')
		return ns_bad(r, "bad netstat PID/Program name");
	p += d + 1;
	pr = pk_arena_zalloc(&r->arena, sizeof(*pr));
	if (pr == NULL || (pr->name = pk_arena_strndup(&r->arena, p,
	    (size_t)(end - p))) == NULL)
		return pk_sk_fail(r, PK_ERR_NOMEM, r->first, "out of memory");
	pr->pid = (long)pid;
	pr->fd = -1;
	r->rec.procs = pr;
	r->rec.nprocs = 1;
	r->rec.process = pr->name;
	r->rec.pid = pr->pid;
	return PK_OK;
}

/* State (empty for an unconnected UDP socket), then -e's User, Inode. */
static int
ns_state_user(struct pk_sock_reader *r, const char **p, const char *end)
{
	struct sk_tok st, u, ino;
	const char *q = *p;
	long long v;

	if (!pk_sk_tok(&q, end, &st) || pk_sk_state(r, st.p, st.n) == -1) {
		if (r->rec.proto == PK_PROTO_TCP)
			return ns_bad(r, "unknown netstat socket state");
		r->rec.state = "unconn";	/* netstat leaves it empty */
	} else
		*p = q;
	if ((r->ns_cols & NS_USER) != 0) {
		if (!pk_sk_tok(p, end, &u))
			return ns_bad(r, "missing User in netstat line");
		r->rec.user = pk_arena_strndup(&r->arena, u.p, u.n);
		if (r->rec.user == NULL)
			return pk_sk_fail(r, PK_ERR_NOMEM, r->first,
			    "out of memory");
	}
	if ((r->ns_cols & NS_INODE) != 0 && (!pk_sk_tok(p, end, &ino) ||
	    pk_parse_long(ino.p, ino.n, &v) == -1))
		return ns_bad(r, "netstat Inode must be a number");
	return PK_OK;
}

int
pk_netstat_parse(struct pk_sock_reader *r)
{
	const char *p = r->acc, *end = r->acc + r->acclen;
	struct sk_tok pt, rq, sq, loc, peer;
	long long q;
	int family, rc;

	if ((rc = ns_frame(r, p, end)) != PK_OK)
		return rc;
	(void)pk_sk_tok(&p, end, &pt);
	if ((rc = ns_proto(r, &pt, &family)) <= 0 || r->ns_other) {
		if (rc == -1 && !r->ns_other)
			return ns_bad(r, "not a netstat socket line");
		r->nskipped++;
		return SK_SKIP;
	}
	if (!pk_sk_tok(&p, end, &rq) || !pk_sk_tok(&p, end, &sq) ||
	    !pk_sk_tok(&p, end, &loc) || !pk_sk_tok(&p, end, &peer))
		return ns_bad(r, "missing columns in netstat line");
	if (pk_parse_long(rq.p, rq.n, &q) == -1 ||
	    pk_parse_long(sq.p, sq.n, &q) == -1)
		return ns_bad(r, "Recv-Q and Send-Q must be numbers");
	if ((rc = ns_end(r, &loc, family, 0)) != PK_OK ||
	    (rc = ns_end(r, &peer, family, 1)) != PK_OK)
		return rc;
	r->rec.family = family;
	if ((rc = ns_state_user(r, &p, end)) != PK_OK)
		return rc;
	while (end > p && (end[-1] == ' ' || end[-1] == '\r'))
		end--;
	if ((r->ns_cols & NS_TIMER) != 0 && ns_timer(p, &end) == -1)
		return ns_bad(r, "missing Timer in netstat line");
	if ((r->ns_cols & NS_PROG) != 0 || !r->header) {
		if ((rc = ns_prog(r, p, end)) != PK_OK)
			return rc;
	} else if (pk_sk_tok(&p, end, &pt))
		return ns_bad(r, "unexpected text after the netstat columns");
	pk_sk_listening(&r->rec);
	return PK_OK;
}
