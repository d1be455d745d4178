/*
 * lsof_f.c - lsof's field output ("lsof -F", any field set, and -F0).
 *
 * Each field is a letter and a value.  With -F every field is a line;
 * with -F0 every field ends in a NUL and every set ends in a newline.
 * A process set (p, then c, u, L, ...) is followed by the file sets of
 * that process: one socket each.  Field letters a user leaves out are
 * simply absent, even f, so a file set ends where one of its letters
 * comes again, at a p, or at the end of the input.  A file set becomes
 * the same record as the table's line for that socket.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/parse.h"
#include "sock/sock_impl.h"

/* Letters of a process set; the rest belong to file sets. */
#define LF_PROC_LETTERS	"pgRcuLKMZ"

static uint64_t
letter_bit(char c)
{
	if (c >= 'A' && c <= 'Z')
		return (uint64_t)1 << (c - 'A');
	if (c >= 'a' && c <= 'z')
		return (uint64_t)1 << (26 + c - 'a');
	return 0;
}

static int
lf_bad(struct pk_sock_reader *r, unsigned long line, const char *what)
{
	return pk_sk_fail(r, PK_ERR_FORMAT, line, "%s", what);
}

/* Keep a copy of a process field in the reader: *dst owns it. */
static int
lf_keep(struct pk_sock_reader *r, char **dst, const char *s, size_t n,
    unsigned long line)
{
	char *p;

	if ((p = malloc(n + 1)) == NULL)
		return pk_sk_fail(r, PK_ERR_NOMEM, line, "out of memory");
	memcpy(p, s, n);
	p[n] = '\0';
	free(*dst);
	*dst = p;
	return PK_OK;
}

/* One field of a process set. */
static int
lf_proc_field(struct pk_sock_reader *r, const char *s, size_t n,
    unsigned long line)
{
	long long pid;

	switch (s[0]) {
	case 'p':
		/* A new process: nothing of the last one carries over. */
		free(r->lf_cmd);
		free(r->lf_login);
		free(r->lf_uid);
		r->lf_cmd = r->lf_login = r->lf_uid = NULL;
		r->lf_pid = -1;
		if (n > 11 || pk_parse_long(s + 1, n - 1, &pid) == -1)
			return lf_bad(r, line, "lsof -F: the p field (PID) "
			    "must be a number");
		r->lf_pid = (long)pid;
		return PK_OK;
	case 'c':
		return lf_keep(r, &r->lf_cmd, s + 1, n - 1, line);
	case 'L':
		return lf_keep(r, &r->lf_login, s + 1, n - 1, line);
	case 'u':
		return lf_keep(r, &r->lf_uid, s + 1, n - 1, line);
	default:
		return PK_OK;
	}
}

/* The process a file set belongs to, into the record. */
static int
lf_proc(struct pk_sock_reader *r, long fd, unsigned long line)
{
	struct pk_sock_proc *p;
	const char *user = r->lf_login != NULL ? r->lf_login : r->lf_uid;

	r->rec.pid = r->lf_pid;
	r->rec.fd = fd;
	if (user != NULL &&
	    (r->rec.user = pk_arena_strndup(&r->arena, user,
	    strlen(user))) == NULL)
		return pk_sk_fail(r, PK_ERR_NOMEM, line, "out of memory");
	if (r->lf_cmd == NULL)
		return PK_OK;
	p = pk_arena_zalloc(&r->arena, sizeof(*p));
	if (p == NULL || (p->name = pk_sk_unescape(r, r->lf_cmd,
	    strlen(r->lf_cmd))) == NULL)
		return pk_sk_fail(r, PK_ERR_NOMEM, line, "out of memory");
	p->pid = r->lf_pid;
	p->fd = fd;
	r->rec.procs = p;
	r->rec.nprocs = 1;
	r->rec.process = p->name;
	return PK_OK;
}

struct lf_file {
	const char	*type, *proto, *name, *state;
	size_t		 ntype, nproto, nname, nstate;
	long		 fd;
};

static void
lf_file_field(struct lf_file *f, const char *s, size_t n)
{
	unsigned long long v;

	switch (s[0]) {
	case 'f':
		/* cwd, mem, DEL, or more than 9 digits: no descriptor. */
		f->fd = n > 1 && n <= 10 &&
		    pk_parse_digits(s + 1, n - 1, &v) == n - 1 ? (long)v : -1;
		break;
	case 't':
		f->type = s + 1;
		f->ntype = n - 1;
		break;
	case 'P':
		f->proto = s + 1;
		f->nproto = n - 1;
		break;
	case 'n':
		f->name = s + 1;
		f->nname = n - 1;
		break;
	case 'T':
		if (n > 3 && memcmp(s, "TST=", 4) == 0) {
			f->state = s + 4;
			f->nstate = n - 4;
		}
		break;
	default:
		break;
	}
}

static int
is(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

/* A file set: its fields NUL-terminated in buf.  A record or SK_SKIP. */
static int
lf_file(struct pk_sock_reader *r, const char *buf, size_t len,
    unsigned long line)
{
	struct lf_file f = { .fd = -1 };
	const char *p = buf, *end = buf + len, *z;
	int rc;

	for (; p < end; p = z + 1) {
		if ((z = memchr(p, '\0', (size_t)(end - p))) == NULL)
			z = end;
		if (z > p)
			lf_file_field(&f, p, (size_t)(z - p));
	}
	if (f.type != NULL && !is(f.type, f.ntype, "IPv4") &&
	    !is(f.type, f.ntype, "IPv6")) {
		r->nskipped++;	/* a unix socket, a file */
		return SK_SKIP;
	}
	if (f.name == NULL || f.proto == NULL)
		return lf_bad(r, line, "lsof -F output without the n (name) "
		    "or P (protocol) field: give -F at least pnP, or -F alone");
	if (!is(f.proto, f.nproto, "TCP") && !is(f.proto, f.nproto, "UDP")) {
		r->nskipped++;	/* raw, icmp, sctp: not a service port */
		return SK_SKIP;
	}
	r->rec.proto = f.proto[0] == 'T' ? PK_PROTO_TCP : PK_PROTO_UDP;
	if ((rc = lf_proc(r, f.fd, line)) != PK_OK)
		return rc;
	if (pk_sk_lsof_name(r, f.name, f.nname) == -1)
		return pk_sk_refail(r);
	/* As in the table, lsof's type says what "*" is bound to. */
	if (f.type != NULL)
		r->rec.family = f.type[3] == '4' ? 4 : 6;
	if (f.state != NULL && pk_sk_state(r, f.state, f.nstate) == -1)
		return lf_bad(r, line, "unknown lsof socket state");
	pk_sk_listening(&r->rec);
	return PK_OK;
}

/* Start the record of a file set that begins at line. */
static void
lf_reset(struct pk_sock_reader *r, unsigned long line)
{
	pk_arena_reset(&r->arena);
	memset(&r->rec, 0, sizeof(r->rec));
	r->rec.format = r->format;
	r->rec.line = line;
	r->rec.pid = r->rec.fd = r->rec.peer_port = -1;
}

/* A file set's record, within the record size limit. */
static int
lf_record(struct pk_sock_reader *r, const char *buf, size_t len,
    unsigned long line)
{
	int rc;

	lf_reset(r, line);
	rc = lf_file(r, buf, len, line);
	if (rc == PK_OK && r->arena.over)
		return pk_sk_fail(r, PK_ERR_LIMIT, line,
		    "record exceeds %zu bytes", r->opts.limits.max_host_bytes);
	return rc;
}

/* The file set gathered in acc (lsof -F), if any. */
static int
lf_flush(struct pk_sock_reader *r)
{
	int rc;

	if (r->acclen == 0)
		return SK_SKIP;
	rc = lf_record(r, r->acc, r->acclen, r->first);
	r->acclen = 0;
	r->lf_seen = 0;
	return rc;
}

/* Add one field line to the file set in acc, NUL-terminated. */
static int
lf_gather(struct pk_sock_reader *r, const char *s, size_t n,
    unsigned long line)
{
	char *p;

	if (r->acclen + n + 1 > SK_MAX_JOIN_BYTES)
		return pk_sk_fail(r, PK_ERR_LIMIT, r->first,
		    "record spans more than %zu bytes", SK_MAX_JOIN_BYTES);
	if (r->acclen + n + 1 > r->acccap) {
		if ((p = realloc(r->acc, (r->acclen + n + 1) * 2)) == NULL)
			return pk_sk_fail(r, PK_ERR_NOMEM, line,
			    "out of memory");
		r->acc = p;
		r->acccap = (r->acclen + n + 1) * 2;
	}
	if (r->acclen == 0)
		r->first = line;
	memcpy(r->acc + r->acclen, s, n);
	r->acclen += n;
	r->acc[r->acclen++] = '\0';
	r->lf_seen |= letter_bit(s[0]);
	return PK_OK;
}

/*
 * One -F line, a single field.  The file set in acc ends before a p,
 * an f, or a file letter it holds already (T repeats: TST=, TQR=, ...);
 * then its record comes out and the line starts what follows.
 */
static int
lf_line(struct pk_sock_reader *r, const char *s, size_t n,
    unsigned long line)
{
	int proc = strchr(LF_PROC_LETTERS, s[0]) != NULL;
	int ends = s[0] == 'p' || s[0] == 'f' ||
	    (!proc && s[0] != 'T' && (r->lf_seen & letter_bit(s[0])));
	int rc = SK_SKIP, rc2;

	if (ends && r->acclen > 0)
		rc = lf_flush(r);
	if (r->final != 0)
		return rc;
	/*
	 * A bad set before the line does not lose the line, nor a bad
	 * line the record before it: its error comes with the next call.
	 */
	if (proc && (r->acclen == 0 || s[0] == 'p'))
		rc2 = lf_proc_field(r, s, n, line);
	else
		rc2 = lf_gather(r, s, n, line);
	return rc == PK_OK || rc2 == PK_OK ? rc : rc2;
}

/* One -F0 line: a whole process set or file set. */
static int
lf_line0(struct pk_sock_reader *r, const char *s, size_t n,
    unsigned long line)
{
	const char *p, *z, *end = s + n;
	int rc;

	if (s[0] != 'p')
		return lf_record(r, s, n, line);
	for (p = s; p < end; p = z + 1) {
		if ((z = memchr(p, '\0', (size_t)(end - p))) == NULL)
			z = end;
		if (z > p && (rc = lf_proc_field(r, p, (size_t)(z - p),
		    line)) != PK_OK)
			return rc;
	}
	return SK_SKIP;
}

int
pk_lsof_f_next(struct pk_sock_reader *r)
{
	const char *line;
	unsigned long no;
	size_t len;
	int rc;

	while (r->final == 0) {
		rc = pk_input_getline(r->in, &line, &len, &no);
		if (rc == PK_EOF) {
			rc = lf_flush(r);
			if (rc == SK_SKIP)
				r->final = PK_EOF;
			return rc == SK_SKIP ? PK_EOF : rc;
		}
		if (rc != PK_OK) {
			r->err = *pk_input_error(r->in);
			r->err.file = r->name;
			r->final = r->err.status;
			return r->final;
		}
		if (len == 0)
			continue;
		if (memchr(line, '\0', len) != NULL)
			rc = lf_line0(r, line, len, no);
		else
			rc = lf_line(r, line, len, no);
		if (rc != SK_SKIP)
			return rc;
	}
	return r->final;
}
