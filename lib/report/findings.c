/*
 * findings.c - what the engines judged: services where they do not
 * belong (pk_nonstd), changes since earlier scans (pk_diff) and packet
 * filters (pk_fw), kept as they stream by and written as sections.
 *
 * Findings are grouped by what they say (kind, port, service), not by
 * host, so their memory follows the distinct groups; firewall verdicts
 * are kept for the first detail hosts and counted for all.  The diff
 * engine holds its own result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_impl.h"

/* --- Keeping ------------------------------------------------------------ */

static const char *
keep_str(struct pk_report *rp, const char *s)
{
	if (s == NULL)
		return NULL;
	return pk_arena_strndup(&rp->keep, s, strlen(s));
}

static int
ns_group_new(struct pk_report *rp, size_t i, const struct pk_ns_finding *f)
{
	struct rp_nsgroup *g;

	if (rp_grow(&rp->ns, &rp->capns, i + 1, sizeof(*rp->ns)) != 0)
		return PK_ERR_NOMEM;
	g = &rp->ns[i];
	memset(g, 0, sizeof(*g));
	g->proto = f->proto;
	g->port = f->port;
	if ((g->kind = keep_str(rp, f->kind)) == NULL ||
	    (f->service != NULL &&
	    (g->service = keep_str(rp, f->service)) == NULL) ||
	    (f->registered != NULL &&
	    (g->registered = keep_str(rp, f->registered)) == NULL) ||
	    (f->expected_ports != NULL &&
	    (g->expected = keep_str(rp, f->expected_ports)) == NULL) ||
	    (f->evidence != NULL &&
	    (g->evidence = keep_str(rp, f->evidence)) == NULL))
		return PK_ERR_NOMEM;
	return PK_OK;
}

int
rp_ns_add(struct pk_report *rp, const struct pk_ns_finding *f)
{
	char key[1024];
	struct rp_nsgroup *g;
	size_t i;
	int rc;

	rp->ns_total++;
	(void)snprintf(key, sizeof(key), "%s%c%d%c%u%c%s%c%s", f->kind,
	    RP_FIELD_SEP, f->proto, RP_FIELD_SEP, f->port, RP_FIELD_SEP,
	    f->service != NULL ? f->service : "", RP_FIELD_SEP,
	    f->registered != NULL ? f->registered : "");
	rc = rp_map_get(&rp->nskeys, key, rp->nskeys.n < RP_NS_GROUPS, &i);
	if (rc < 0)
		return rp->nskeys.n < RP_NS_GROUPS ? PK_ERR_NOMEM : PK_OK;
	if (rc == 0 && ns_group_new(rp, i, f) != PK_OK)
		return PK_ERR_NOMEM;
	g = &rp->ns[i];
	g->count++;
	if (g->nhosts < RP_NS_HOSTS && f->host != NULL &&
	    (g->nhosts == 0 || strcmp(g->hosts[g->nhosts - 1], f->host) != 0)) {
		if ((g->hosts[g->nhosts] = keep_str(rp, f->host)) == NULL)
			return PK_ERR_NOMEM;
		g->nhosts++;
	}
	return PK_OK;
}

/* "open/syn-ack", "open" without a reason, NULL when not scanned. */
static const char *
evidence(struct pk_report *rp, const char *state, const char *reason)
{
	char buf[256];

	if (state == NULL)
		return NULL;
	(void)snprintf(buf, sizeof(buf), "%s%s%s", state, reason ? "/" : "",
	    reason ? reason : "");
	return keep_str(rp, buf);
}

static int
fw_rows(struct pk_report *rp, struct rp_fwhost *k, const struct pk_fw_host *fh)
{
	const struct pk_fw_row *r;
	struct rp_fwrow *d;
	size_t i, n = fh->nrows < RP_FW_ROWS ? fh->nrows : RP_FW_ROWS;

	k->more = fh->nrows - n;
	if (n == 0)
		return PK_OK;
	if ((k->rows = pk_arena_zalloc(&rp->keep, n * sizeof(*d))) == NULL)
		return PK_ERR_NOMEM;
	for (i = 0; i < n; i++) {
		r = &fh->rows[i];
		d = &k->rows[i];
		d->proto = r->proto;
		d->verdict = r->verdict;
		d->count = r->count;
		if (r->proto == PK_PROTO_UDP)
			d->first = evidence(rp, r->udp_state, r->udp_reason);
		else {
			d->first = evidence(rp, r->syn_state, r->syn_reason);
			d->second = evidence(rp, r->ack_state, r->ack_reason);
		}
		if ((d->ports = keep_str(rp, r->ports)) == NULL)
			return PK_ERR_NOMEM;
	}
	k->nrows = n;
	return PK_OK;
}

static void
fw_count_kind(struct pk_report *rp, const char *kind)
{
	size_t i;

	if (kind == NULL)
		return;
	for (i = 0; i < rp->nfwk; i++)
		if (strcmp(rp->fwk[i].kind, kind) == 0) {
			rp->fwk[i].hosts++;
			return;
		}
	if (rp->nfwk < sizeof(rp->fwk) / sizeof(rp->fwk[0])) {
		rp->fwk[rp->nfwk].kind = kind;
		rp->fwk[rp->nfwk++].hosts = 1;
	}
}

int
rp_fw_keep(struct pk_report *rp, const struct pk_fw_host *fh)
{
	struct rp_fwhost *k;

	rp->fw_hosts++;
	fw_count_kind(rp, fh->kind);
	/* Hosts the ACK scan did not cover say nothing of a filter. */
	if (fh->kind != NULL && strcmp(fh->kind, "syn-only") == 0) {
		rp->fw_synonly++;
		return PK_OK;
	}
	if (rp->nfwh >= rp->opts.detail)
		return PK_OK;
	if (rp_grow(&rp->fwh, &rp->capfwh, rp->nfwh + 1,
	    sizeof(*rp->fwh)) != 0)
		return PK_ERR_NOMEM;
	k = &rp->fwh[rp->nfwh];
	memset(k, 0, sizeof(*k));
	if ((k->host = keep_str(rp, fh->host)) == NULL ||
	    (k->kind = keep_str(rp, fh->kind)) == NULL ||
	    (k->summary = keep_str(rp, fh->summary)) == NULL ||
	    fw_rows(rp, k, fh) != PK_OK)
		return PK_ERR_NOMEM;
	rp->nfwh++;
	return PK_OK;
}

/* --- Shared pieces ------------------------------------------------------ */

/* A paragraph, then a command that prints everything. */
static void
hint(struct rp_out *o, struct pk_report *rp, const char *say,
    const char *prefix, int which)
{
	char *cmd;

	rp_para(o, say);
	if ((cmd = rp_command(rp, prefix, which)) == NULL) {
		o->status = PK_ERR_NOMEM;
		return;
	}
	rp_pre(o, cmd);
	free(cmd);
}

/* --- Nonstandard -------------------------------------------------------- */

static int
kind_rank(const char *k)
{
	static const char *const order[] = {
		"exposed", "nonstandard", "alternate", "unknown"
	};
	size_t i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (strcmp(k, order[i]) == 0)
			return (int)i;
	return (int)i;
}

static int
cmp_group(const void *a, const void *b)
{
	const struct rp_nsgroup *x = *(const struct rp_nsgroup *const *)a;
	const struct rp_nsgroup *y = *(const struct rp_nsgroup *const *)b;
	int kx = kind_rank(x->kind), ky = kind_rank(y->kind);

	if (kx != ky)
		return kx < ky ? -1 : 1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if (x->port != y->port)
		return x->port < y->port ? -1 : 1;
	return x->proto < y->proto ? -1 : x->proto > y->proto;
}

static void
ns_row(struct rp_out *o, const struct rp_nsgroup *g)
{
	size_t i;

	rp_tr(o);
	rp_td_text(o, g->kind);
	rp_td(o);
	rp_portnum(o, g->proto, g->port);
	rp_td_text(o, g->service);
	rp_td_text(o, g->registered);
	rp_td_text(o, g->expected);
	rp_td_num(o, g->count);
	rp_td(o);
	for (i = 0; i < g->nhosts; i++) {
		if (i > 0)
			rp_raw(o, ", ");
		rp_text(o, g->hosts[i]);
	}
	if (g->count > g->nhosts && g->nhosts > 0)
		rp_raw(o, ", \xe2\x80\xa6");
	rp_td_text(o, g->evidence);
	rp_tr_end(o);
}

static void
ns_table(struct rp_out *o, struct pk_report *rp)
{
	static const char *const heads[] = {
		"Kind", "Port", "Service", "Registered", "Registered on",
		"Findings", "Hosts", "Evidence (first)", NULL
	};
	const struct rp_nsgroup **v;
	size_t i, n = rp->nskeys.n;

	if ((v = calloc(n + 1, sizeof(*v))) == NULL) {
		o->status = PK_ERR_NOMEM;
		return;
	}
	for (i = 0; i < n; i++)
		v[i] = &rp->ns[i];
	qsort(v, n, sizeof(*v), cmp_group);
	rp_table(o, heads, "lllllrll");
	for (i = 0; i < n && i < RP_NS_ROWS; i++)
		ns_row(o, v[i]);
	rp_table_end(o);
	free(v);
}

void
rp_nonstd_write(struct rp_out *o, struct pk_report *rp)
{
	rp_section(o, RP_SEC_NONSTD);
	if (rp->opts.nonstd == NULL)
		rp_para(o, "Not checked: this needs nmap-services and "
		    "pnonstd's tables (--services, --tables), which say where "
		    "each service is registered.");
	else if (rp->ns_total == 0)
		rp_para(o, "No identified service runs where it does not "
		    "belong.  Only services that nmap identified by probing "
		    "(nmap -sV) are judged.");
	else {
		rp_p(o);
		rp_fmt(o, "%lu finding%s in %zu group%s: a service on a port "
		    "registered for another (nonstandard), on a well-known "
		    "alternate port (alternate), or a data store open to "
		    "every network (exposed).", rp->ns_total,
		    rp->ns_total == 1 ? "" : "s", rp->nskeys.n,
		    rp->nskeys.n == 1 ? "" : "s");
		rp_p_end(o);
		ns_table(o, rp);
		if (rp->nskeys.n > RP_NS_ROWS || rp->nskeys.n == RP_NS_GROUPS)
			hint(o, rp, "Not every group is shown; every finding:",
			    "pnonstd", RP_CMD_SCANS);
	}
	rp_section_end(o);
}

/* --- Changes ------------------------------------------------------------ */

enum { CH_NEW, CH_LOST, CH_OPENED, CH_CLOSED, CH_SERVICE, CH_OTHER, CH_N };

static int
is_open(const char *s)
{
	return s != NULL && strcmp(s, "open") == 0;
}

/* What a change counts as; host is the host-level kind, or -1. */
static int
change_class(const struct pk_diff_change *c, int host)
{
	if (host == PK_DC_ADDED)
		return CH_NEW;
	if (host == PK_DC_REMOVED)
		return CH_LOST;
	switch (c->field) {
	case PK_DF_STATE:
		if (is_open(c->new_value) && !is_open(c->old_value))
			return CH_OPENED;
		if (is_open(c->old_value) && !is_open(c->new_value))
			return CH_CLOSED;
		return CH_OTHER;
	case PK_DF_SERVICE:
	case PK_DF_PRODUCT:
	case PK_DF_VERSION:
	case PK_DF_EXTRAINFO:
	case PK_DF_TUNNEL:
		return CH_SERVICE;
	default:
		return CH_OTHER;
	}
}

static int
host_kind(const struct pk_diff_host *dh)
{
	size_t i;

	for (i = 0; i < dh->nchanges; i++)
		if (dh->changes[i].field == PK_DF_HOST)
			return dh->changes[i].kind;
	return -1;
}

/* Hosts new and lost count once; every other change by its class. */
static void
change_counts(const struct pk_diff_host *dh, size_t n, unsigned long *cnt)
{
	size_t i, j;
	int hk;

	memset(cnt, 0, CH_N * sizeof(*cnt));
	for (i = 0; i < n; i++) {
		if ((hk = host_kind(&dh[i])) == PK_DC_ADDED ||
		    hk == PK_DC_REMOVED) {
			cnt[hk == PK_DC_ADDED ? CH_NEW : CH_LOST]++;
			continue;
		}
		for (j = 0; j < dh[i].nchanges; j++)
			cnt[change_class(&dh[i].changes[j], -1)]++;
	}
}

static void
count_table(struct rp_out *o, const unsigned long *cnt)
{
	static const char *const heads[] = { "Change", "Count", NULL };
	static const char *const what[CH_N] = {
		"New hosts", "Lost hosts", "Ports opened", "Ports closed",
		"Service or version changes", "Other changes"
	};
	size_t i;

	rp_table(o, heads, "lr");
	for (i = 0; i < CH_N; i++) {
		rp_tr(o);
		rp_td(o);
		rp_raw(o, what[i]);
		rp_td_num(o, cnt[i]);
		rp_tr_end(o);
	}
	rp_table_end(o);
}

static void
change_row(struct rp_out *o, const char *host, const struct pk_diff_change *c)
{
	rp_tr(o);
	rp_td_text(o, host != NULL ? host : "(scan)");
	rp_td(o);
	if (c->port >= 0)
		rp_portnum(o, c->proto, (unsigned)c->port);
	rp_td(o);
	if (c->field == PK_DF_SCRIPT) {
		rp_raw(o, "script ");
		rp_text(o, c->script);
	} else
		rp_raw(o, pk_diff_field_name(c->field));
	if (c->kind != PK_DC_CHANGED)
		rp_fmt(o, " (%s)", pk_diff_kind_name(c->kind));
	rp_td_text(o, c->old_value);
	rp_td_text(o, c->new_value);
	rp_tr_end(o);
}

/* A new or lost host in one row: its status and how many open ports. */
static void
host_row(struct rp_out *o, const struct pk_diff_host *dh, int kind)
{
	const struct pk_diff_change *c;
	unsigned long open = 0;
	size_t i;

	for (i = 0; i < dh->nchanges; i++) {
		c = &dh->changes[i];
		open += c->field == PK_DF_STATE && is_open(kind == PK_DC_ADDED ?
		    c->new_value : c->old_value);
	}
	for (i = 0; i < dh->nchanges; i++)
		if (dh->changes[i].field == PK_DF_HOST)
			break;
	c = &dh->changes[i];
	rp_tr(o);
	rp_td_text(o, dh->host);
	rp_td(o);
	rp_td(o);
	rp_fmt(o, "host (%s)", pk_diff_kind_name(kind));
	rp_td_text(o, c->old_value);
	if (kind == PK_DC_REMOVED)
		rp_fmt(o, ", %lu open port%s", open, open == 1 ? "" : "s");
	rp_td_text(o, c->new_value);
	if (kind == PK_DC_ADDED)
		rp_fmt(o, ", %lu open port%s", open, open == 1 ? "" : "s");
	rp_tr_end(o);
}

static void
change_table(struct rp_out *o, const struct pk_diff_host *dh, size_t n,
    size_t detail)
{
	static const char *const heads[] = {
		"Host", "Port", "What", "Before", "Now", NULL
	};
	size_t i, j, cut = 0;
	int hk;

	rp_table(o, heads, "lllll");
	for (i = 0; i < n && i < detail; i++) {
		hk = host_kind(&dh[i]);
		if (hk == PK_DC_ADDED || hk == PK_DC_REMOVED) {
			host_row(o, &dh[i], hk);
			continue;
		}
		for (j = 0; j < dh[i].nchanges && j < RP_CHANGE_ROWS; j++)
			change_row(o, dh[i].host, &dh[i].changes[j]);
		cut += j < dh[i].nchanges;
	}
	rp_table_end(o);
	if (n > detail || cut > 0) {
		rp_p(o);
		rp_fmt(o, "Shown: the changes of %zu of %zu hosts, at most "
		    "%d per host.", i, n, RP_CHANGE_ROWS);
		rp_p_end(o);
	}
}

void
rp_changes_write(struct rp_out *o, struct pk_report *rp)
{
	const struct pk_diff_host *dh;
	unsigned long cnt[CH_N];
	size_t n;

	rp_section(o, RP_SEC_CHANGES);
	if (rp->diff == NULL) {
		rp_para(o, "No earlier scan to compare with: give one with "
		    "--since FILE to see new and lost hosts, opened and "
		    "closed ports and version changes.");
		rp_section_end(o);
		return;
	}
	dh = pk_diff_hosts(rp->diff, &n);
	change_counts(dh, n, cnt);
	count_table(o, cnt);
	if (n == 0)
		rp_para(o, "Nothing changed since the earlier scans.");
	else {
		change_table(o, dh, n, rp->opts.detail);
		hint(o, rp, "Every change, as pdiff prints it:", "pdiff",
		    RP_CMD_DIFF);
	}
	rp_section_end(o);
}

/* --- Firewall ----------------------------------------------------------- */

static void
fw_kinds(struct rp_out *o, const struct pk_report *rp)
{
	static const char *const heads[] = { "Kind", "Hosts", NULL };
	size_t i;

	rp_table(o, heads, "lr");
	for (i = 0; i < rp->nfwk; i++) {
		rp_tr(o);
		rp_td_text(o, rp->fwk[i].kind);
		rp_td_num(o, rp->fwk[i].hosts);
		rp_tr_end(o);
	}
	rp_table_end(o);
}

static void
fw_host(struct rp_out *o, const struct rp_fwhost *k, unsigned *seen)
{
	static const char *const heads[] = {
		"Proto", "Verdict", "SYN or UDP", "ACK", "Ports", "Count", NULL
	};
	size_t i;

	rp_details(o);
	rp_text(o, k->host);
	rp_raw(o, ": ");
	rp_text(o, k->summary);
	rp_summary_end(o);
	rp_table(o, heads, "lllllr");
	for (i = 0; i < k->nrows; i++) {
		seen[k->rows[i].proto == PK_PROTO_UDP] |=
		    1u << k->rows[i].verdict;
		rp_tr(o);
		rp_td_text(o, pk_proto_name(k->rows[i].proto));
		rp_td_text(o, pk_fw_verdict_name(k->rows[i].verdict));
		rp_td_text(o, k->rows[i].first);
		rp_td_text(o, k->rows[i].second);
		rp_td_text(o, k->rows[i].ports);
		rp_td_num(o, k->rows[i].count);
		rp_tr_end(o);
	}
	rp_table_end(o);
	if (k->more > 0)
		rp_fmt(o, o->md ? "%zu more rows.\n\n" :
		    "<p class=\"note\">%zu more rows.</p>\n", k->more);
	rp_details_end(o);
}

/* What each verdict shown means (pk_fw_verdict_text). */
static void
fw_legend(struct rp_out *o, const unsigned *seen)
{
	static const char *const heads[] = { "Verdict", "Meaning", NULL };
	int proto, v;

	if (seen[0] == 0 && seen[1] == 0)
		return;
	rp_table(o, heads, "ll");
	for (proto = 0; proto < 2; proto++)
		for (v = 0; v < PK_FW_NVERDICTS; v++) {
			if ((seen[proto] & (1u << v)) == 0)
				continue;
			rp_tr(o);
			rp_td(o);
			rp_text(o, pk_fw_verdict_name(v));
			rp_raw(o, proto ? " (udp)" : " (tcp)");
			rp_td_text(o, pk_fw_verdict_text(v, proto ?
			    PK_PROTO_UDP : PK_PROTO_TCP));
			rp_tr_end(o);
		}
	rp_table_end(o);
}

void
rp_firewall_write(struct rp_out *o, struct pk_report *rp)
{
	unsigned seen[2] = { 0, 0 };
	size_t i;

	rp_section(o, RP_SEC_FIREWALL);
	if (rp->fw == NULL) {
		rp_para(o, rp->fw_why);
		rp_section_end(o);
		return;
	}
	rp_p(o);
	rp_text(o, pk_fw_summary(rp->fw));
	rp_raw(o, ".");
	rp_p_end(o);
	fw_kinds(o, rp);
	for (i = 0; i < rp->nfwh; i++)
		fw_host(o, &rp->fwh[i], seen);
	fw_legend(o, seen);
	if (rp->fw_bad > 0) {
		rp_p(o);
		rp_fmt(o, "%lu hosts were left out: a bad extraports port "
		    "list.", rp->fw_bad);
		rp_p_end(o);
	}
	if (rp->fw_synonly > 0) {
		rp_p(o);
		rp_fmt(o, "%lu host%s only in the SYN scans, not in the ACK "
		    "scan, %s not listed.", rp->fw_synonly,
		    rp->fw_synonly == 1 ? "" : "s",
		    rp->fw_synonly == 1 ? "is" : "are");
		rp_p_end(o);
	}
	if (rp->fw_hosts - rp->fw_synonly > rp->nfwh)
		hint(o, rp, "Not every host is shown; all of them:",
		    "pfirewall", RP_CMD_FW);
	rp_section_end(o);
}
