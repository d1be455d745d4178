/*
 * dupcheck.c - noticing a port or host listed twice.
 *
 * nmap lists each port of a host once and each host once per run, but
 * resumed and concatenated files, hand edits and other tools do not
 * keep to that.  Readers never merge such records (which one would be
 * right?); they deliver both and say so through the warning callback.
 * Ports are checked with one bitmap per protocol whose bits are cleared
 * again after each host, so the check costs O(ports); hosts only when
 * asked, since remembering every address grows with the scan.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan/dupcheck.h"
#include "base/error.h"
#include "base/hash.h"

#define DUP_SHOWN	3	/* repeated ports named one by one, per host */

struct seen {
	char		*addr;
	unsigned long	 line;
};

struct pk_dupcheck {
	uint64_t	 bits[PK_PROTO_COUNT][65536 / 64];
	int		 hosts;
	struct seen	*seen;		/* every address, as first seen */
	size_t		 n;
	size_t		 cap;
	struct pk_index	 ix;		/* address -> its place in seen */
};

struct pk_dupcheck *
pk_dupcheck_new(int hosts)
{
	struct pk_dupcheck *d = calloc(1, sizeof(*d));

	if (d != NULL)
		d->hosts = hosts;
	return d;
}

void
pk_dupcheck_free(struct pk_dupcheck *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++)
		free(d->seen[i].addr);
	free(d->seen);
	pk_index_free(&d->ix);
	free(d);
}

static void
warn_at(void (*warn)(void *, const struct pk_error *), void *arg,
    const char *file, unsigned long line, const char *msg)
{
	struct pk_error w;

	memset(&w, 0, sizeof(w));
	w.status = PK_OK;
	w.file = file;
	w.line = line;
	(void)snprintf(w.msg, sizeof(w.msg), "%s", msg);
	warn(arg, &w);
}

/* Mark port p of the host being checked; 1 when it was marked already. */
static int
port_seen(struct pk_dupcheck *d, const struct pk_port *p)
{
	uint64_t bit = (uint64_t)1 << (p->port % 64);
	uint64_t *w = &d->bits[p->proto][p->port / 64];
	int seen = (*w & bit) != 0;

	*w |= bit;
	return seen;
}

/* Clear the marks of h's ports: O(ports), not the whole bitmap. */
static void
ports_clear(struct pk_dupcheck *d, const struct pk_host *h)
{
	size_t i;

	for (i = 0; i < h->nports; i++)
		d->bits[h->ports[i].proto][h->ports[i].port / 64] = 0;
}

/*
 * Ports in strictly rising (protocol, number) order cannot repeat, and
 * nmap lists them so (TCP before UDP, each by number): one pass that
 * compares each with the one before, and no bitmap to mark and clear.
 */
static int
ports_rising(const struct pk_host *h)
{
	unsigned long prev = 0, key;
	size_t i;

	for (i = 0; i < h->nports; i++) {
		/* + 1: the first port, key 0 or not, is above prev. */
		key = ((unsigned long)h->ports[i].proto << 17 |
		    h->ports[i].port) + 1;
		if (key <= prev)
			return 0;
		prev = key;
	}
	return 1;
}

/*
 * Each repeated port is cited at its own line, the first DUP_SHOWN of a
 * host one by one and the rest in one line: a host that lists a port
 * 100,000 times must not write megabytes of warnings.
 */
static void
check_ports(struct pk_dupcheck *d, const struct pk_host *h, const char *file,
    void (*warn)(void *, const struct pk_error *), void *arg)
{
	const char *addr = h->host != NULL ? h->host : h->mac;
	const struct pk_port *p;
	unsigned long more = 0, at = 0;
	char msg[200];
	size_t i;

	if (ports_rising(h))
		return;
	for (i = 0; i < h->nports; i++) {
		p = &h->ports[i];
		if (!port_seen(d, p))
			continue;
		if (more++ >= DUP_SHOWN) {
			if (at == 0)
				at = p->line != 0 ? p->line : h->line;
			continue;
		}
		(void)snprintf(msg, sizeof(msg), "warning: port %u/%s of %.64s "
		    "listed twice", p->port, pk_proto_name(p->proto), addr);
		warn_at(warn, arg, file, p->line != 0 ? p->line : h->line,
		    msg);
	}
	if (more > DUP_SHOWN) {
		(void)snprintf(msg, sizeof(msg), "warning: %lu more ports of "
		    "%.64s listed twice", more - DUP_SHOWN, addr);
		warn_at(warn, arg, file, at, msg);
	}
	ports_clear(d, h);
}

static const char *
seen_key(const void *arg, size_t i)
{
	const struct pk_dupcheck *d = arg;

	return d->seen[i].addr;
}

/* Room for one more address; 0 or -1. */
static int
seen_grow(struct pk_dupcheck *d)
{
	struct seen *ns;
	size_t ncap;

	if (pk_index_reserve_str(&d->ix, d->n, 1024, seen_key, d) == -1)
		return -1;
	if (d->n < d->cap)
		return 0;
	ncap = d->cap == 0 ? 512 : d->cap * 2;
	if ((ns = realloc(d->seen, ncap * sizeof(*ns))) == NULL)
		return -1;
	d->seen = ns;
	d->cap = ncap;
	return 0;
}

static int
check_host(struct pk_dupcheck *d, const struct pk_host *h, const char *file,
    void (*warn)(void *, const struct pk_error *), void *arg)
{
	const char *addr = h->host != NULL ? h->host : h->mac;
	struct seen *e;
	uint32_t *slot;
	char msg[200];

	if (seen_grow(d) == -1)
		return -1;
	slot = pk_index_find_str(&d->ix, seen_key, d, addr, strlen(addr));
	if (*slot != 0) {
		(void)snprintf(msg, sizeof(msg), "warning: host %.64s listed "
		    "again (first at line %lu)", addr, d->seen[*slot - 1].line);
		warn_at(warn, arg, file, h->line, msg);
		return 0;
	}
	e = &d->seen[d->n];
	if ((e->addr = strdup(addr)) == NULL)
		return -1;
	e->line = h->line;
	*slot = (uint32_t)++d->n;
	return 0;
}

int
pk_dupcheck_host(struct pk_dupcheck *d, const struct pk_host *h,
    const char *file, void (*warn)(void *, const struct pk_error *),
    void *arg)
{
	check_ports(d, h, file, warn, arg);
	if (d->hosts && (h->host != NULL || h->mac != NULL))
		return check_host(d, h, file, warn, arg);
	return 0;
}
