/*
 * ss.c - one record of an ss(8) listing.
 *
 * Columns are [Netid] State Recv-Q Send-Q Local Peer [Process ...].  ss
 * prints process names raw: they may hold blanks, commas, quotes and
 * newlines, but never ')' (ss reads them from /proc/PID/stat up to the
 * first ')').  So within users:(("NAME",pid=N,fd=N),...) the first
 * '",pid=DIGITS,fd=DIGITS)' ends NAME without ambiguity.
 */
#include <string.h>

#include "base/parse.h"
#include "sock/sock_impl.h"

/* The longest process name the kernel keeps (TASK_COMM_LEN - 1). */
#define SS_COMM_MAX	15

static const char *const ss_states[] = {
	"LISTEN", "UNCONN", "ESTAB", "TIME-WAIT", "CLOSE-WAIT", "SYN-SENT",
	"SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "LAST-ACK", "CLOSING",
	"CLOSE", "UNKNOWN", "NEW-SYN-RECV", "BOUND", NULL
};

static int
is_state(const struct sk_tok *t)
{
	size_t i;

	for (i = 0; ss_states[i] != NULL; i++)
		if (pk_sk_tokeq(t, ss_states[i]))
			return 1;
	return 0;
}

/* 1 to 18 digits at p into *v; returns their end, or NULL. */
static const char *
ss_number(const char *p, const char *end, long *v)
{
	unsigned long long x;
	size_t n = pk_parse_digits(p, (size_t)(end - p), &x);

	if (n == 0 || n > 18)
		return NULL;
	*v = (long)x;
	return p + n;
}

/* At q: ",pid=N,fd=N)"?  Sets pid and fd and returns the ')'. */
static const char *
pid_fd(const char *q, const char *end, long *pid, long *fd)
{
	const char *d;

	if ((size_t)(end - q) < 6 || memcmp(q, "\",pid=", 6) != 0)
		return NULL;
	if ((d = ss_number(q + 6, end, pid)) == NULL)
		return NULL;
	if ((size_t)(end - d) < 4 || memcmp(d, ",fd=", 4) != 0)
		return NULL;
	q = d + 4;
	if ((d = ss_number(q, end, fd)) == NULL || d == end || *d != ')')
		return NULL;
	return d;
}

static int
add_proc(struct pk_sock_reader *r, const char *name, size_t n, long pid,
    long fd)
{
	struct pk_sock_proc *p = (struct pk_sock_proc *)r->rec.procs;
	size_t k = r->rec.nprocs;

	/* Doubling: a socket may be shared by thousands of processes. */
	if (k == r->proccap) {
		r->proccap = k == 0 ? 4 : 2 * k;
		p = pk_arena_grow(&r->arena, p, k * sizeof(*p),
		    r->proccap * sizeof(*p));
		if (p == NULL)
			return -1;
	}
	p[k].name = pk_arena_strndup(&r->arena, name, n);
	p[k].pid = pid;
	p[k].fd = fd;
	if (p[k].name == NULL)
		return -1;
	r->rec.procs = p;
	r->rec.nprocs = k + 1;
	return 0;
}

/*
 * users:(("a",pid=1,fd=3),("b",pid=2,fd=4)) at p.  SK_MORE when the text
 * ends inside a name that may go on past a newline, -1 when malformed.
 * A name is at most SS_COMM_MAX bytes, so a line cut elsewhere (or a pid
 * or fd no kernel gives) is a bad line, and the lines after it are not
 * taken for the rest of a name.
 */
static int
users(struct pk_sock_reader *r, const char *p, const char *end)
{
	const char *name, *q, *close;
	long pid, fd;

	p += strlen("users:(");
	for (;;) {
		if (end - p < 2)
			return SK_MORE;
		if (p[0] != '(' || p[1] != '"')
			return -1;
		name = p + 2;
		for (q = name, close = NULL; q < end && close == NULL; q++) {
			if (q - name > SS_COMM_MAX)
				return -1;
			if (*q == '"')
				close = pid_fd(q, end, &pid, &fd);
		}
		if (close == NULL)
			return end - name <= SS_COMM_MAX ? SK_MORE : -1;
		if (add_proc(r, name, (size_t)(q - 1 - name), pid, fd) == -1)
			return -1;
		p = close + 1;
		if (p == end)
			return SK_MORE;
		if (*p == ')')
			return PK_OK;
		if (*p != ',')
			return -1;
		p++;
	}
}

/* Is the rest of a unix socket line complete: PATH INODE PEER INODE? */
static int
unix_complete(const char *p, const char *end)
{
	struct sk_tok t[3];
	long long v;
	int n = 0;

	/* At least one path token, then digits, anything, digits. */
	if (!pk_sk_tok(&p, end, &t[0]))
		return 0;
	while (pk_sk_tok(&p, end, &t[n % 3])) {
		n++;
		if (n >= 3 && pk_parse_long(t[n % 3].p, t[n % 3].n, &v) == 0 &&
		    pk_parse_long(t[(n + 2) % 3].p, t[(n + 2) % 3].n,
		    &v) == 0)
			return 1;
	}
	return 0;
}

/* A unix line's process column that a newline in a name cut short. */
static int
unix_users_open(struct pk_sock_reader *r, const char *p, const char *end)
{
	for (; end - p >= 8; p++)
		if (memcmp(p, "users:((", 8) == 0)
			return users(r, p, end) == SK_MORE;
	return 0;
}

static int
header(const char *p, const char *end, const struct sk_tok *t)
{
	const char *lit = "Local Address:Port";
	size_t l = strlen(lit);

	if (!pk_sk_tokeq(t, "Netid") && !pk_sk_tokeq(t, "State") &&
	    !pk_sk_tokeq(t, "Recv-Q"))
		return 0;
	for (; end - p >= (long)l; p++)
		if (memcmp(p, lit, l) == 0)
			return 1;
	return 0;
}

static int
ss_bad(struct pk_sock_reader *r, const char *what)
{
	return pk_sk_fail(r, PK_ERR_FORMAT, r->first, "%s", what);
}

/* Netid and State; sets the protocol.  SK_SKIP for other families. */
static int
ss_lead(struct pk_sock_reader *r, const char **p, const char *end)
{
	struct sk_tok a, b;
	const char *start = *p;

	if (!pk_sk_tok(p, end, &a))
		return SK_SKIP;
	if (is_state(&a)) {
		b = a;
		r->rec.proto = pk_sk_tokeq(&a, "UNCONN") ? PK_PROTO_UDP :
		    PK_PROTO_TCP;
	} else if (header(start, end, &a)) {
		return SK_SKIP;
	} else if (!pk_sk_tok(p, end, &b) || !is_state(&b)) {
		return ss_bad(r, "not an ss socket line");
	} else if (a.n > 2 && memcmp(a.p, "u_", 2) == 0) {
		if (!unix_complete(*p, end) || unix_users_open(r, *p, end))
			return SK_MORE;
		r->nskipped++;
		return SK_SKIP;
	} else if (pk_sk_tokeq(&a, "tcp") || pk_sk_tokeq(&a, "udp")) {
		r->rec.proto = a.p[0] == 't' ? PK_PROTO_TCP : PK_PROTO_UDP;
	} else {
		r->nskipped++;
		return SK_SKIP;
	}
	(void)pk_sk_state(r, b.p, b.n);
	return PK_OK;
}

int
pk_ss_parse(struct pk_sock_reader *r)
{
	const char *p = r->acc, *end = r->acc + r->acclen;
	struct sk_tok rq, sq, loc, peer;
	long long q;
	int rc;

	if (p < end && (*p == ' ' || *p == '\t'))
		return SK_SKIP;		/* ss -i/-e details, sctp addresses */
	if ((rc = ss_lead(r, &p, end)) != PK_OK)
		return rc;
	if (!pk_sk_tok(&p, end, &rq) || !pk_sk_tok(&p, end, &sq) ||
	    !pk_sk_tok(&p, end, &loc) || !pk_sk_tok(&p, end, &peer))
		return ss_bad(r, "missing columns in ss line");
	if (pk_parse_long(rq.p, rq.n, &q) == -1 ||
	    pk_parse_long(sq.p, sq.n, &q) == -1)
		return ss_bad(r, "Recv-Q and Send-Q must be numbers");
	if (pk_sk_endpoint(r, loc.p, loc.n, 0) == -1 ||
	    pk_sk_endpoint(r, peer.p, peer.n, 1) == -1)
		return pk_sk_refail(r);
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if ((size_t)(end - p) >= 8 && memcmp(p, "users:((", 8) == 0) {
		rc = users(r, p, end);
		if (rc == SK_MORE)
			return rc;
		if (rc == -1)
			return ss_bad(r, "bad users:(...) process column");
		r->rec.process = r->rec.procs[0].name;
		r->rec.pid = r->rec.procs[0].pid;
		r->rec.fd = r->rec.procs[0].fd;
	}
	pk_sk_listening(&r->rec);
	return PK_OK;
}
