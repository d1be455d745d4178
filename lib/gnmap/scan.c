/*
 * scan.c - the "# " lines of grepable output, which frame a run
 * and describe the scan rather than a host:
 *
 *	# Nmap 7.93 scan initiated DATE as: ARGS
 *	# Ports scanned: TCP(3;22,80,631) UDP(0;) SCTP(0;) PROTOCOLS(0;)
 *	# Nmap done at DATE -- 1 IP address (1 host up) scanned in 0.05 seconds
 *
 * A header starts a new run, so the hosts before it are complete; the
 * trailer is the only sign that a run was not cut short.  masscan writes
 * the same framing with its own name and a shorter trailer.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "gnmap/gnmap_impl.h"

/* "12.34" as nmap prints elapsed seconds; locale-independent. */
static int
gn_seconds(const char *s, size_t n, double *out)
{
	const char *dot = memchr(s, '.', n);
	long long ip, fp = 0;
	size_t in = dot != NULL ? (size_t)(dot - s) : n, fn = 0;
	double scale = 1;

	if (pk_parse_long(s, in, &ip) == -1)
		return -1;
	if (dot != NULL) {
		fn = n - in - 1;
		if (fn > 9 || pk_parse_long(dot + 1, fn, &fp) == -1)
			return -1;
	}
	while (fn-- > 0)
		scale *= 10;
	*out = (double)ip + (double)fp / scale;
	return 0;
}

/* The run's scan record, made here when a file starts without a header. */
struct pk_scan *
pk_gn_scan(struct pk_reader *r)
{
	if (r->scan != NULL)
		return r->scan;
	if (pk_rd_scan_new(r) == NULL)
		(void)pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
	return r->scan;
}

static char *
gn_scan_str(struct pk_reader *r, const char *s, const char *end)
{
	return pk_rd_scan_str(r, s, (size_t)(end - s));
}

/*
 * "# Nmap 7.93 scan initiated DATE as: ARGS" or "# Masscan 1.3.2 scan
 * initiated DATE": a new run.  Hosts of the previous run are complete.
 */
static int
gn_header(struct pk_reader *r, struct gnmap *g, struct pk_line *ln,
    int masscan)
{
	const char *ver = ln->p, *sp, *as;
	struct pk_scan *s;
	int rc;

	if ((rc = pk_gn_flush(r)) != PK_OK)
		return rc;
	sp = pk_gn_find(ver, ln->end, " scan initiated ");
	if (sp == NULL)		/* "# Nmap scan initiated": no version */
		return pk_rd_fail(r, PK_ERR_FORMAT, ln->no,
		    "malformed scan header");
	if ((s = pk_rd_scan_new(r)) == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, ln->no, "out of memory");
	g->masscan = masscan;
	g->done = 0;
	s->scanner = masscan ? "masscan" : "nmap";
	s->version = gn_scan_str(r, ver, sp);
	ln->p = sp + strlen(" scan initiated ");
	as = masscan ? NULL : pk_gn_find(ln->p, ln->end, " as: ");
	s->startstr = gn_scan_str(r, ln->p, as != NULL ? as : ln->end);
	if (as != NULL)
		s->args = gn_scan_str(r, as + 5, ln->end);
	if (s->version == NULL || s->startstr == NULL ||
	    (as != NULL && s->args == NULL))
		return pk_rd_fail(r, PK_ERR_NOMEM, ln->no, "out of memory");
	return PK_OK;
}

/* "N IP address(es) (M host(s) up) scanned in S seconds" */
static int
gn_done_stats(struct pk_line *ln, struct pk_scan *s)
{
	long total, up;
	size_t n;
	double el;

	n = gn_span(ln, ' ');
	if (pk_gn_num(ln->p, n, &total) == -1)
		return -1;
	ln->p += n;
	if (!gn_eat(ln, " IP address"))
		return -1;
	(void)gn_eat(ln, "es");
	if (!gn_eat(ln, " ("))
		return -1;
	n = gn_span(ln, ' ');
	if (pk_gn_num(ln->p, n, &up) == -1 || up > total)
		return -1;
	ln->p += n;
	if (!gn_eat(ln, " host"))
		return -1;
	(void)gn_eat(ln, "s");
	if (!gn_eat(ln, " up) scanned in "))
		return -1;
	n = gn_span(ln, ' ');
	if (gn_seconds(ln->p, n, &el) == -1)
		return -1;
	ln->p += n;
	if (!gn_eat(ln, " seconds") || ln->p != ln->end)
		return -1;
	s->hosts_total = total;
	s->hosts_up = up;
	s->hosts_down = total - up;
	s->elapsed = el;
	return 0;
}

/*
 * "# Nmap done at DATE -- ..." ends the run.  nmap writes it only when
 * the scan completed, so it also means exit "success".  masscan's
 * trailer has the date alone.
 */
static int
gn_trailer(struct pk_reader *r, struct gnmap *g, struct pk_line *ln,
    int masscan)
{
	struct pk_scan *s;
	const char *dash;
	int rc;

	if ((rc = pk_gn_flush(r)) != PK_OK)
		return rc;
	if ((s = pk_gn_scan(r)) == NULL)
		return r->final;
	if (!masscan) {
		dash = pk_gn_find(ln->p, ln->end, " -- ");
		if (dash == NULL)
			return pk_gn_bad(r, ln, "malformed trailer",
			    ln->start, (size_t)(ln->end - ln->start));
		ln->p = dash + 4;
		if (gn_done_stats(ln, s) == -1)
			return pk_gn_bad(r, ln, "malformed trailer",
			    ln->start, (size_t)(ln->end - ln->start));
		s->exit = "success";
	}
	s->finished = 1;
	g->done = 1;
	return PK_OK;
}

/* One "TCP(3;22,80,631)" of "# Ports scanned:"; only non-empty ones. */
static int
gn_scaninfo_one(struct pk_reader *r, struct pk_line *ln,
    struct pk_scaninfo *si, size_t *nsi, int masscan)
{
	static const char *const names[][2] = {
		{ "TCP(", "tcp" }, { "UDP(", "udp" }, { "SCTP(", "sctp" },
		{ "PROTOCOLS(", "ip" }
	};
	const char *semi, *close;
	size_t i;
	long n;

	for (i = 0; i < 4 && !gn_eat(ln, names[i][0]); i++)
		continue;
	semi = i < 4 ? memchr(ln->p, ';', (size_t)(ln->end - ln->p)) : NULL;
	close = semi != NULL ? memchr(semi, ')', (size_t)(ln->end - semi)) :
	    NULL;
	if (close == NULL || pk_gn_num(ln->p, (size_t)(semi - ln->p), &n) == -1)
		return -1;
	if (n > 0) {
		si[*nsi].protocol = names[i][1];
		si[*nsi].numservices = n;
		si[*nsi].services = masscan ? pk_masscan_spec(r, semi + 1,
		    (size_t)(close - semi - 1), pk_proto_parse(names[i][1])) :
		    gn_scan_str(r, semi + 1, close);
		if (si[(*nsi)++].services == NULL)
			return -2;
	}
	ln->p = close + 1;
	(void)gn_eat(ln, " ");
	return 0;
}

/* "# Ports scanned: TCP(N;spec) UDP(N;spec) SCTP(N;spec) PROTOCOLS(N;spec)" */
static int
gn_ports_scanned(struct pk_reader *r, struct pk_line *ln, int masscan)
{
	struct pk_scaninfo *si;
	struct pk_scan *s;
	size_t nsi = 0, k;
	int rc;

	if ((s = pk_gn_scan(r)) == NULL)
		return r->final;
	si = pk_arena_zalloc(&r->scan_arena, 4 * sizeof(*si));
	if (si == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, ln->no, "out of memory");
	for (k = 0; k < 4 && ln->p < ln->end; k++) {
		rc = gn_scaninfo_one(r, ln, si, &nsi, masscan);
		if (rc == -2)
			return pk_rd_fail(r, PK_ERR_NOMEM, ln->no,
			    "out of memory");
		if (rc == -1)
			break;
	}
	if (ln->p != ln->end)
		return pk_gn_bad(r, ln, "malformed \"# Ports scanned\" line",
		    ln->start, (size_t)(ln->end - ln->start));
	s->scaninfo = si;
	s->nscaninfo = nsi;
	return PK_OK;
}

/* masscan -oL: "#masscan" begins a run, "# end" ends it. */
static int
gn_list_frame(struct pk_reader *r, struct gnmap *g, struct pk_line *ln,
    int end)
{
	struct pk_scan *s;
	int rc;

	if ((rc = pk_gn_flush(r)) != PK_OK)
		return rc;
	if (end) {
		if ((s = pk_gn_scan(r)) == NULL)
			return r->final;
		s->finished = 1;
		g->done = 1;
		return PK_OK;
	}
	if ((s = pk_rd_scan_new(r)) == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, ln->no, "out of memory");
	s->scanner = "masscan";
	g->masscan = g->list = 1;
	g->done = 0;
	return PK_OK;
}

/* Comments: the framing lines are recognised, any other is ignored. */
int
pk_gn_comment(struct pk_reader *r, struct gnmap *g,
    struct pk_line *ln)
{
	if (ln->end - ln->p == 8 && memcmp(ln->p, "#masscan", 8) == 0)
		return gn_list_frame(r, g, ln, 0);
	if (g->list && ln->end - ln->p == 5 && memcmp(ln->p, "# end", 5) == 0)
		return gn_list_frame(r, g, ln, 1);
	if (gn_eat(ln, "# Nmap done at "))
		return gn_trailer(r, g, ln, 0);
	if (gn_eat(ln, "# Masscan done at "))
		return gn_trailer(r, g, ln, 1);
	if (gn_eat(ln, "# Ports scanned: "))
		return gn_ports_scanned(r, ln, g->masscan);
	if (pk_gn_find(ln->p, ln->end, " scan initiated ") != NULL) {
		/* gn_header relies on the phrase being there. */
		if (gn_eat(ln, "# Nmap "))
			return gn_header(r, g, ln, 0);
		if (gn_eat(ln, "# Masscan "))
			return gn_header(r, g, ln, 1);
	}
	return PK_OK;
}
