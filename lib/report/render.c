/*
 * render.c - the report's pieces in HTML or Markdown: the page, sections,
 * paragraphs, tables, collapsible blocks and preformatted text.
 *
 * Two kinds of string reach the page.  Markup and sentences of our own
 * go through rp_raw and rp_fmt (whose arguments are numbers and fixed
 * words, never scan data).  Everything else goes through rp_text, which
 * escapes it for the text of an element (pk_escape): no scan string is
 * ever written into an attribute, a URL, a style or a script.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_impl.h"

/*
 * The style sheet, and its hash in the Content-Security-Policy: the page
 * allows this one style element and nothing else (no script, no image,
 * no font, no connection, no style attribute).  tests/cli/preport checks
 * that the hash is the SHA-256 of exactly this text; change both
 * together.
 */
static const char css[] =
":root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--mute:#57606a;"
"--line:#d0d7de;--head:#f6f8fa;--accent:#0969da;--bar:#2f81f7;"
"--warn-bg:#fff8c5;--warn-line:#d4a72c}\n"
"@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;"
"--mute:#8d96a0;--line:#30363d;--head:#161b22;--accent:#4493f8;"
"--bar:#388bfd;--warn-bg:#3b2e00;--warn-line:#9e6a03}}\n"
"*{box-sizing:border-box}\n"
"body{margin:0;font:15px/1.45 system-ui,-apple-system,\"Segoe UI\","
"sans-serif;color:var(--fg);background:var(--bg)}\n"
"header,main,footer{max-width:72rem;margin:0 auto;padding:0 1.2rem}\n"
"header{padding-top:1.2rem;border-bottom:1px solid var(--line)}\n"
"h1{font-size:1.6rem;margin:0 0 .3rem}\n"
"h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-bottom:.2rem;"
"border-bottom:1px solid var(--line)}\n"
"nav{display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:.5rem 0}\n"
"nav a{color:var(--accent);text-decoration:none}\n"
".sub,footer,.note{color:var(--mute)}\n"
"footer{margin-top:2rem;padding-bottom:2rem;font-size:.85rem}\n"
"table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem;"
"display:block;overflow-x:auto;max-width:100%}\n"
"th,td{border:1px solid var(--line);padding:.25rem .5rem;"
"text-align:left;vertical-align:top}\n"
"th{background:var(--head);font-weight:600}\n"
"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
"code,pre{font:13px/1.4 ui-monospace,\"SFMono-Regular\",Menlo,"
"Consolas,monospace}\n"
"pre{background:var(--head);border:1px solid var(--line);padding:.5rem;"
"overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}\n"
"td{overflow-wrap:break-word}\n"
"td.n{white-space:nowrap}\n"
"figure{margin:.6rem 0}\n"
"figcaption{color:var(--mute);font-size:.85rem}\n"
".figs{display:flex;flex-wrap:wrap;gap:.6rem;margin:.6rem 0}\n"
".figs div{border:1px solid var(--line);border-radius:6px;"
"padding:.4rem .8rem;min-width:10rem;background:var(--head)}\n"
".figs dt{color:var(--mute);font-size:.85rem}\n"
".figs dd{margin:0;font-size:1.5rem;font-weight:600;"
"font-variant-numeric:tabular-nums}\n"
".warn{background:var(--warn-bg);border:1px solid var(--warn-line);"
"padding:.5rem .8rem;border-radius:4px}\n"
"details{border:1px solid var(--line);border-radius:4px;"
"margin:.4rem 0;padding:.2rem .6rem}\n"
"summary{cursor:pointer;padding:.2rem 0}\n"
"details[open]>summary{border-bottom:1px solid var(--line);"
"margin-bottom:.4rem}\n"
"svg.chart{max-width:100%;height:auto}\n"
"svg .bar{fill:var(--bar)}\n"
"svg text{fill:var(--fg);font:12px ui-monospace,Menlo,Consolas,"
"monospace}\n"
"svg .lab{text-anchor:end}\n"
"@media print{nav{display:none}body{font-size:11pt;color:#000;"
"background:#fff}header,main,footer{max-width:none;padding:0}"
"h2{break-after:avoid}tr,details,pre{break-inside:avoid}"
"details>summary{list-style:none}"
"details::details-content{content-visibility:visible;display:block}"
"table{display:table;overflow:visible}"
"a{color:inherit;text-decoration:none}}\n";

static const char csp[] =
    "default-src 'none'; "
    "style-src 'sha256-NNigGW0Qb7IYJhAKNX+rPtppwx2gC9pUMvwkooHfnmY='; "
    "base-uri 'none'; form-action 'none'";

/* By enum rp_section: the HTML ids are part of the interface. */
static const char *const section_ids[RP_NSECTIONS] = {
	"summary", "top-ports", "services", "nonstandard", "changes",
	"firewall", "hosts"
};

static const char *const section_names[RP_NSECTIONS] = {
	"Summary", "Top ports", "Services", "Nonstandard", "Changes",
	"Firewall", "Hosts"
};

static void
out_fail(struct rp_out *o)
{
	if (o->status == 0) {
		o->status = PK_ERR_IO;
		if (errno == 0)
			errno = EIO;
	}
}

void
rp_raw(struct rp_out *o, const char *s)
{
	if (o->status == 0 && fputs(s, o->fp) == EOF)
		out_fail(o);
}

void
rp_fmt(struct rp_out *o, const char *fmt, ...)
{
	va_list ap;

	if (o->status != 0)
		return;
	va_start(ap, fmt);
	if (vfprintf(o->fp, fmt, ap) < 0)
		out_fail(o);
	va_end(ap);
}

void
rp_text(struct rp_out *o, const char *s)
{
	if (o->status != 0 || s == NULL)
		return;
	if (pk_escape(o->fp, s, o->md ? PK_ESC_MD : PK_ESC_HTML) != PK_OK)
		out_fail(o);
}

void
rp_section(struct rp_out *o, int which)
{
	if (o->md) {
		rp_fmt(o, "## %s\n\n", section_names[which]);
		return;
	}
	rp_fmt(o, "<section id=\"%s\">\n<h2>%s</h2>\n",
	    section_ids[which], section_names[which]);
}

void
rp_section_end(struct rp_out *o)
{
	if (!o->md)
		rp_raw(o, "</section>\n");
}

void
rp_p(struct rp_out *o)
{
	if (!o->md)
		rp_raw(o, "<p>");
}

void
rp_p_end(struct rp_out *o)
{
	rp_raw(o, o->md ? "\n\n" : "</p>\n");
}

/* A sentence of our own as a paragraph. */
void
rp_para(struct rp_out *o, const char *s)
{
	rp_p(o);
	rp_raw(o, s);
	rp_p_end(o);
}

void
rp_warn(struct rp_out *o)
{
	rp_raw(o, o->md ? "> **Warning:** " : "<p class=\"warn\" role=\"alert\">");
}

void
rp_warn_end(struct rp_out *o)
{
	rp_p_end(o);
}

/*
 * A table; align holds one letter per column, 'l' or 'r' (numbers).
 * The head is our own text.
 */
void
rp_table(struct rp_out *o, const char *const *heads, const char *align)
{
	size_t i;

	o->align = align;
	if (o->md) {
		rp_raw(o, "|");
		for (i = 0; heads[i] != NULL; i++)
			rp_fmt(o, " %s |", heads[i]);
		rp_raw(o, "\n|");
		for (i = 0; heads[i] != NULL; i++)
			rp_raw(o, align[i] == 'r' ? "---:|" : "---|");
		rp_raw(o, "\n");
		return;
	}
	rp_raw(o, "<table>\n<thead><tr>");
	for (i = 0; heads[i] != NULL; i++)
		rp_fmt(o, "<th%s>%s</th>", align[i] == 'r' ? " class=\"n\"" :
		    "", heads[i]);
	rp_raw(o, "</tr></thead>\n<tbody>\n");
}

void
rp_tr(struct rp_out *o)
{
	o->incell = 0;
	o->col = 0;
	rp_raw(o, o->md ? "|" : "<tr>");
}

/* Open the next cell, closing the one before. */
void
rp_td(struct rp_out *o)
{
	int num = o->align != NULL && o->col < strlen(o->align) &&
	    o->align[o->col] == 'r';

	if (o->md) {
		rp_raw(o, o->incell ? " | " : " ");
	} else {
		if (o->incell)
			rp_raw(o, "</td>");
		rp_raw(o, num ? "<td class=\"n\">" : "<td>");
	}
	o->incell = 1;
	o->col++;
}

void
rp_tr_end(struct rp_out *o)
{
	if (o->md)
		rp_raw(o, o->incell ? " |\n" : "\n");
	else
		rp_raw(o, o->incell ? "</td></tr>\n" : "</tr>\n");
	o->incell = 0;
}

void
rp_table_end(struct rp_out *o)
{
	rp_raw(o, o->md ? "\n" : "</tbody>\n</table>\n");
	o->align = NULL;
}

void
rp_td_text(struct rp_out *o, const char *s)
{
	rp_td(o);
	rp_text(o, s);
}

/*
 * Key figures: cards on the page, a two-column table in Markdown.  The
 * labels are our own.
 */
void
rp_figs(struct rp_out *o)
{
	static const char *const heads[] = { "Figure", "Count", NULL };

	if (o->md)
		rp_table(o, heads, "lr");
	else
		rp_raw(o, "<dl class=\"figs\">\n");
}

void
rp_fig(struct rp_out *o, const char *label, unsigned long n)
{
	if (o->md)
		rp_fmt(o, "| %s | %lu |\n", label, n);
	else
		rp_fmt(o, "<div><dt>%s</dt><dd>%lu</dd></div>\n", label, n);
}

void
rp_figs_end(struct rp_out *o)
{
	if (o->md)
		rp_table_end(o);
	else
		rp_raw(o, "</dl>\n");
}

/* "22/tcp" */
void
rp_portnum(struct rp_out *o, int proto, unsigned port)
{
	const char *pn = pk_proto_name(proto);

	rp_fmt(o, "%u/%s", port, pn != NULL ? pn : "?");
}

void
rp_td_num(struct rp_out *o, unsigned long n)
{
	rp_td(o);
	rp_fmt(o, "%lu", n);
}

/*
 * A collapsible block: the summary line follows rp_details, the body
 * rp_summary_end.  Markdown has no such thing: the summary becomes a
 * heading.
 */
void
rp_details(struct rp_out *o)
{
	rp_raw(o, o->md ? "#### " : "<details>\n<summary>");
}

void
rp_summary_end(struct rp_out *o)
{
	rp_raw(o, o->md ? "\n\n" : "</summary>\n");
}

void
rp_details_end(struct rp_out *o)
{
	if (!o->md)
		rp_raw(o, "</details>\n");
}

/* The longest run of backticks in s: a Markdown fence must be longer. */
static size_t
backtick_run(const char *s)
{
	size_t best = 0, cur = 0;

	for (; *s != '\0'; s++) {
		cur = *s == '`' ? cur + 1 : 0;
		if (cur > best)
			best = cur;
	}
	return best;
}

/*
 * Markdown code block: line by line, each shown as a terminal would
 * (PK_ESC_TEXT), inside a fence longer than any backtick run in it.
 */
static void
md_pre(struct rp_out *o, const char *s)
{
	size_t fence = backtick_run(s) + 1, i, n;
	char *line;

	if (fence < 3)
		fence = 3;
	for (i = 0; i < fence; i++)
		rp_raw(o, "`");
	rp_raw(o, "\n");
	while (*s != '\0' && o->status == 0) {
		n = strcspn(s, "\n");
		if ((line = strndup(s, n)) == NULL) {
			o->status = PK_ERR_NOMEM;
			return;
		}
		if (pk_escape(o->fp, line, PK_ESC_TEXT) != PK_OK)
			out_fail(o);
		free(line);
		rp_raw(o, "\n");
		s += n + (s[n] == '\n');
	}
	for (i = 0; i < fence; i++)
		rp_raw(o, "`");
	rp_raw(o, "\n\n");
}

/* Preformatted untrusted text (script output, commands). */
void
rp_pre(struct rp_out *o, const char *s)
{
	if (o->md) {
		md_pre(o, s);
		return;
	}
	rp_raw(o, "<pre>");
	rp_text(o, s);
	rp_raw(o, "</pre>\n");
}

/* The head of the page; title is the user's, so it is escaped. */
void
rp_page_begin(struct rp_out *o, const char *title)
{
	size_t i;

	if (o->md) {
		rp_raw(o, "# ");
		rp_text(o, title);
		rp_raw(o, "\n\n");
		return;
	}
	rp_raw(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n");
	rp_fmt(o, "<meta http-equiv=\"Content-Security-Policy\" "
	    "content=\"%s\">\n", csp);
	rp_raw(o, "<meta name=\"referrer\" content=\"no-referrer\">\n"
	    "<meta name=\"color-scheme\" content=\"light dark\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	rp_text(o, title);
	rp_raw(o, "</title>\n<style>");
	rp_raw(o, css);
	rp_raw(o, "</style>\n</head>\n<body>\n<header>\n<h1>");
	rp_text(o, title);
	rp_raw(o, "</h1>\n<nav>");
	for (i = 0; i < RP_NSECTIONS; i++)
		rp_fmt(o, "<a href=\"#%s\">%s</a>", section_ids[i],
		    section_names[i]);
	rp_raw(o, "</nav>\n</header>\n<main>\n");
}

void
rp_page_end(struct rp_out *o)
{
	if (o->md) {
		rp_raw(o, "---\n\nWritten by preport (portkit " PK_VERSION
		    ").\n");
		return;
	}
	rp_raw(o, "</main>\n<footer>Written by preport (portkit " PK_VERSION
	    "): one self-contained page, no script, no external resource."
	    "</footer>\n</body>\n</html>\n");
}
