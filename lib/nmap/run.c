/*
 * run.c - what Nmap XML says about a whole run: <nmaprun>,
 * <scaninfo> and <runstats>.  The strings live in the reader's scan
 * arena, which lasts as long as the reader.
 */
#include <string.h>

#include "nmap/nmap_impl.h"

static char *
scan_str(struct pk_xml_state *st, const struct attr *at)
{
	return pk_xml_attr_copy(&st->r->scan_arena, at);
}

void
pk_xml_on_nmaprun(struct pk_xml_state *st, const struct attr *at, int n)
{
	const struct pk_scan *prev = st->r->scan;
	struct pk_scan *s;
	int i;

	s = pk_rd_scan_new(st->r);
	if (s == NULL) {
		pk_xml_stop(st, PK_ERR_NOMEM, "out of memory");
		return;
	}
	if (st->continuation && prev != NULL) {
		unsigned docno = s->docno;

		*s = *prev;	/* strings live as long as the reader */
		s->docno = docno;
		s->finished = 0;
	}
	for (i = 0; i < n; i++) {
		if (attr_is(st, &at[i], A_SCANNER))
			s->scanner = scan_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_ARGS))
			s->args = scan_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_START))
			s->start = pk_xml_attr_num(st, &at[i], INT64_MAX / 2);
		else if (attr_is(st, &at[i], A_STARTSTR))
			s->startstr = scan_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_VERSION))
			s->version = scan_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_XMLOUTPUTVERSION))
			s->xmloutputversion = scan_str(st, &at[i]);
	}
	st->cap_scaninfo = 0;
	st->masscan = s->scanner != NULL && strcmp(s->scanner, "masscan") == 0;
	s->format = st->masscan ? PK_FMT_MASSCAN_XML : PK_FMT_NMAP_XML;
}

/*
 * A services list that does not parse, or holds another number of ports
 * than numservices says, cannot tell which ports were probed: warned of
 * and dropped, so that no "not scanned" is inferred from it.
 */
static void
check_services(struct pk_xml_state *st, struct pk_scaninfo *si)
{
	int proto = si->protocol != NULL ? pk_proto_parse(si->protocol) : -1;
	struct pk_portset *ps;
	size_t n = 0;
	int rc;

	if (proto < 0)
		return;
	if ((ps = pk_portset_new()) == NULL) {
		pk_xml_stop(st, PK_ERR_NOMEM, "out of memory");
		return;
	}
	rc = pk_portspec_parse(ps, si->services, 1u << proto, NULL);
	if (rc == PK_OK)
		n = pk_portset_count(ps, proto);
	pk_portset_free(ps);
	if (rc != PK_OK)
		pk_rd_warn(st->r, pk_xml_line(st), "bad scaninfo services "
		    "list: it is ignored");
	else if (si->numservices >= 0 && (long)n != si->numservices)
		pk_rd_warn(st->r, pk_xml_line(st), "scaninfo numservices %ld, "
		    "but its list holds %zu ports: it is ignored",
		    si->numservices, n);
	else
		return;
	si->services = NULL;
}

void
pk_xml_on_scaninfo(struct pk_xml_state *st, const struct attr *at, int n)
{
	struct pk_scan *s = st->r->scan;
	struct pk_scaninfo *si;
	int i;

	/* The array is per run (a continued run shares its parent's). */
	if (s->nscaninfo >= st->cap_scaninfo) {
		size_t ncap = st->cap_scaninfo == 0 ? 4 : st->cap_scaninfo * 2;

		si = pk_arena_grow(&st->r->scan_arena, NULL, 0,
		    ncap * sizeof(*si));
		if (si == NULL) {
			pk_xml_stop(st, PK_ERR_NOMEM, "out of memory");
			return;
		}
		if (s->nscaninfo > 0)
			memcpy(si, s->scaninfo, s->nscaninfo * sizeof(*si));
		s->scaninfo = si;
		st->cap_scaninfo = ncap;
	}
	si = &s->scaninfo[s->nscaninfo++];
	memset(si, 0, sizeof(*si));
	si->numservices = -1;
	for (i = 0; i < n; i++) {
		if (attr_is(st, &at[i], A_TYPE))
			si->type = scan_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_PROTOCOL))
			si->protocol = scan_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_NUMSERVICES))
			si->numservices = (long)pk_xml_attr_num(st, &at[i],
			    PK_XML_INT_MAX);
		else if (attr_is(st, &at[i], A_SERVICES))
			si->services = scan_str(st, &at[i]);
	}
	if (si->services != NULL)
		check_services(st, si);
}

void
pk_xml_on_runstats(struct pk_xml_state *st, int hosts,
    const struct attr *at, int n)
{
	struct pk_scan *s = st->r->scan;
	int i;

	for (i = 0; i < n; i++) {
		if (hosts) {
			long v = (long)pk_xml_attr_num(st, &at[i], PK_XML_INT_MAX);

			if (attr_is(st, &at[i], A_UP))
				s->hosts_up = v;
			else if (attr_is(st, &at[i], A_DOWN))
				s->hosts_down = v;
			else if (attr_is(st, &at[i], A_TOTAL))
				s->hosts_total = v;
		} else if (attr_is(st, &at[i], A_TIME)) {
			s->end = pk_xml_attr_num(st, &at[i], INT64_MAX / 2);
		} else if (attr_is(st, &at[i], A_ELAPSED)) {
			s->elapsed = pk_xml_attr_double(&at[i]);
		} else if (attr_is(st, &at[i], A_EXIT)) {
			s->exit = scan_str(st, &at[i]);
		} else if (attr_is(st, &at[i], A_ERRORMSG)) {
			s->errormsg = scan_str(st, &at[i]);
		}
	}
	if (!hosts)
		s->finished = 1;
}
