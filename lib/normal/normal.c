/*
 * normal.c - Nmap's normal output (-oN), the .nmap file of every -oA
 * run, and the same text as nmap prints it on standard output:
 *
 *	# Nmap 7.93 scan initiated DATE as: nmap -sV ...
 *	Nmap scan report for localhost (127.0.0.1)
 *	Host is up (0.000024s latency).
 *	Not shown: 998 closed tcp ports (reset)
 *	PORT   STATE SERVICE VERSION
 *	22/tcp open  ssh     OpenSSH 9.2p1 Debian 2+deb12u3 (protocol 2.0)
 *	MAC Address: 02:77:01:00:00:02 (Unknown)
 *
 *	# Nmap done at DATE -- 1 IP address (1 host up) scanned in 0.2 seconds
 *
 * A host is the lines from its "Nmap scan report for" to the next one
 * or to a line of the run (the trailer, "Read data files from", ...).
 * The format is written for people: lines portkit has no field for are
 * skipped, lines it reads are checked strictly.  A file without the
 * trailer was cut short; its last host is kept only when a blank line
 * or its own line ([host down]) shows that it ended.
 *
 * This file reads lines, the run and the host lines; table.c the port
 * table, folded ports and script output; line.c what they share with
 * the host:port reader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normal/normal.h"
#include "normal/normal_impl.h"

#define NM_BATCH	256	/* lines per pump call at most */
#define NM_ADDRMAX	46	/* INET6_ADDRSTRLEN */

static int	nm_pump(struct pk_reader *);
static void	nm_free(struct pk_reader *);

static const struct pk_reader_ops normal_ops = { nm_pump, nm_free };

int
pk_normal_init(struct pk_reader *r)
{
	struct normal *nm;

	if ((nm = calloc(1, sizeof(*nm))) == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
	r->impl = nm;
	r->ops = &normal_ops;
	return PK_OK;
}

static void
nm_free(struct pk_reader *r)
{
	struct normal *nm = r->impl;

	if (nm != NULL) {
		free(nm->buf);
		pk_vsplit_free(&nm->vsplit);
	}
	free(nm);
	r->impl = NULL;
}

/*
 * Queue the host being built.  A host without a "Host is up" line (a
 * list scan, -sL) is of unknown status, as the XML says.
 */
static int
nm_commit(struct pk_reader *r)
{
	if (r->building->hb.h->status == NULL)
		r->building->hb.h->status = "unknown";
	return pk_rd_host_commit(r);
}

/* Queue the host being built, if any. */
static int
nm_flush(struct pk_reader *r, struct normal *nm)
{
	nm->where = NM_NONE;
	if (r->building == NULL)
		return PK_OK;
	return nm_commit(r);
}

/* --- The run ------------------------------------------------------------- */

/*
 * "# Nmap 7.93 scan initiated DATE as: ARGS", or "Starting Nmap 7.93 (
 * https://nmap.org ) at DATE" on standard output: a new run.
 */
static int
nm_header(struct pk_reader *r, struct normal *nm, struct pk_line *ln,
    int out)
{
	const char *sp, *as = NULL;
	struct pk_scan *s;
	int rc;

	if ((rc = nm_flush(r, nm)) != PK_OK)
		return rc;
	sp = pk_nm_find(ln->p, ln->end, out ? " ( " : " scan initiated ");
	if (sp == NULL || sp == ln->p)
		return pk_nm_bad(r, ln, "malformed scan header", ln->start,
		    (size_t)(ln->end - ln->start));
	if ((s = pk_rd_scan_new(r)) == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, ln->no, "out of memory");
	nm->done = 0;
	s->scanner = "nmap";
	s->version = pk_rd_scan_str(r, ln->p, (size_t)(sp - ln->p));
	if (!out) {
		ln->p = sp + strlen(" scan initiated ");
		as = pk_nm_find(ln->p, ln->end, " as: ");
		s->startstr = pk_rd_scan_str(r, ln->p,
		    (size_t)((as != NULL ? as : ln->end) - ln->p));
		if (as != NULL)
			s->args = pk_rd_scan_str(r, as + 5,
			    (size_t)(ln->end - as - 5));
	} else if ((as = pk_nm_find(sp, ln->end, " ) at ")) != NULL)
		s->startstr = pk_rd_scan_str(r, as + 6,
		    (size_t)(ln->end - as - 6));
	if (s->version == NULL || (as != NULL && s->startstr == NULL) ||
	    (!out && as != NULL && s->args == NULL))
		return pk_rd_fail(r, PK_ERR_NOMEM, ln->no, "out of memory");
	return PK_OK;
}

/*
 * "# Nmap done at DATE -- ..." ("Nmap done: ..." on standard output)
 * ends the run: nmap writes it only when the scan completed.
 */
static int
nm_trailer(struct pk_reader *r, struct normal *nm, struct pk_line *ln)
{
	int rc;

	if ((rc = nm_flush(r, nm)) != PK_OK)
		return rc;
	if (r->scan == NULL && pk_rd_scan_new(r) == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, ln->no, "out of memory");
	if (pk_nm_find(ln->p, ln->end, " IP address") == NULL)
		return pk_nm_bad(r, ln, "malformed trailer", ln->start,
		    (size_t)(ln->end - ln->start));
	r->scan->finished = 1;
	r->scan->exit = "success";
	nm->done = 1;
	return PK_OK;
}

/* --- Host lines ---------------------------------------------------------- */

/* "received REASON[ ttl N]": how nmap knows the host's status. */
static int
nm_status_reason(struct pk_hb *hb, const char *s, const char *end)
{
	const char *t = pk_nm_find(s, end, " ttl ");
	long long v;

	hb->h->status_reason_ttl = 0;
	if (t != NULL) {
		if (pk_parse_long(t + 5, (size_t)(end - t - 5), &v) == -1 ||
		    v > 255)
			return -2;
		hb->h->status_reason_ttl = (int)v;
		end = t;
	}
	if (end == s || memchr(s, ' ', (size_t)(end - s)) != NULL)
		return -2;
	hb->h->status_reason = pk_hb_str(hb, s, (size_t)(end - s));
	return hb->h->status_reason == NULL ? -1 : 0;
}

/* "NAME (ADDR)" or "ADDR": the address, and the name when there is one. */
static struct pk_hb *
nm_report_target(struct pk_reader *r, struct pk_line *ln, const char *end)
{
	const char *open = NULL, *a = ln->p;
	char addr[NM_ADDRMAX];
	enum pk_addrtype type;
	struct pk_hostname *hn;
	struct pk_hb *hb;

	if (end > a && end[-1] == ')' &&
	    (open = pk_nm_rfind(a, end, " (")) != NULL)
		a = open + 2;
	if (pk_nm_addr(a, (size_t)(end - a - (open != NULL)), &type, addr,
	    sizeof(addr)) == -1) {
		(void)pk_nm_bad(r, ln, "bad address", a, (size_t)(end - a));
		return NULL;
	}
	if ((hb = pk_nm_host(r, ln, addr, type)) == NULL)
		return NULL;
	if (open != NULL && open > ln->p && ((hn = pk_hb_hostname(hb)) ==
	    NULL || (hn->name = pk_hb_str(hb, ln->p,
	    (size_t)(open - ln->p))) == NULL)) {
		(void)pk_nm_nomem(r, hb, ln->no);
		return NULL;
	}
	return hb;
}

/* "Nmap scan report for TARGET[ [host down[, received REASON]]]" */
static int
nm_report(struct pk_reader *r, struct normal *nm, struct pk_line *ln)
{
	const char *down, *end = ln->end, *rs = NULL;
	struct pk_hb *hb;
	int rc;

	if ((rc = nm_flush(r, nm)) != PK_OK)
		return rc;
	down = nm_ends(ln, "]") ? pk_nm_rfind(ln->p, ln->end, " [host down") :
	    NULL;
	if (down != NULL) {
		end = down;
		rs = down + strlen(" [host down");
		if (pk_nm_find(rs, ln->end, ", received ") == rs)
			rs += strlen(", received ");
		else if (rs + 1 == ln->end)
			rs = NULL;
		else
			return pk_nm_bad(r, ln, "bad host status", down,
			    (size_t)(ln->end - down));
	}
	if ((hb = nm_report_target(r, ln, end)) == NULL)
		return r->final;
	nm->closed = down != NULL;	/* a down host is this line alone */
	nm->ports_seen = 0;
	if (down == NULL)
		return PK_OK;
	hb->h->status = "down";
	if (rs != NULL && (rc = nm_status_reason(hb, rs, ln->end - 1)) != 0)
		return rc == -1 ? pk_nm_nomem(r, hb, ln->no) :
		    pk_nm_bad(r, ln, "bad host status", down,
		    (size_t)(ln->end - down));
	return PK_OK;
}

/* "Host is up[, received REASON][ (0.00012s latency)]." */
static int
nm_up(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln)
{
	const char *end = ln->end, *lat;
	int rc;

	if (end == ln->p || end[-1] != '.')
		return pk_nm_bad(r, ln, "bad host status", ln->start,
		    (size_t)(ln->end - ln->start));
	end--;
	if ((lat = pk_nm_rfind(ln->p, end, " (")) != NULL &&
	    pk_nm_find(lat, end, " latency)") != NULL)
		end = lat;
	hb->h->status = "up";
	if (ln->p == end)
		return PK_OK;
	if (!nm_eat(ln, ", received ") ||
	    (rc = nm_status_reason(hb, ln->p, end)) == -2)
		return pk_nm_bad(r, ln, "bad host status", ln->start,
		    (size_t)(ln->end - ln->start));
	return rc == -1 ? pk_nm_nomem(r, hb, ln->no) : PK_OK;
}

/* "MAC Address: 02:77:01:00:00:02 (Vendor)"; "(Unknown)" is no vendor. */
static int
nm_mac(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln)
{
	char mac[18];
	struct pk_addr *a;
	size_t n = (size_t)(ln->end - ln->p);
	const char *v = ln->p + 17;

	if (n < 17 || (n > 17 && (n < 21 || v[0] != ' ' || v[1] != '(' ||
	    ln->end[-1] != ')')))
		return pk_nm_bad(r, ln, "bad MAC address line", ln->start,
		    (size_t)(ln->end - ln->start));
	memcpy(mac, ln->p, 17);
	mac[17] = '\0';
	if (!pk_addr_valid(PK_ADDR_MAC, mac))
		return pk_nm_bad(r, ln, "bad MAC address", ln->p, 17);
	if ((a = pk_hb_addr(hb)) == NULL ||
	    (a->addr = pk_hb_cstr(hb, mac)) == NULL)
		return pk_nm_nomem(r, hb, ln->no);
	a->type = PK_ADDR_MAC;
	if (n > 17 && (n != 27 || memcmp(v + 2, "Unknown", 7) != 0) &&
	    (a->vendor = pk_hb_str(hb, v + 2, n - 20)) == NULL)
		return pk_nm_nomem(r, hb, ln->no);
	return PK_OK;
}

/*
 * "OS details: NAME" names nmap's perfect matches (accuracy 100), several
 * joined by ", " that names may hold too: one match.  "Aggressive OS
 * guesses: NAME (96%), NAME (95%)" lists guesses with their accuracy.
 */
static int
nm_os(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln, int guess)
{
	const char *s = ln->p, *e, *pct;
	struct pk_osmatch *o;
	long long acc = 100;

	while (s < ln->end) {
		e = guess ? pk_nm_find(s, ln->end, "%), ") : NULL;
		if (e == NULL)
			e = ln->end - (guess ? 2 : 0);
		pct = guess ? pk_nm_rfind(s, e, " (") : NULL;
		if (guess && (pct == NULL || e < ln->p || *e != '%' ||
		    pk_parse_long(pct + 2, (size_t)(e - pct - 2), &acc) == -1 ||
		    acc > 100))
			return pk_nm_bad(r, ln, "bad OS guess", s,
			    (size_t)(ln->end - s));
		if (pct == NULL)
			pct = e;
		if (pct == s)
			return pk_nm_bad(r, ln, "empty OS name", s, 0);
		if ((o = pk_hb_osmatch(hb)) == NULL ||
		    (o->name = pk_hb_str(hb, s, (size_t)(pct - s))) == NULL)
			return pk_nm_nomem(r, hb, ln->no);
		o->accuracy = (int)acc;
		s = e + (guess ? 4 : 0);
		if (guess && e + 2 == ln->end)
			break;
	}
	return PK_OK;
}

/* "rDNS record for ADDR: NAME": the PTR name of a host named by the user. */
static int
nm_rdns(struct pk_reader *r, struct pk_hb *hb, struct pk_line *ln)
{
	const char *c = pk_nm_find(ln->p, ln->end, ": ");
	struct pk_hostname *hn;

	if (c == NULL || c + 2 == ln->end)
		return pk_nm_bad(r, ln, "bad rDNS line", ln->start,
		    (size_t)(ln->end - ln->start));
	if ((hn = pk_hb_hostname(hb)) == NULL ||
	    (hn->name = pk_hb_str(hb, c + 2, (size_t)(ln->end - c - 2))) ==
	    NULL)
		return pk_nm_nomem(r, hb, ln->no);
	hn->type = "PTR";
	return PK_OK;
}

/* Lines of the run, not of a host: they end the host being built. */
static int
nm_run_line(const struct pk_line *ln)
{
	static const char *const lits[] = {
		"Read data files from: ", "Service detection performed.",
		"OS detection performed.", "Nmap done: ", NULL
	};
	size_t i, n;

	for (i = 0; lits[i] != NULL; i++) {
		n = strlen(lits[i]);
		if ((size_t)(ln->end - ln->p) >= n &&
		    memcmp(ln->p, lits[i], n) == 0)
			return 1;
	}
	return 0;
}

/* A line of the host being built. */
static int
nm_host_line(struct pk_reader *r, struct normal *nm, struct pk_hb *hb,
    struct pk_line *ln)
{
	if (nm->where == NM_TABLE && pk_nm_is_row(nm, ln))
		return pk_nm_row(r, nm, hb, ln);
	if (nm_eat(ln, "Host is up"))
		return nm_up(r, hb, ln);
	if (nm_eat(ln, "Not shown: "))
		return pk_nm_not_shown(r, hb, ln);
	if (nm_eat(ln, "All ") && pk_nm_find(ln->p, ln->end,
	    " scanned ports on ") != NULL)
		return pk_nm_all_ports(r, hb, ln);
	ln->p = ln->start;
	if (nm_eat(ln, "PORT ") || nm_eat(ln, "PROTOCOL ")) {
		ln->p = ln->start;
		return pk_nm_heading(r, nm, ln);
	}
	nm->where = NM_NONE;
	if (ln->end - ln->p == 20 &&
	    memcmp(ln->p, "Host script results:", 20) == 0)
		nm->where = NM_HOSTSCRIPTS;
	else if (nm_eat(ln, "MAC Address: "))
		return nm_mac(r, hb, ln);
	else if (nm_eat(ln, "OS details: "))
		return nm_os(r, hb, ln, 0);
	else if (nm_eat(ln, "Aggressive OS guesses: "))
		return nm_os(r, hb, ln, 1);
	else if (nm_eat(ln, "rDNS record for "))
		return nm_rdns(r, hb, ln);
	return PK_OK;		/* a line portkit has no field for */
}

/* --- Lines and the end of input ------------------------------------------ */

/*
 * The input ended without the run's trailer, or inside a line: the host
 * being built is kept when it is known to have ended.
 */
static int
nm_cut(struct pk_reader *r, struct normal *nm, unsigned long line,
    const char *why)
{
	if (r->building != NULL && (!nm->closed || nm->inscript))
		pk_rd_host_abort(r);
	else if (r->building != NULL && nm_commit(r) != PK_OK)
		return r->final;
	return pk_rd_fail(r, PK_ERR_TRUNCATED, line, "truncated scan: %s",
	    why);
}

static int
nm_eof(struct pk_reader *r, struct normal *nm)
{
	if (nm->done)
		return nm_flush(r, nm) != PK_OK ? r->final : PK_EOF;
	return nm_cut(r, nm, pk_input_lines(r->in), nm->inscript ?
	    "script output cut short" : "no '# Nmap done' line");
}

/* A '#' line: the run's header and trailer; other comments are skipped. */
static int
nm_comment(struct pk_reader *r, struct normal *nm, struct pk_line *ln)
{
	if (nm_eat(ln, "# Nmap done at "))
		return nm_trailer(r, nm, ln);
	if (pk_nm_find(ln->p, ln->end, " scan initiated ") != NULL &&
	    nm_eat(ln, "# Nmap "))
		return nm_header(r, nm, ln, 0);
	return PK_OK;
}

/*
 * The line cut short by the end of input begins one that no host has
 * ("Nmap scan report for", "# Nmap done", "Read data files from",
 * "Post-scan script results"): the host before it had ended.
 */
static int
nm_cut_line(struct pk_reader *r, struct normal *nm, struct pk_line *ln)
{
	static const char *const heads[] = { "Nm", "#", "Rea", "Pos" };
	size_t i, n;

	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		n = strlen(heads[i]);
		if ((size_t)(ln->end - ln->p) >= n &&
		    memcmp(ln->p, heads[i], n) == 0 && !nm->inscript)
			nm->closed = 1;
	}
	return nm_cut(r, nm, ln->no, "last line cut short");
}

static int
nm_line(struct pk_reader *r, struct normal *nm, struct pk_line *ln)
{
	if (ln->cut)
		return nm_cut_line(r, nm, ln);
	if (ln->nul)
		return pk_rd_fail(r, PK_ERR_FORMAT, ln->no, "NUL byte in line");
	if (ln->p < ln->end && *ln->p == '|')
		return pk_nm_script(r, nm, ln);
	if (nm->inscript)
		return pk_nm_bad(r, ln, "script output cut short", ln->start,
		    (size_t)(ln->end - ln->start));
	if (ln->p == ln->end) {
		/*
		 * A blank line ends a host once its ports are behind: nmap
		 * also writes one between "Host is up" and the table.
		 */
		if (r->building != NULL && (nm->ports_seen ||
		    r->building->hb.h->nextraports > 0))
			nm->closed = 1;
		nm->where = NM_NONE;
		return PK_OK;
	}
	if (*ln->p == '#')
		return nm_comment(r, nm, ln);
	if (nm_eat(ln, "Nmap scan report for "))
		return nm_report(r, nm, ln);
	if (nm_eat(ln, "Starting Nmap "))
		return nm_header(r, nm, ln, 1);
	if (nm_eat(ln, "Pre-scan script results:") ||
	    nm_eat(ln, "Post-scan script results:")) {
		if (nm_flush(r, nm) != PK_OK)
			return r->final;
		nm->where = NM_RUNSCRIPTS;
		return PK_OK;
	}
	if (nm_run_line(ln)) {
		if (nm_flush(r, nm) != PK_OK)
			return r->final;
		return nm_eat(ln, "Nmap done: ") ? nm_trailer(r, nm, ln) :
		    PK_OK;
	}
	if (r->building == NULL)
		return PK_OK;
	nm->closed = 0;
	return nm_host_line(r, nm, &r->building->hb, ln);
}

static int
nm_pump(struct pk_reader *r)
{
	struct normal *nm = r->impl;
	struct pk_line ln;
	unsigned long before = r->ncommit;
	int i, rc;

	/* Until a host is queued: the queue may hold earlier ones. */
	for (i = 0; i < NM_BATCH && r->ncommit == before; i++) {
		rc = pk_input_line(r->in, &ln);
		if (rc == PK_EOF)
			return nm_eof(r, nm);
		if (rc != PK_OK) {
			pk_rd_host_abort(r);
			return pk_rd_fail_input(r);
		}
		if ((rc = nm_line(r, nm, &ln)) != PK_OK) {
			if (rc != PK_ERR_TRUNCATED)
				pk_rd_host_abort(r);
			return rc;
		}
	}
	return PK_OK;
}
