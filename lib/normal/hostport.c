/*
 * hostport.c - plain host:port lists, as naabu and many one-liners
 * print them: an open TCP port a line.
 *
 *	# comment
 *	10.0.0.1:22
 *	[2001:db8::1]:443
 *
 * Addresses only: portkit never resolves names, so "host.example:22" is
 * an error, as is an IPv6 address without its brackets.  Lines of one
 * address in a row are one host, as in masscan's list output; --merge
 * folds them per address.  A list has no trailer, so a cut one cannot
 * be told from a whole one.
 */
#include <stdlib.h>
#include <string.h>

#include "normal/normal.h"
#include "normal/normal_impl.h"

#define HP_BATCH	256	/* lines per pump call at most */
#define HP_ADDRMAX	46	/* INET6_ADDRSTRLEN */

static int	hp_pump(struct pk_reader *);

static const struct pk_reader_ops hostport_ops = { hp_pump, NULL };

int
pk_hostport_init(struct pk_reader *r)
{
	r->ops = &hostport_ops;
	return PK_OK;
}

static int
hp_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The line without blanks around it and without a " # comment". */
static void
hp_trim(struct pk_line *ln)
{
	const char *h;

	while (ln->p < ln->end && hp_blank(*ln->p))
		ln->p++;
	for (h = ln->p; h < ln->end; h++)
		if (*h == '#' && (h == ln->p || hp_blank(h[-1]))) {
			ln->end = h;
			break;
		}
	while (ln->end > ln->p && hp_blank(ln->end[-1]))
		ln->end--;
}

/* The builder for addr: the host being built or a new one. */
static struct pk_hb *
hp_host_for(struct pk_reader *r, const struct pk_line *ln, const char *addr,
    enum pk_addrtype type)
{
	if (r->building != NULL) {
		if (strcmp(r->building->hb.h->addrs[0].addr, addr) == 0)
			return &r->building->hb;
		if (pk_rd_host_commit(r) != PK_OK)
			return NULL;
	}
	return pk_nm_host(r, ln, addr, type);
}

/* "ADDR:PORT" or "[ADDR6]:PORT". */
static int
hp_entry(struct pk_reader *r, struct pk_line *ln)
{
	const char *a = ln->p, *colon, *ae;
	char addr[HP_ADDRMAX];
	enum pk_addrtype type;
	struct pk_port *p;
	struct pk_hb *hb;
	unsigned port;

	if (*a == '[') {
		a++;
		if ((ae = pk_nm_find(a, ln->end, "]:")) == NULL)
			return pk_nm_bad(r, ln, "expected [ADDRESS]:PORT",
			    ln->p, (size_t)(ln->end - ln->p));
		colon = ae + 1;
	} else {
		if ((colon = pk_nm_rfind(a, ln->end, ":")) == NULL)
			return pk_nm_bad(r, ln, "expected ADDRESS:PORT",
			    ln->p, (size_t)(ln->end - ln->p));
		if (memchr(a, ':', (size_t)(colon - a)) != NULL)
			return pk_nm_bad(r, ln, "IPv6 address without "
			    "brackets", ln->p, (size_t)(ln->end - ln->p));
		ae = colon;
	}
	if (pk_nm_addr(a, (size_t)(ae - a), &type, addr, sizeof(addr)) == -1)
		return pk_nm_bad(r, ln, "not an IP address (names are not "
		    "resolved)", a, (size_t)(ae - a));
	if ((*ln->p == '[') != (type == PK_ADDR_IPV6))
		return pk_nm_bad(r, ln, "brackets around an IPv4 address",
		    ln->p, (size_t)(ln->end - ln->p));
	if (pk_parse_port(colon + 1, (size_t)(ln->end - colon - 1), 65535,
	    &port) == -1 || port == 0)
		return pk_nm_bad(r, ln, "bad port number", colon + 1,
		    (size_t)(ln->end - colon - 1));
	if ((hb = hp_host_for(r, ln, addr, type)) == NULL)
		return r->final;
	if ((p = pk_hb_port(hb)) == NULL)
		return pk_nm_nomem(r, hb, ln->no);
	p->proto = PK_PROTO_TCP;
	p->port = port;
	p->state = "open";
	p->line = ln->no;
	return PK_OK;
}

static int
hp_line(struct pk_reader *r, struct pk_line *ln)
{
	if (ln->nul)
		return pk_rd_fail(r, PK_ERR_FORMAT, ln->no, "NUL byte in line");
	hp_trim(ln);
	if (ln->p == ln->end)
		return PK_OK;		/* blank or a comment */
	return hp_entry(r, ln);
}

static int
hp_pump(struct pk_reader *r)
{
	struct pk_line ln;
	unsigned long before = r->ncommit;
	int i, rc;

	for (i = 0; i < HP_BATCH && r->ncommit == before; i++) {
		rc = pk_input_line(r->in, &ln);
		if (rc == PK_EOF)
			return r->building != NULL &&
			    pk_rd_host_commit(r) != PK_OK ? r->final : PK_EOF;
		if (rc != PK_OK) {
			pk_rd_host_abort(r);
			return pk_rd_fail_input(r);
		}
		if ((rc = hp_line(r, &ln)) != PK_OK) {
			pk_rd_host_abort(r);
			return rc;
		}
	}
	return PK_OK;
}
