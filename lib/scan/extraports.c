/*
 * extraports.c - the ports folded into <extraports>, one by one.
 *
 * Nmap 7.9x writes the folded ports of each reason as a range list
 * (<extrareasons reason="reset" count="995" proto="tcp"
 * ports="1-21,23-79,...">), so "995 closed" is per-port evidence that
 * pdiff, pfirewall and pcat --expand-extraports can use, range by range
 * or port by port.
 */
#include <stdio.h>
#include <string.h>

#include "base/parse.h"
#include "scan/extraports.h"
#include "scan/queue.h"

/* Parse "a" or "a-b" at *pp up to ',' or the end; 0 on success. */
static int
range_next(const char **pp, unsigned max, unsigned *lo, unsigned *hi)
{
	const char *p = *pp, *comma, *dash;
	size_t n;

	comma = strchr(p, ',');
	n = comma != NULL ? (size_t)(comma - p) : strlen(p);
	dash = memchr(p, '-', n);
	if (dash == NULL) {
		if (pk_parse_port(p, n, max, lo) == -1)
			return -1;
		*hi = *lo;
	} else if (pk_parse_port(p, (size_t)(dash - p), max, lo) == -1 ||
	    pk_parse_port(dash + 1, n - (size_t)(dash - p) - 1, max, hi) == -1 ||
	    *lo > *hi) {
		return -1;
	}
	*pp = comma != NULL ? comma + 1 : p + n;
	return 0;
}

/* The ranges of one reason's port list. */
static int
reason_ranges(const struct pk_extraports *e, const struct pk_extrareason *r,
    int (*fn)(void *, int, unsigned, unsigned, const char *, const char *),
    void *arg)
{
	const char *s = r->ports;
	unsigned lo, hi;
	int proto, rc;

	proto = r->proto != NULL ? pk_proto_parse(r->proto) : PK_PROTO_TCP;
	if (proto < 0)
		return PK_ERR_FORMAT;
	while (*s != '\0') {
		/* Port 0 is an IP protocol number, never a port. */
		if (range_next(&s, proto == PK_PROTO_IP ? 255 : 65535, &lo,
		    &hi) == -1 || (lo == 0 && proto != PK_PROTO_IP))
			return PK_ERR_FORMAT;
		if ((rc = fn(arg, proto, lo, hi, e->state, r->reason)) != 0)
			return rc;
	}
	return 0;
}

static int
count_ports(void *arg, int proto, unsigned lo, unsigned hi,
    const char *state, const char *reason)
{
	(void)proto;
	(void)state;
	(void)reason;
	*(long *)arg += (long)(hi - lo) + 1;
	return 0;
}

int
pk_extrareason_check(const struct pk_extrareason *r, char *why, size_t n)
{
	struct pk_extraports e = { "", 0, NULL, 0 };
	long nports = 0;

	if (reason_ranges(&e, r, count_ports, &nports) != 0) {
		(void)snprintf(why, n, "bad extraports port list");
		return -1;
	}
	if (r->count >= 0 && nports != r->count) {
		(void)snprintf(why, n, "extraports count %ld, but its port "
		    "list holds %ld ports", r->count, nports);
		return -1;
	}
	return 0;
}

int
pk_extraports_ranges(const struct pk_host *h,
    int (*fn)(void *, int, unsigned, unsigned, const char *, const char *),
    void *arg)
{
	const struct pk_extraports *e;
	size_t i, j;
	int rc;

	for (i = 0; i < h->nextraports; i++) {
		e = &h->extraports[i];
		if (e->state == NULL)
			continue;
		for (j = 0; j < e->nreasons; j++) {
			if (e->reasons[j].ports == NULL)
				continue;
			rc = reason_ranges(e, &e->reasons[j], fn, arg);
			if (rc != 0)
				return rc;
		}
	}
	return 0;
}

/* pk_extraports_foreach: each range, port by port. */
struct each {
	int		(*fn)(void *, const struct pk_port *);
	void		*arg;
};

static int
each_port(void *arg, int proto, unsigned lo, unsigned hi, const char *state,
    const char *reason)
{
	struct each *x = arg;
	struct pk_port p;
	unsigned port;
	int rc;

	memset(&p, 0, sizeof(p));
	p.proto = proto;
	p.state = state;
	p.reason = reason;
	p.reason_ttl = -1;
	p.conf = -1;
	for (port = lo; port <= hi; port++) {
		p.port = port;
		if ((rc = x->fn(x->arg, &p)) != 0)
			return rc;
	}
	return 0;
}

int
pk_extraports_foreach(const struct pk_host *h,
    int (*fn)(void *arg, const struct pk_port *p), void *arg)
{
	struct each x = { fn, arg };

	return pk_extraports_ranges(h, each_port, &x);
}
