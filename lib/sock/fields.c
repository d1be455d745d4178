/*
 * fields.c - what the ss and lsof grammars share: failing a record,
 * tokens, "addr:port" ends with their port names, lsof's escapes and
 * NAME, socket states.
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/parse.h"
#include "sock/sock_impl.h"

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
	char buf[PK_EXCERPT_SIZE];

	pk_error_set(&r->err, PK_ERR_FORMAT, 0, "%s \"%s\"", what,
	    pk_excerpt(buf, s, n));
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
	size_t i;

	if (n == 1 && s[0] == '*') {
		*out = -1;
		return 0;
	}
	/* Digits of any length are a number, never a port name. */
	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		continue;
	if (n > 0 && i == n) {
		if (pk_parse_port(s, n, 65535, &port) == -1)
			return sk_bad(r, "bad port", s, n);
		*out = port;
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

/* Undo lsof's escapes in COMMAND: \xHH, \n \t \r \b \f and \\. */
char *
pk_sk_unescape(struct pk_sock_reader *r, const char *s, size_t n)
{
	static const char from[] = "ntrbf\\", to[] = "\n\t\r\b\f\\";
	char *out, *o;
	const char *c;
	size_t i;

	if ((out = pk_arena_alloc(&r->arena, n + 1)) == NULL)
		return NULL;
	for (o = out, i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 3 < n && s[i + 1] == 'x' &&
		    pk_hexval(s[i + 2]) >= 0 && pk_hexval(s[i + 3]) >= 0) {
			*o++ = (char)(pk_hexval(s[i + 2]) * 16 +
			    pk_hexval(s[i + 3]));
			i += 3;
		} else if (s[i] == '\\' && i + 1 < n && s[i + 1] != '\0' &&
		    (c = strchr(from, s[i + 1])) != NULL) {
			*o++ = to[c - from];
			i++;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

int
pk_sk_lsof_name(struct pk_sock_reader *r, const char *s, size_t n)
{
	const char *arrow = NULL, *q;

	for (q = s; q + 1 < s + n; q++)
		if (q[0] == '-' && q[1] == '>') {
			arrow = q;
			break;
		}
	if (pk_sk_endpoint(r, s, arrow != NULL ? (size_t)(arrow - s) : n,
	    0) == -1 || (arrow != NULL && pk_sk_endpoint(r, arrow + 2,
	    (size_t)(s + n - arrow - 2), 1) == -1))
		return -1;
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
