/*
 * listening.c - the sockets listening in a host's ss or lsof dump set
 * against a scan of that host from outside: reachable, firewalled,
 * local-only, undecided or not scanned.
 *
 * The dump is small and held; the scan is streamed, each up host set
 * against every socket whose bind address it may reach.  The strings of
 * both sides and the matches live in one arena that dies with the
 * handle, so nothing is freed one by one.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/hash.h"
#include "firewall/firewall_impl.h"

/* Which scanned addresses a bind address meets. */
enum { SC_ANY, SC_LOOPBACK, SC_ONE, SC_IPV4, SC_IPV6 };

/* One scanned host that may reach a socket, and the port there. */
struct fl_match {
	const char	*host;
	const char	*state;		/* NULL: not scanned on this host */
	const char	*reason;
	int		 v4only;	/* met on an IPv4 host only */
	struct fl_match	*next;
};

/* A host up in the scan: its key, and whether the dump names it. */
struct fl_host {
	const char	*host;
	int		 named;
};

struct fl_sock {
	const char	*key;		/* proto, port, address and process */
	int		 proto;
	const char	*addr;
	unsigned	 port;
	const char	*process;
	long		 pid;
	int		 scope;		/* SC_* */
	int		 v6star;	/* lsof's IPv6 "*": maybe IPv6-only */
	struct fl_match	*first;		/* in scan order */
	struct fl_match	*last;
};

/*
 * A host listens on a few thousand sockets at most; a dump that names
 * more, or more of its own addresses, is not one host's (or is hostile):
 * it fails with PK_ERR_LIMIT instead of growing without bound.
 */
#define FL_MAX_SOCKS	262144
#define FL_MAX_OWN	4096

struct pk_fw_listen {
	struct pk_arena	 pool;		/* strings and matches */
	struct fl_sock	*socks;		/* in dump order, one per key */
	struct pk_index	 ix;		/* key -> its place in socks */
	size_t		 nsocks;
	size_t		 capsocks;
	struct pk_fw_lrow *rows;	/* the last classification */
	size_t		 caprows;
	const char	**own;		/* the dump's own addresses */
	size_t		 nown;
	size_t		 capown;
	struct fl_host	*hosts;		/* up in the scan, in scan order */
	size_t		 nhosts;
	size_t		 caphosts;
	const char	*picked;	/* NULL: every host */
	int		 named_down;	/* the dump names a host down */
};

static const char *const lclass_names[PK_FW_NLCLASSES] = {
	"reachable", "firewalled", "local-only", "undecided", "not scanned"
};

const char *
pk_fw_lclass_name(int lclass)
{
	if (lclass < 0 || lclass >= PK_FW_NLCLASSES)
		return NULL;
	return lclass_names[lclass];
}

struct pk_fw_listen *
pk_fw_listen_new(void)
{
	struct pk_fw_listen *fl;

	if ((fl = calloc(1, sizeof(*fl))) == NULL)
		return NULL;
	pk_arena_init(&fl->pool, 0);
	return fl;
}

void
pk_fw_listen_free(struct pk_fw_listen *fl)
{
	if (fl == NULL)
		return;
	pk_arena_destroy(&fl->pool);
	pk_index_free(&fl->ix);
	free(fl->socks);
	free(fl->rows);
	free(fl->own);
	free(fl->hosts);
	free(fl);
}

/* A copy of s in the pool; *bad is set when out of memory. */
static const char *
pool_dup(struct pk_fw_listen *fl, const char *s, int *bad)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = pk_arena_strndup(&fl->pool, s, strlen(s))) == NULL)
		*bad = 1;
	return d;
}

static int
is_loopback(const char *a)
{
	unsigned char b[16];

	if (strcmp(a, "localhost") == 0)
		return 1;
	if (inet_pton(AF_INET, a, b) == 1)
		return b[0] == 127;
	if (inet_pton(AF_INET6, a, b) != 1)
		return 0;
	if (memcmp(b, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0)
		return b[12] == 127;
	return memcmp(b, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1", 16) == 0;
}

static int
same_addr(const char *a, const char *b)
{
	unsigned char x[16], y[16];
	int af = strchr(a, ':') != NULL ? AF_INET6 : AF_INET;

	if (inet_pton(af, a, x) != 1 || inet_pton(af, b, y) != 1)
		return strcmp(a, b) == 0;
	return memcmp(x, y, af == AF_INET ? 4 : 16) == 0;
}

/*
 * ss: "[::]" is an IPv6-only socket, "*" a dual-stack one.  lsof writes
 * "*" for both families, and its TYPE column (family) tells an IPv4-only
 * socket; an IPv6 "*" may be dual stack or not, so it meets both.  The
 * netstat reader gives its "::" (either kind) as such an IPv6 "*".
 */
static int
scope_of(const struct pk_sock *s)
{
	if (strcmp(s->addr, "0.0.0.0") == 0)
		return SC_IPV4;
	if (strcmp(s->addr, "::") == 0)
		return SC_IPV6;
	if (strcmp(s->addr, "*") == 0)
		return s->family == 4 ? SC_IPV4 : SC_ANY;
	return is_loopback(s->addr) ? SC_LOOPBACK : SC_ONE;
}

/* Note a local address of the dump that names its host. */
static int
own_add(struct pk_fw_listen *fl, const char *a)
{
	size_t i;
	int bad = 0;

	if (a == NULL || strcmp(a, "*") == 0 || strcmp(a, "0.0.0.0") == 0 ||
	    strcmp(a, "::") == 0 || is_loopback(a))
		return PK_OK;
	for (i = 0; i < fl->nown; i++)
		if (same_addr(fl->own[i], a))
			return PK_OK;
	if (fl->nown == FL_MAX_OWN)
		return PK_ERR_LIMIT;
	if (pk_fwi_grow(&fl->own, &fl->capown, fl->nown,
	    sizeof(fl->own[0])) == -1)
		return PK_ERR_NOMEM;
	fl->own[fl->nown] = pool_dup(fl, a, &bad);
	if (bad)
		return PK_ERR_NOMEM;
	fl->nown++;
	return PK_OK;
}

static const char *
sock_key(const void *arg, size_t i)
{
	return ((const struct pk_fw_listen *)arg)->socks[i].key;
}

/*
 * The socket's slot in the index, NULL when it is there already (one
 * socket shared by several processes or listed once per descriptor
 * counts once) or out of memory (*rc says which).
 */
static uint32_t *
sock_slot(struct pk_fw_listen *fl, const struct pk_sock *s, const char **key,
    int *rc)
{
	char buf[512];
	uint32_t *slot;
	int n;

	n = snprintf(buf, sizeof(buf), "%d/%u/%s/%s", s->proto, s->port,
	    s->addr != NULL ? s->addr : "", s->process != NULL ? s->process :
	    "");
	*rc = PK_ERR_NOMEM;
	if (n < 0 || pk_index_reserve_str(&fl->ix, fl->nsocks, 64, sock_key,
	    fl) == -1)
		return NULL;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	slot = pk_index_find_str(&fl->ix, sock_key, fl, buf, (size_t)n);
	*rc = PK_OK;
	if (*slot != 0)
		return NULL;
	if (fl->nsocks == FL_MAX_SOCKS) {
		*rc = PK_ERR_LIMIT;
		return NULL;
	}
	if ((*key = pk_arena_strndup(&fl->pool, buf, (size_t)n)) == NULL) {
		*rc = PK_ERR_NOMEM;
		return NULL;
	}
	return slot;
}

int
pk_fw_listen_add(struct pk_fw_listen *fl, const struct pk_sock *s)
{
	struct fl_sock l;
	uint32_t *slot;
	int bad = 0, rc;

	if ((rc = own_add(fl, s->addr)) != PK_OK)
		return rc;
	if (!s->listening)
		return PK_OK;
	memset(&l, 0, sizeof(l));
	if ((slot = sock_slot(fl, s, &l.key, &rc)) == NULL)
		return rc;
	l.proto = s->proto;
	l.addr = pool_dup(fl, s->addr, &bad);
	l.port = s->port;
	l.process = pool_dup(fl, s->process, &bad);
	l.pid = s->pid;
	l.scope = scope_of(s);
	l.v6star = (s->format == PK_FMT_LSOF ||
	    s->format == PK_FMT_NETSTAT) && l.scope == SC_ANY;
	if (bad || pk_fwi_grow(&fl->socks, &fl->capsocks, fl->nsocks,
	    sizeof(fl->socks[0])) == -1)
		return PK_ERR_NOMEM;
	fl->socks[fl->nsocks++] = l;
	*slot = (uint32_t)fl->nsocks;
	return PK_OK;
}

static int
host_has(const struct pk_host *h, const struct fl_sock *l)
{
	size_t i;

	for (i = 0; i < h->naddrs; i++) {
		if (h->addrs[i].type == PK_ADDR_MAC)
			continue;
		if (l->scope == SC_ANY || (l->scope == SC_IPV4 &&
		    h->addrs[i].type == PK_ADDR_IPV4) || (l->scope == SC_IPV6 &&
		    h->addrs[i].type == PK_ADDR_IPV6) || (l->scope == SC_ONE &&
		    same_addr(l->addr, h->addrs[i].addr)))
			return 1;
	}
	return 0;
}

struct fl_find {
	int		 proto;
	unsigned	 port;
	int		 found;
	const char	*state;		/* the host's strings */
	const char	*reason;
};

static int
find_port(void *arg, const struct pk_port *p)
{
	struct fl_find *f = arg;

	if (p->proto != f->proto || p->port != f->port)
		return 0;
	f->found = 1;
	f->state = p->state;
	f->reason = p->reason;
	return 1;
}

/*
 * The socket's port on h, listed or folded into <extraports>.  A
 * malformed folded list counts as far as it could be read.
 */
static int
match_host(struct pk_fw_listen *fl, struct fl_sock *l,
    const struct pk_host *h)
{
	struct fl_find f = { l->proto, l->port, 0, NULL, NULL };
	struct fl_match *m;
	size_t i;
	int bad = 0;

	for (i = 0; i < h->nports && !f.found; i++)
		(void)find_port(&f, &h->ports[i]);
	if (!f.found)
		(void)pk_extraports_foreach(h, find_port, &f);
	if ((m = pk_arena_alloc(&fl->pool, sizeof(*m))) == NULL)
		return PK_ERR_NOMEM;
	m->host = pool_dup(fl, h->host, &bad);
	m->state = pool_dup(fl, f.state, &bad);
	m->reason = pool_dup(fl, f.reason, &bad);
	m->v4only = 1;
	for (i = 0; i < h->naddrs; i++)
		if (h->addrs[i].type == PK_ADDR_IPV6)
			m->v4only = 0;
	m->next = NULL;
	if (bad)
		return PK_ERR_NOMEM;
	if (l->last != NULL)
		l->last->next = m;
	else
		l->first = m;
	l->last = m;
	return PK_OK;
}

/* Does one of the dump's own addresses name h? */
static int
names(const struct pk_fw_listen *fl, const struct pk_host *h)
{
	size_t i, j;

	for (i = 0; i < h->naddrs; i++)
		for (j = 0; j < fl->nown; j++)
			if (h->addrs[i].type != PK_ADDR_MAC &&
			    same_addr(fl->own[j], h->addrs[i].addr))
				return 1;
	return 0;
}

/* Keep h among the hosts up, noting whether the dump names it. */
static int
host_add(struct pk_fw_listen *fl, const struct pk_host *h)
{
	struct fl_host *k;
	int bad = 0;

	if (pk_fwi_grow(&fl->hosts, &fl->caphosts, fl->nhosts,
	    sizeof(*k)) == -1)
		return PK_ERR_NOMEM;
	k = &fl->hosts[fl->nhosts];
	k->named = names(fl, h);
	if ((k->host = pool_dup(fl, h->host, &bad)) == NULL)
		return PK_ERR_NOMEM;
	fl->nhosts++;
	return PK_OK;
}

int
pk_fw_listen_host(struct pk_fw_listen *fl, const struct pk_host *h)
{
	size_t i;

	if (h->host == NULL)
		return PK_OK;
	if (h->status != NULL && strcmp(h->status, "up") != 0) {
		fl->named_down |= names(fl, h);
		return PK_OK;
	}
	if (host_add(fl, h) != PK_OK)
		return PK_ERR_NOMEM;
	for (i = 0; i < fl->nsocks; i++)
		if (fl->socks[i].scope != SC_LOOPBACK &&
		    host_has(h, &fl->socks[i]) &&
		    match_host(fl, &fl->socks[i], h) != PK_OK)
			return PK_ERR_NOMEM;
	return PK_OK;
}

static int
lclass_of(const struct fl_sock *l, const struct fl_match *m)
{
	if (l->scope == SC_LOOPBACK)
		return PK_FW_LOCAL_ONLY;
	if (m == NULL || m->state == NULL)
		return PK_FW_NOT_SCANNED;
	if (strcmp(m->state, "open") == 0)
		return PK_FW_REACHABLE;
	/* lsof, netstat: an IPv6-only "*" looks like a dual-stack one. */
	if (strcmp(m->state, "open|filtered") == 0 ||
	    (l->v6star && m->v4only))
		return PK_FW_UNDECIDED;
	return PK_FW_FIREWALLED;
}

/* Append the row of socket l against match m (NULL: no host). */
static int
put_row(struct pk_fw_listen *fl, size_t *n, const struct fl_sock *l,
    const struct fl_match *m)
{
	struct pk_fw_lrow *r;

	if (pk_fwi_grow(&fl->rows, &fl->caprows, *n, sizeof(*r)) == -1)
		return -1;
	r = &fl->rows[(*n)++];
	memset(r, 0, sizeof(*r));
	r->lclass = lclass_of(l, m);
	r->filtering = r->lclass == PK_FW_FIREWALLED;
	r->proto = l->proto;
	r->addr = l->addr;
	r->port = l->port;
	r->process = l->process;
	r->pid = l->pid;
	if (m != NULL) {
		r->scan_host = m->host;
		r->state = m->state;
		r->reason = m->reason;
	}
	return 0;
}

int
pk_fw_listen_classify(struct pk_fw_listen *fl,
    const struct pk_fw_lrow **rows, size_t *n)
{
	const struct fl_sock *l;
	const struct fl_match *m;
	size_t i, nr = 0;
	int met;

	*rows = NULL;
	*n = 0;
	for (i = 0; i < fl->nsocks; i++) {
		l = &fl->socks[i];
		met = 0;
		for (m = l->first; m != NULL; m = m->next) {
			if (fl->picked != NULL && strcmp(m->host,
			    fl->picked) != 0)
				continue;
			met = 1;
			if (put_row(fl, &nr, l, m) == -1)
				return PK_ERR_NOMEM;
		}
		if (!met && put_row(fl, &nr, l, NULL) == -1)
			return PK_ERR_NOMEM;
	}
	*rows = fl->rows;
	*n = nr;
	return PK_OK;
}

int
pk_fw_listen_pick(struct pk_fw_listen *fl, const char *addr, size_t *nhosts)
{
	const char *named = NULL;
	size_t i, n = 0;

	*nhosts = fl->nhosts;
	fl->picked = NULL;
	for (i = 0; i < fl->nhosts; i++) {
		if (addr != NULL ? same_addr(addr, fl->hosts[i].host) :
		    fl->hosts[i].named) {
			/* A host listed twice is still one host. */
			if (named == NULL || strcmp(named,
			    fl->hosts[i].host) != 0)
				n++;
			named = fl->hosts[i].host;
		}
	}
	/* The only host up is the dump's unless the dump names another. */
	if (n == 0 && addr == NULL && fl->nhosts == 1 && !fl->named_down) {
		named = fl->hosts[0].host;
		n = 1;
	}
	if (n == 0 && fl->named_down)
		return PK_EOF;
	if (n == 0)
		return addr != NULL || fl->nhosts == 0 ? PK_EOF : PK_ERR_USAGE;
	if (n > 1)
		return PK_ERR_USAGE;
	fl->picked = named;
	return PK_OK;
}
