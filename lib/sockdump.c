/*
 * sockdump.c - the pull iterator over ss and lsof listings: open, sniff,
 * gather a record's lines, and the pieces both grammars share (tokens,
 * addresses, port names, states).
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sockdump.h"
#include "source.h"

#define SNIFF_BYTES	4096

void
pk_sock_opts_init(struct pk_sock_opts *opts)
{
	memset(opts, 0, sizeof(*opts));
	pk_limits_fill(&opts->limits, NULL);
}

static struct pk_sock_reader *
sock_new(const char *name, const struct pk_sock_opts *opts)
{
	struct pk_sock_reader *r;

	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return NULL;
	if ((r->name = strdup(name)) == NULL) {
		free(r);
		return NULL;
	}
	if (opts != NULL)
		r->opts = *opts;
	pk_limits_fill(&r->opts.limits, opts != NULL ? &opts->limits : NULL);
	pk_arena_init(&r->arena, r->opts.limits.max_host_bytes);
	r->err.file = r->name;
	return r;
}

/* A failed open is reported by the first pk_sock_next. */
static struct pk_sock_reader *
sock_attach(struct pk_sock_reader *r, struct pk_input *in,
    const struct pk_error *oerr)
{
	if (in == NULL) {
		r->err = *oerr;
		r->err.file = r->name;
		r->final = oerr->status;
		r->started = 1;
	}
	r->in = in;
	return r;
}

struct pk_sock_reader *
pk_sock_open(const char *path, const struct pk_sock_opts *opts)
{
	struct pk_sock_reader *r;
	struct pk_error oerr;

	r = sock_new(strcmp(path, "-") == 0 ? "<stdin>" : path, opts);
	if (r == NULL)
		return NULL;
	return sock_attach(r, pk_input_open(path, r->name, &r->opts.limits,
	    &oerr), &oerr);
}

struct pk_sock_reader *
pk_sock_open_fd(int fd, const char *name, const struct pk_sock_opts *opts)
{
	struct pk_sock_reader *r;
	struct pk_error oerr;

	r = sock_new(name != NULL ? name : "<fd>", opts);
	if (r == NULL)
		return NULL;
	return sock_attach(r, pk_input_open_fd(fd, r->name, &r->opts.limits,
	    &oerr), &oerr);
}

struct pk_sock_reader *
pk_sock_open_source(struct pk_source *src, const struct pk_sock_opts *opts)
{
	struct pk_sock_reader *r;
	struct pk_error oerr;

	r = sock_new(pk_source_name(src), opts);
	if (r == NULL) {
		pk_source_free(src);
		return NULL;
	}
	return sock_attach(r, pk_source_take(src, &oerr), &oerr);
}

struct pk_sock_reader *
pk_sock_open_mem(const void *buf, size_t len, const char *name,
    const struct pk_sock_opts *opts)
{
	struct pk_sock_reader *r;
	struct pk_error oerr;

	r = sock_new(name != NULL ? name : "<memory>", opts);
	if (r == NULL)
		return NULL;
	return sock_attach(r, pk_input_open_mem(buf, len, r->name,
	    &r->opts.limits, &oerr), &oerr);
}

void
pk_sock_free(struct pk_sock_reader *r)
{
	if (r == NULL)
		return;
	pk_input_free(r->in);
	pk_arena_destroy(&r->arena);
	free(r->acc);
	free(r->name);
	free(r);
}

int
pk_sk_fail(struct pk_sock_reader *r, int status, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pk_error_vset(&r->err, status, line, fmt, ap);
	va_end(ap);
	r->err.file = r->name;
	if (status == PK_ERR_FORMAT && r->opts.skip_bad)
		r->nbad++;
	else
		r->final = status;
	return status;
}

int
pk_sk_refail(struct pk_sock_reader *r)
{
	char msg[sizeof(r->err.msg)];

	memcpy(msg, r->err.msg, sizeof(msg));
	return pk_sk_fail(r, PK_ERR_FORMAT, r->first, "%s", msg);
}

static int
sock_fail_input(struct pk_sock_reader *r)
{
	r->err = *pk_input_error(r->in);
	r->err.file = r->name;
	r->final = r->err.status;
	return r->final;
}

static int
sock_start(struct pk_sock_reader *r)
{
	const char *p;
	size_t n;
	int rc;

	r->started = 1;
	rc = pk_input_peek(r->in, SNIFF_BYTES, &p, &n);
	if (rc != PK_OK && rc != PK_EOF)
		return sock_fail_input(r);
	r->format = rc == PK_EOF ? PK_FMT_UNKNOWN : pk_format_detect(p, n);
	if (r->format == PK_FMT_SS || r->format == PK_FMT_LSOF)
		return PK_OK;
	if (rc == PK_EOF)
		return pk_sk_fail(r, PK_ERR_UNKNOWN_FORMAT, 0, "empty input");
	if (r->format == PK_FMT_UNKNOWN)
		return pk_sk_fail(r, PK_ERR_UNKNOWN_FORMAT, 0,
		    "unknown input format (expected an ss or lsof listing)");
	return pk_sk_fail(r, PK_ERR_UNKNOWN_FORMAT, 0,
	    "%s data is not a socket listing", pk_format_name(r->format));
}

/* Append one more input line to the record's text. */
static int
acc_add(struct pk_sock_reader *r, const char *line, size_t len, int join)
{
	size_t need = r->acclen + len + 2;
	char *p;

	if (!join)
		r->acclen = 0;
	if (need > r->acccap) {
		p = realloc(r->acc, need * 2);
		if (p == NULL)
			return pk_sk_fail(r, PK_ERR_NOMEM, 0, "out of memory");
		r->acc = p;
		r->acccap = need * 2;
	}
	if (join)
		r->acc[r->acclen++] = '\n';
	memcpy(r->acc + r->acclen, line, len);
	r->acclen += len;
	r->acc[r->acclen] = '\0';
	return PK_OK;
}

static int
sock_getline(struct pk_sock_reader *r, int join)
{
	const char *line;
	unsigned long no;
	size_t len;
	int rc;

	rc = pk_input_getline(r->in, &line, &len, &no);
	if (rc == PK_EOF)
		return PK_EOF;
	if (rc != PK_OK)
		return sock_fail_input(r);
	if (memchr(line, '\0', len) != NULL)
		return pk_sk_fail(r, PK_ERR_FORMAT, no, "NUL byte in line");
	if (!join)
		r->first = no;
	return acc_add(r, line, len, join);
}

/* Parse the gathered text, pulling in continuation lines as needed. */
static int
sock_record(struct pk_sock_reader *r)
{
	unsigned joins = 0;
	int rc;

	for (;;) {
		pk_arena_reset(&r->arena);
		memset(&r->rec, 0, sizeof(r->rec));
		r->rec.format = r->format;
		r->rec.line = r->first;
		r->rec.pid = r->rec.fd = r->rec.peer_port = -1;
		rc = r->format == PK_FMT_SS ? pk_ss_parse(r) :
		    pk_lsof_parse(r);
		if (rc != SK_MORE)
			break;
		if (++joins > SK_MAX_JOIN)
			return pk_sk_fail(r, PK_ERR_FORMAT, r->first,
			    "record spans more than %d lines", SK_MAX_JOIN);
		rc = sock_getline(r, 1);
		if (rc == PK_EOF)
			return pk_sk_fail(r, PK_ERR_TRUNCATED, r->first,
			    "unexpected end of input inside a record");
		if (rc != PK_OK)
			return rc;
	}
	if (rc == PK_OK && r->arena.over)
		return pk_sk_fail(r, PK_ERR_LIMIT, r->first,
		    "record exceeds %zu bytes", r->opts.limits.max_host_bytes);
	return rc;
}

int
pk_sock_next(struct pk_sock_reader *r, const struct pk_sock **out)
{
	int rc;

	*out = NULL;
	if (!r->started && sock_start(r) != PK_OK)
		return r->final;
	while (r->final == 0) {
		rc = sock_getline(r, 0);
		if (rc == PK_EOF) {
			r->final = PK_EOF;
			break;
		}
		if (rc == PK_OK)
			rc = sock_record(r);
		if (rc == PK_OK) {
			r->nrecs++;
			*out = &r->rec;
			return PK_OK;
		}
		if (rc < 0)
			return rc;	/* final, or a bad line to skip */
	}
	return r->final;
}

enum pk_format
pk_sock_format(const struct pk_sock_reader *r)
{
	return r->format;
}

const struct pk_error *
pk_sock_error(const struct pk_sock_reader *r)
{
	return &r->err;
}

const char *
pk_sock_name(const struct pk_sock_reader *r)
{
	return r->name;
}

unsigned long
pk_sock_records(const struct pk_sock_reader *r)
{
	return r->nrecs;
}

unsigned long
pk_sock_skipped(const struct pk_sock_reader *r)
{
	return r->nskipped;
}

unsigned long
pk_sock_bad_lines(const struct pk_sock_reader *r)
{
	return r->nbad;
}

int
pk_sk_tok(const char **p, const char *end, struct sk_tok *t)
{
	const char *s = *p;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	t->p = s;
	while (s < end && *s != ' ' && *s != '\t')
		s++;
	t->n = (size_t)(s - t->p);
	*p = s;
	return t->n > 0;
}

int
pk_sk_tokeq(const struct sk_tok *t, const char *lit)
{
	return strlen(lit) == t->n && memcmp(t->p, lit, t->n) == 0;
}

int
pk_sk_digits(const char *p, size_t n)
{
	size_t i;

	if (n == 0 || n > 18)
		return 0;
	for (i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return 1;
}

static long
sk_number(const char *p, size_t n)
{
	long v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

/* Every entry of nmap-services under name for proto; 1 when unique. */
static int
resolve_services(const struct pk_services *svc, const char *name, int proto,
    unsigned *port, char *alts, size_t altsz)
{
	const struct pk_service *const *list;
	size_t i, n, found = 0, used = 0;

	if (svc == NULL)
		return 0;
	n = pk_services_byname(svc, name, &list);
	alts[0] = '\0';
	for (i = 0; i < n; i++) {
		if (list[i]->proto != proto)
			continue;
		if (found++ == 0)
			*port = list[i]->port;
		if (used < altsz)
			used += (size_t)snprintf(alts + used, altsz - used,
			    "%s%u/%s", found > 1 ? ", " : "", list[i]->port,
			    pk_proto_name(proto));
	}
	return found == 1 ? 1 : found == 0 ? 0 : -1;
}

static int
resolve_name(struct pk_sock_reader *r, const char *name, unsigned *port)
{
	const char *pn = pk_proto_name(r->rec.proto);
	struct servent *se;
	char alts[96];
	int rc;

	rc = resolve_services(r->opts.services, name, r->rec.proto, port,
	    alts, sizeof(alts));
	if (rc == 1)
		return 0;
	if (r->opts.netdb && (se = getservbyname(name, pn)) != NULL) {
		*port = ntohs((uint16_t)se->s_port);
		return 0;
	}
	if (rc == -1)
		pk_error_set(&r->err, PK_ERR_FORMAT, 0, "port name \"%s\" is "
		    "ambiguous (nmap-services: %s); list ports as numbers",
		    name, alts);
	else
		pk_error_set(&r->err, PK_ERR_FORMAT, 0, "unknown port name "
		    "\"%.64s\"/%s; list ports as numbers", name, pn);
	return -1;
}

static int
sk_bad(struct pk_sock_reader *r, const char *what, const char *s, size_t n)
{
	pk_error_set(&r->err, PK_ERR_FORMAT, 0, "%s \"%.*s\"", what,
	    (int)(n > 64 ? 64 : n), s);
	return -1;
}

static int
host_chars(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '-' ||
		    *s == '_'))
			return 0;
	return 1;
}

/* Split "host" or "[host]" with an optional "%zone" into the record. */
static int
sk_host(struct pk_sock_reader *r, const char *s, size_t n, int peer)
{
	const char *pct, *h = s;
	size_t hn = n;
	unsigned char buf[16];
	char *addr, *zone = NULL;

	if (n > 0 && s[0] == '[') {
		const char *rb = memchr(s, ']', n);

		if (rb == NULL || (rb + 1 < s + n && rb[1] != '%'))
			return sk_bad(r, "bad address", s, n);
		h = s + 1;
		hn = (size_t)(rb - h);
		pct = rb + 1 < s + n ? rb + 1 : NULL;
	} else {
		pct = memchr(s, '%', n);
		if (pct != NULL)
			hn = (size_t)(pct - s);
	}
	if (pct != NULL) {
		if (pct + 1 == s + n)
			return sk_bad(r, "empty zone in address", s, n);
		zone = pk_arena_strndup(&r->arena, pct + 1,
		    (size_t)(s + n - pct - 1));
	}
	addr = pk_arena_strndup(&r->arena, h, hn);
	if (addr == NULL || (pct != NULL && zone == NULL))
		return sk_bad(r, "out of memory at", s, n);
	if (hn == 0 || (strcmp(addr, "*") != 0 &&
	    inet_pton(AF_INET, addr, buf) != 1 &&
	    inet_pton(AF_INET6, addr, buf) != 1 &&
	    (s[0] == '[' || !host_chars(addr))))
		return sk_bad(r, "bad address", s, n);
	if (peer) {
		r->rec.peer_addr = addr;
		r->rec.peer_zone = zone;
	} else {
		r->rec.addr = addr;
		r->rec.zone = zone;
		/* lsof's TYPE column overrides this; "*" and names say nothing. */
		r->rec.family = inet_pton(AF_INET, addr, buf) == 1 ? 4 :
		    inet_pton(AF_INET6, addr, buf) == 1 ? 6 : 0;
	}
	return 0;
}

static int
sk_port(struct pk_sock_reader *r, const char *s, size_t n, long *out)
{
	unsigned port = 0;
	char *name;

	if (n == 1 && s[0] == '*') {
		*out = -1;
		return 0;
	}
	if (pk_sk_digits(s, n)) {
		if (n > 5 || sk_number(s, n) > 65535)
			return sk_bad(r, "bad port", s, n);
		*out = sk_number(s, n);
		return 0;
	}
	if ((name = pk_arena_strndup(&r->arena, s, n)) == NULL)
		return sk_bad(r, "out of memory at", s, n);
	if (resolve_name(r, name, &port) == -1)
		return -1;
	*out = port;
	if (out != &r->rec.peer_port)
		r->rec.port_name = name;
	return 0;
}

int
pk_sk_endpoint(struct pk_sock_reader *r, const char *s, size_t n, int peer)
{
	const char *colon = NULL, *q;
	long port;

	for (q = s; q < s + n; q++)
		if (*q == ':')
			colon = q;
	if (colon == NULL || colon == s)
		return sk_bad(r, "bad address:port", s, n);
	if (sk_host(r, s, (size_t)(colon - s), peer) == -1)
		return -1;
	if (sk_port(r, colon + 1, (size_t)(s + n - colon - 1),
	    peer ? &r->rec.peer_port : &port) == -1)
		return -1;
	if (peer) {
		if (strcmp(r->rec.peer_addr, "*") == 0 ||
		    r->rec.peer_port == -1) {
			r->rec.peer_addr = r->rec.peer_zone = NULL;
			r->rec.peer_port = -1;
		}
		return 0;
	}
	if (port == -1)
		return sk_bad(r, "no local port in", s, n);
	r->rec.port = (unsigned)port;
	return 0;
}

static const struct {
	const char	*word;
	const char	*state;
} states[] = {
	/* ss */
	{ "LISTEN", "listen" }, { "UNCONN", "unconn" },
	{ "ESTAB", "established" }, { "TIME-WAIT", "time-wait" },
	{ "CLOSE-WAIT", "close-wait" }, { "SYN-SENT", "syn-sent" },
	{ "SYN-RECV", "syn-recv" }, { "FIN-WAIT-1", "fin-wait-1" },
	{ "FIN-WAIT-2", "fin-wait-2" }, { "LAST-ACK", "last-ack" },
	{ "CLOSING", "closing" }, { "CLOSE", "close" },
	/* lsof */
	{ "ESTABLISHED", "established" }, { "TIME_WAIT", "time-wait" },
	{ "CLOSE_WAIT", "close-wait" }, { "SYN_SENT", "syn-sent" },
	{ "SYN_RECV", "syn-recv" }, { "FIN_WAIT1", "fin-wait-1" },
	{ "FIN_WAIT2", "fin-wait-2" }, { "LAST_ACK", "last-ack" },
	{ "CLOSED", "close" }, { "IDLE", "close" }, { "BOUND", "close" },
};

/* The normalised state for a listing's word, or NULL. */
static const char *
state_of(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (strlen(states[i].word) == n &&
		    memcmp(states[i].word, s, n) == 0)
			return states[i].state;
	return NULL;
}

int
pk_sk_state(struct pk_sock_reader *r, const char *s, size_t n)
{
	r->rec.state = state_of(s, n);
	return r->rec.state != NULL ? 0 : -1;
}

void
pk_sk_listening(struct pk_sock *s)
{
	if (s->proto == PK_PROTO_TCP)
		s->listening = s->state != NULL &&
		    strcmp(s->state, "listen") == 0;
	else
		s->listening = s->peer_addr == NULL && (s->state == NULL ||
		    strcmp(s->state, "unconn") == 0);
}
