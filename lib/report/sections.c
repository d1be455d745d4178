/*
 * sections.c - the summary, the top ports (pk_rank by port, with
 * nmap-services' open frequencies) and the service inventory (pk_rank
 * over service, product and version), and the commands the sections
 * offer for what they leave out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report/report_impl.h"

/* --- Summary ------------------------------------------------------------- */

static const char *
role_words(const struct rp_input *in)
{
	static const char *const words[] = {
		[RP_SCAN] = "scan",
		[RP_SINCE] = "earlier scan (--since)",
		[RP_ACK] = "ACK scan (firewall only)",
		[RP_UDP] = "scan (UDP side of the firewall)",
		[RP_SYN] = "scan (SYN side of the firewall)"
	};

	return words[in->role];
}

static void
put_time(struct rp_out *o, long long t)
{
	char buf[64];
	struct tm tm;
	time_t tt = (time_t)t;

	if (t <= 0 || gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S UTC", &tm) == 0) {
		rp_raw(o, "-");
		return;
	}
	rp_raw(o, buf);
}

static void
input_row(struct rp_out *o, const struct rp_input *in)
{
	rp_tr(o);
	rp_td_text(o, in->name);
	rp_td(o);
	rp_raw(o, role_words(in));
	rp_td_text(o, in->scanner);
	if (in->version != NULL) {
		rp_raw(o, " ");
		rp_text(o, in->version);
	}
	rp_td_text(o, in->args);
	rp_td(o);
	put_time(o, in->start);
	rp_td(o);
	if (in->status != PK_EOF)
		rp_raw(o, in->status == PK_ERR_TRUNCATED ? "cut short" :
		    "unreadable");
	else if (in->finished && in->elapsed >= 0)
		rp_fmt(o, "%.2f s", in->elapsed);
	rp_td_num(o, in->hosts);
	rp_tr_end(o);
}

static void
inputs_table(struct rp_out *o, const struct pk_report *rp)
{
	static const char *const heads[] = {
		"Input", "Used as", "Scanner", "Arguments", "Started",
		"Took", "Host records", NULL
	};
	size_t i;

	rp_table(o, heads, "lllllrr");
	for (i = 0; i < rp->nin; i++)
		input_row(o, &rp->in[i]);
	rp_table_end(o);
}

static void
banners(struct rp_out *o, const struct pk_report *rp)
{
	const struct rp_input *in;
	size_t i;

	for (i = 0; i < rp->nin; i++) {
		in = &rp->in[i];
		if (in->status != PK_ERR_TRUNCATED)
			continue;
		rp_warn(o);
		rp_text(o, in->name);
		rp_fmt(o, " was cut short: its %lu complete host records are "
		    "in this report, whatever came after the cut is not.",
		    in->hosts);
		rp_warn_end(o);
	}
	if (rp->multirun) {
		rp_warn(o);
		rp_raw(o, "The scan holds several nmap runs: a host listed in "
		    "more than one counts once per run.");
		rp_warn_end(o);
	}
}

/* Distinct service names among the service rows; 0 out of memory. */
static unsigned long
service_names(struct pk_report *rp)
{
	const struct pk_rank_row *r;
	struct rp_map names;
	unsigned long k = 0;
	size_t n, i, idx;
	char *name;

	rp_map_init(&names);
	r = pk_rank_rows(rp->svcs, &n);
	for (i = 0; i < n; i++) {
		if ((name = strndup(r[i].key, strcspn(r[i].key, "\037"))) ==
		    NULL)
			break;
		if (rp_map_get(&names, name, 1, &idx) == 0)
			k++;
		free(name);
	}
	rp_map_free(&names);
	return k;
}

void
rp_summary_write(struct rp_out *o, struct pk_report *rp)
{
	const struct pk_rank_row *r;
	unsigned long open = 0;
	size_t n, i;

	rp_section(o, RP_SEC_SUMMARY);
	banners(o, rp);
	r = pk_rank_rows(rp->ports, &n);
	for (i = 0; i < n; i++)
		open += r[i].hosts;
	rp_figs(o);
	rp_fig(o, "Hosts up", pk_rank_hosts(rp->ports));
	rp_fig(o, "Host records down", rp->down);
	rp_fig(o, "Open ports (host and port)", open);
	rp_fig(o, "Distinct open ports", n);
	rp_fig(o, "Service names", service_names(rp));
	rp_fig(o, "Hosts listed in full", rp_hosts_listed(&rp->hosts));
	if (rp->opts.nonstd != NULL)
		rp_fig(o, "Nonstandard findings", rp->ns_total);
	if (rp->diff != NULL)
		rp_fig(o, "Changes since the earlier scans",
		    pk_diff_changes(rp->diff));
	if (rp->fw != NULL)
		rp_fig(o, "Hosts in the firewall inference",
		    rp->fw_hosts - rp->fw_synonly);
	rp_figs_end(o);
	inputs_table(o, rp);
	rp_section_end(o);
}

/* --- Top ports ----------------------------------------------------------- */

/* "http (3), ssl/http (1)": the first RP_SUBS names with their hosts. */
static void
put_subs(struct rp_out *o, const struct pk_rank_row *r)
{
	size_t i;

	for (i = 0; i < r->nsubs && i < RP_SUBS; i++) {
		if (i > 0)
			rp_raw(o, ", ");
		rp_text(o, r->subs[i].name);
		rp_fmt(o, " (%lu)", r->subs[i].hosts);
	}
	if (r->nsubs > RP_SUBS)
		rp_raw(o, ", \xe2\x80\xa6");
}

/* Horizontal bars, one per port; numbers and escaped names only. */
static void
chart(struct rp_out *o, const struct pk_rank_row *r, size_t n)
{
	unsigned long max = n > 0 ? r[0].hosts : 1;
	size_t i, h;
	unsigned w;

	if (n > RP_CHART_ROWS)
		n = RP_CHART_ROWS;
	h = n * 22 + 8;
	rp_fmt(o, "<figure>\n<svg class=\"chart\" width=\"640\" height=\"%zu\" "
	    "viewBox=\"0 0 640 %zu\" role=\"img\" aria-label=\"Hosts with "
	    "each port open\">\n", h, h);
	for (i = 0; i < n; i++) {
		w = (unsigned)(r[i].hosts * 400 / (max != 0 ? max : 1));
		w = w > 0 ? w : 1;
		rp_fmt(o, "<text class=\"lab\" x=\"110\" y=\"%zu\">", i * 22 + 19);
		rp_portnum(o, r[i].proto, r[i].port);
		rp_fmt(o, "</text><rect class=\"bar\" x=\"118\" y=\"%zu\" "
		    "width=\"%u\" height=\"14\"/><text x=\"%u\" y=\"%zu\">%lu",
		    i * 22 + 8, w, 124 + w, i * 22 + 19, r[i].hosts);
		if (r[i].nsubs > 0) {
			rp_raw(o, " ");
			rp_text(o, r[i].subs[0].name);
		}
		rp_raw(o, "</text>\n");
	}
	rp_raw(o, "</svg>\n<figcaption>Hosts with each port open, most "
	    "common first.</figcaption>\n</figure>\n");
}

/* Markdown's chart: a bar of up to 20 blocks in its own column. */
static void
text_bar(struct rp_out *o, unsigned long v, unsigned long max)
{
	unsigned long k = max > 0 ? (v * 20 + max - 1) / max : 0;

	rp_td(o);
	while (k-- > 0)
		rp_raw(o, "\xe2\x96\x88");
}

static void
top_row(struct rp_out *o, struct pk_report *rp, const struct pk_rank_row *r,
    size_t i, unsigned long up, unsigned long max)
{
	const struct pk_service *s = NULL;

	if (rp->opts.services != NULL)
		s = pk_services_get(rp->opts.services, r->proto, r->port);
	rp_tr(o);
	rp_td_num(o, i + 1);
	rp_td(o);
	rp_portnum(o, r->proto, r->port);
	rp_td_num(o, r->hosts);
	rp_td(o);
	rp_fmt(o, "%.1f%%", up > 0 ? 100.0 * (double)r->hosts / (double)up : 0);
	if (o->md)
		text_bar(o, r->hosts, max);
	rp_td(o);
	put_subs(o, r);
	rp_td_text(o, s != NULL ? s->name : NULL);
	rp_td(o);
	if (s != NULL)
		rp_fmt(o, "%.6f", s->freq);
	rp_tr_end(o);
}

void
rp_top_write(struct rp_out *o, struct pk_report *rp)
{
	static const char *const html_heads[] = {
		"#", "Port", "Hosts", "Share", "Detected", "nmap-services",
		"Open frequency", NULL
	};
	static const char *const md_heads[] = {
		"#", "Port", "Hosts", "Share", "", "Detected", "nmap-services",
		"Open frequency", NULL
	};
	const struct pk_rank_row *r;
	unsigned long up = pk_rank_hosts(rp->ports);
	size_t n, i;
	char *cmd;

	rp_section(o, RP_SEC_TOP);
	r = pk_rank_rows(rp->ports, &n);
	if (n == 0) {
		rp_para(o, "No open port in the scans: give a port scan (nmap "
		    "-sS, -sT, -sU, masscan) that found some.");
		rp_section_end(o);
		return;
	}
	if (!o->md)
		chart(o, r, n);
	rp_table(o, o->md ? md_heads : html_heads, o->md ? "rlrrlllr" :
	    "rlrrllr");
	for (i = 0; i < n && i < RP_TOP_ROWS; i++)
		top_row(o, rp, &r[i], i, up, r[0].hosts);
	rp_table_end(o);
	if (rp->opts.services == NULL)
		rp_para(o, "No nmap-services file was read: the registered "
		    "names and open frequencies are left out.");
	if (n > RP_TOP_ROWS) {
		rp_p(o);
		rp_fmt(o, "%zu more ports; all of them, ranked:",
		    n - RP_TOP_ROWS);
		rp_p_end(o);
		if ((cmd = rp_command(rp, "ptop", RP_CMD_SCANS)) == NULL)
			o->status = PK_ERR_NOMEM;
		else
			rp_pre(o, cmd);
		free(cmd);
	}
	rp_section_end(o);
}

/* --- Services ------------------------------------------------------------ */

/* Split a service key "service SEP product SEP version" in place. */
static void
split_key(char *key, char **part)
{
	size_t i;

	for (i = 0; i < 3; i++) {
		part[i] = key;
		if ((key = strchr(key, RP_FIELD_SEP)) == NULL)
			break;
		*key++ = '\0';
	}
	for (i++; i < 3; i++)
		part[i] = NULL;
}

static void
service_row(struct rp_out *o, const struct pk_rank_row *r)
{
	char *key, *part[3];
	size_t i;

	if ((key = strdup(r->key)) == NULL) {
		o->status = PK_ERR_NOMEM;
		return;
	}
	split_key(key, part);
	rp_tr(o);
	for (i = 0; i < 3; i++)
		rp_td_text(o, part[i] != NULL && *part[i] != '\0' ? part[i] :
		    NULL);
	rp_td_num(o, r->hosts);
	rp_td(o);
	put_subs(o, r);
	rp_tr_end(o);
	free(key);
}

void
rp_services_write(struct rp_out *o, struct pk_report *rp)
{
	static const char *const heads[] = {
		"Service", "Product", "Version", "Hosts", "Ports (hosts)", NULL
	};
	const struct pk_rank_row *r;
	size_t n, i;
	char *cmd;

	rp_section(o, RP_SEC_SERVICES);
	r = pk_rank_rows(rp->svcs, &n);
	if (n == 0) {
		rp_para(o, "No open port has a service name: nmap -sV "
		    "identifies services, their products and versions.");
		rp_section_end(o);
		return;
	}
	rp_table(o, heads, "lllrl");
	for (i = 0; i < n && i < RP_SVC_ROWS; i++)
		service_row(o, &r[i]);
	rp_table_end(o);
	if (n > RP_SVC_ROWS) {
		rp_p(o);
		rp_fmt(o, "%zu more; every service, ranked:", n - RP_SVC_ROWS);
		rp_p_end(o);
		if ((cmd = rp_command(rp, "ptop --by service", RP_CMD_SCANS)) ==
		    NULL)
			o->status = PK_ERR_NOMEM;
		else
			rp_pre(o, cmd);
		free(cmd);
	}
	rp_section_end(o);
}
