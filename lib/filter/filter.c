/*
 * filter.c - which records a front end prints: criteria on hosts, ports
 * and sockets given once, then one judgement per record.
 *
 * Every criterion given must hold; within one (a list of states, of
 * protocols, of networks) any item will do.  Networks live in net.c,
 * patterns in match.c.
 */
#include <stdlib.h>
#include <string.h>

#include "filter/filter_impl.h"

/* The pattern match limit: steps of PCRE2's matcher per value. */
#define MATCH_LIMIT	1000000

/*
 * Port states nmap reports, then socket states of ss and lsof dumps: one
 * bit each in the state mask.
 */
static const char *const states[] = {
	"open", "closed", "filtered", "unfiltered", "open|filtered",
	"closed|filtered", "listen", "unconn", "established", "time-wait",
	"close-wait", "syn-sent", "syn-recv", "fin-wait-1", "fin-wait-2",
	"last-ack", "closing", "close"
};
#define NSTATES	(sizeof(states) / sizeof(states[0]))

struct pk_filter *
pk_filter_new(void)
{
	struct pk_filter *f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return NULL;
	/* Whether a pattern matches is all we ask: one pair is enough. */
	f->md = pcre2_match_data_create(1, NULL);
	f->mctx = pcre2_match_context_create(NULL);
	if (f->md == NULL || f->mctx == NULL) {
		pk_filter_free(f);
		return NULL;
	}
	(void)pcre2_set_match_limit(f->mctx, MATCH_LIMIT);
	return f;
}

void
pk_filter_free(struct pk_filter *f)
{
	if (f == NULL)
		return;
	flt_matches_free(f);
	flt_nets_free(f);
	free(f->cats);
	pk_portset_free(f->ports);
	pcre2_match_data_free(f->md);
	pcre2_match_context_free(f->mctx);
	free(f);
}

/* The bit of state name[0..n) in the state mask; 0 when it is none. */
static unsigned
state_bit(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < NSTATES; i++)
		if (strlen(states[i]) == n && memcmp(states[i], name, n) == 0)
			return 1u << i;
	return 0;
}

int
pk_filter_states(struct pk_filter *f, const char *list,
    struct pk_error *err)
{
	const char *p, *c;
	unsigned bit, mask = 0;
	size_t n;

	if (f == NULL || list == NULL)
		return flt_fail(err, PK_ERR_USAGE, "no filter or no list");
	for (p = list; ; p = c + 1) {
		c = strchr(p, ',');
		n = c != NULL ? (size_t)(c - p) : strlen(p);
		if ((bit = state_bit(p, n)) == 0)
			return flt_fail(err, PK_ERR_FORMAT,
			    "unknown port state \"%.*s\"", (int)n, p);
		mask |= bit;
		if (c == NULL)
			break;
	}
	f->statemask |= mask;
	f->criteria |= PK_FILTER_STATE;
	return PK_OK;
}

int
pk_filter_protos(struct pk_filter *f, const char *list,
    struct pk_error *err)
{
	const char *p, *c;
	unsigned mask = 0;
	char buf[16];
	size_t n;
	int pr;

	if (f == NULL || list == NULL)
		return flt_fail(err, PK_ERR_USAGE, "no filter or no list");
	for (p = list; ; p = c + 1) {
		c = strchr(p, ',');
		n = c != NULL ? (size_t)(c - p) : strlen(p);
		/* Longer than any name: cut, it will not parse. */
		if (n >= sizeof(buf))
			n = sizeof(buf) - 1;
		memcpy(buf, p, n);
		buf[n] = '\0';
		if ((pr = pk_proto_parse(buf)) < 0)
			return flt_fail(err, PK_ERR_FORMAT,
			    "unknown protocol \"%s\"", buf);
		mask |= 1u << pr;
		if (c == NULL)
			break;
	}
	f->protomask |= mask;
	f->criteria |= PK_FILTER_PROTO;
	return PK_OK;
}

int
pk_filter_ports(struct pk_filter *f, const char *spec,
    struct pk_error *err)
{
	int rc;

	if (f == NULL || spec == NULL)
		return flt_fail(err, PK_ERR_USAGE, "no filter or no spec");
	if (f->ports == NULL && (f->ports = pk_portset_new()) == NULL)
		return flt_fail(err, PK_ERR_NOMEM, "out of memory");
	rc = pk_portspec_parse(f->ports, spec, (1u << PK_PROTO_COUNT) - 1,
	    err);
	if (rc == PK_OK)
		f->criteria |= PK_FILTER_PORTS;
	return rc;
}

void
pk_filter_up(struct pk_filter *f, int on)
{
	if (f == NULL)
		return;
	if (on)
		f->criteria |= PK_FILTER_UP;
	else
		f->criteria &= ~(unsigned)PK_FILTER_UP;
}

unsigned
pk_filter_criteria(const struct pk_filter *f)
{
	return f != NULL ? f->criteria : 0;
}

void
pk_filter_set_warn(struct pk_filter *f,
    void (*warn)(void *arg, const struct pk_error *e), void *arg)
{
	if (f == NULL)
		return;
	f->warn = warn;
	f->warn_arg = arg;
}

int
pk_filter_host(const struct pk_filter *f, const struct pk_host *h)
{
	size_t i;

	/* masscan reports only hosts that answered: no status means up. */
	if ((f->criteria & PK_FILTER_UP) && h->status != NULL &&
	    strcmp(h->status, "up") != 0)
		return 0;
	if (!(f->criteria & PK_FILTER_NET))
		return 1;
	for (i = 0; i < h->naddrs; i++)
		if (flt_net_has(f, h->addrs[i].type, h->addrs[i].addr))
			return 1;
	return 0;
}

void
pk_filter_set_ports(struct pk_filter *f, const struct pk_ports *pt)
{
	size_t i;

	if (f == NULL)
		return;
	f->ptable = pt;
	for (i = 0; i < f->nmatches; i++)
		if (f->matches[i].row != NULL)
			pk_rowctx_set_ports(f->matches[i].row, pt);
}

/* 1 when the table names category name[0..n). */
static int
known_category(const struct pk_ports *pt, const char *name, size_t n)
{
	const char *const *cats;
	size_t i, ncats;

	cats = pk_ports_categories(pt, &ncats);
	for (i = 0; i < ncats; i++)
		if (strlen(cats[i]) == n && memcmp(cats[i], name, n) == 0)
			return 1;
	return 0;
}

/* 'unknown category "x" (the port table has core, web, ...)' */
static int
unknown_category(const struct pk_ports *pt, const char *name, size_t n,
    struct pk_error *err)
{
	const char *const *cats;
	char known[200] = "";
	size_t i, ncats, k = 0;

	cats = pk_ports_categories(pt, &ncats);
	for (i = 0; i < ncats && k < sizeof(known); i++)
		k += (size_t)snprintf(known + k, sizeof(known) - k, "%s%s",
		    i > 0 ? ", " : "", cats[i]);
	return flt_fail(err, PK_ERR_FORMAT,
	    "unknown category \"%.*s\" (the port table has %s)",
	    (int)(n > 40 ? 40 : n), name, known);
}

int
pk_filter_category(struct pk_filter *f, const char *list,
    struct pk_error *err)
{
	const char *p, *c;
	char *copy;
	size_t n;

	if (f == NULL || list == NULL || f->ptable == NULL)
		return flt_fail(err, PK_ERR_USAGE, "no filter, list or port "
		    "table");
	for (p = list; ; p = c + 1) {
		c = strchr(p, ',');
		n = c != NULL ? (size_t)(c - p) : strlen(p);
		if (!known_category(f->ptable, p, n))
			return unknown_category(f->ptable, p, n, err);
		if (c == NULL)
			break;
	}
	if ((copy = strdup(list)) == NULL)
		return flt_fail(err, PK_ERR_NOMEM, "out of memory");
	free(f->cats);
	f->cats = copy;
	f->criteria |= PK_FILTER_CATEGORY;
	return PK_OK;
}

/* Is port/proto in one of the --category categories? */
static int
category_selected(const struct pk_filter *f, int proto, unsigned port)
{
	const struct pk_portcat *pc = pk_ports_get(f->ptable, proto, port);
	const char *p, *c;
	size_t n;

	if (pc == NULL)
		return 0;
	for (p = f->cats; ; p = c + 1) {
		c = strchr(p, ',');
		n = c != NULL ? (size_t)(c - p) : strlen(p);
		if (pk_ports_list_has(pc->category, p, n))
			return 1;
		if (c == NULL)
			return 0;
	}
}

/* The protocol, port and state criteria that ports and sockets share. */
static int
endpoint_selected(const struct pk_filter *f, int proto, unsigned port,
    const char *state)
{
	if ((f->criteria & PK_FILTER_PROTO) && (proto < 0 ||
	    proto >= PK_PROTO_COUNT || !(f->protomask & (1u << proto))))
		return 0;
	if ((f->criteria & PK_FILTER_PORTS) && !pk_portset_has(f->ports,
	    proto, port))
		return 0;
	if ((f->criteria & PK_FILTER_STATE) && (state == NULL ||
	    !(f->statemask & state_bit(state, strlen(state)))))
		return 0;
	if ((f->criteria & PK_FILTER_CATEGORY) &&
	    !category_selected(f, proto, port))
		return 0;
	return 1;
}

int
pk_filter_port(struct pk_filter *f, const struct pk_port *p)
{
	if (!endpoint_selected(f, p->proto, p->port, p->state))
		return 0;
	if (!(f->criteria & PK_FILTER_SERVICE))
		return 1;
	return flt_service_match(f, p);
}

int
pk_filter_sock(struct pk_filter *f, const struct pk_sock *s,
    const char *file)
{
	if (!endpoint_selected(f, s->proto, s->port, s->state))
		return 0;
	if ((f->criteria & PK_FILTER_NET) && !flt_net_has(f,
	    strchr(s->addr, ':') != NULL ? PK_ADDR_IPV6 : PK_ADDR_IPV4,
	    s->addr))
		return 0;
	if (!(f->criteria & PK_FILTER_MATCH))
		return 1;
	return flt_sock_matches(f, s, file);
}
