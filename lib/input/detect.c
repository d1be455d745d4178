/*
 * detect.c - recognise an input's format from its first bytes.
 *
 * File names lie (a .xml that is grepable, a .txt that is gzip), so
 * readers decide from content.  Only the first few KiB are looked at.
 */
#include <ctype.h>
#include <string.h>

#include "portkit.h"
#include "base/parse.h"
#include "input/detect.h"

/* Every reader lists every format the library reads. */
#define READS "portkit reads Nmap XML, grepable and normal output; masscan " \
	"XML, grepable, list and JSON output; host:port lists; ss, lsof " \
	"(also -F) and netstat listings"

static const char *const format_names[] = {
	[PK_FMT_UNKNOWN] = "unknown",
	[PK_FMT_NMAP_XML] = "nmap-xml",
	[PK_FMT_MASSCAN_XML] = "masscan-xml",
	[PK_FMT_GNMAP] = "gnmap",
	[PK_FMT_SERVICES] = "services",
	[PK_FMT_SS] = "ss",
	[PK_FMT_LSOF] = "lsof",
	[PK_FMT_MASSCAN_LIST] = "masscan-list",
	[PK_FMT_MASSCAN_JSON] = "masscan-json",
	[PK_FMT_NETSTAT] = "netstat",
	[PK_FMT_NMAP_NORMAL] = "nmap-normal",
	[PK_FMT_HOSTPORT] = "hostport",
};

const char *
pk_format_name(enum pk_format fmt)
{
	if ((unsigned)fmt >= sizeof(format_names) / sizeof(format_names[0]) ||
	    format_names[fmt] == NULL)
		return "unknown";
	return format_names[fmt];
}

static int
starts(const char *p, size_t n, const char *lit)
{
	size_t l = strlen(lit);

	return n >= l && memcmp(p, lit, l) == 0;
}

static const char *
find(const char *p, size_t n, const char *lit)
{
	size_t l = strlen(lit);
	const char *end = p + n;

	while (n >= l) {
		const char *q = memchr(p, lit[0], n - l + 1);

		if (q == NULL)
			return NULL;
		if (memcmp(q, lit, l) == 0)
			return q;
		p = q + 1;
		n = (size_t)(end - p);
	}
	return NULL;
}

/* "<!DOCTYPE html" or "<html", in any case, among the first bytes. */
static int
html(const char *p, size_t n)
{
	static const char *const tags[] = { "<!doctype html", "<html" };
	size_t i, k, t;

	for (i = 0; i < n; i++) {
		if (p[i] != '<')
			continue;
		for (t = 0; t < 2; t++) {
			for (k = 0; tags[t][k] != '\0' && i + k < n; k++)
				if (tolower((unsigned char)p[i + k]) != tags[t][k])
					break;
			if (tags[t][k] == '\0')
				return 1;
		}
	}
	return 0;
}

static enum pk_format
detect_xml(const char *p, size_t n)
{
	const char *root = find(p, n, "<nmaprun");
	const char *gt;

	if (root == NULL && html(p, n))
		return PK_FMT_UNKNOWN;
	if (root == NULL)
		return PK_FMT_NMAP_XML;	/* the parser names what is wrong */
	gt = memchr(root, '>', n - (size_t)(root - p));
	if (gt == NULL)
		gt = p + n;
	if (find(root, (size_t)(gt - root), "scanner=\"masscan\"") != NULL)
		return PK_FMT_MASSCAN_XML;
	return PK_FMT_NMAP_XML;
}

static int
is_ss_state(const char *p, size_t n)
{
	static const char *const states[] = {
		"LISTEN", "UNCONN", "ESTAB", "TIME-WAIT", "CLOSE-WAIT",
		"SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2",
		"LAST-ACK", "CLOSING", NULL
	};
	size_t i, l;

	for (i = 0; states[i] != NULL; i++) {
		l = strlen(states[i]);
		if (n > l && memcmp(p, states[i], l) == 0 &&
		    (p[l] == ' ' || p[l] == '\t'))
			return 1;
	}
	return 0;
}

/* One line of an ss listing, with or without the Netid column. */
static int
is_ss_line(const char *p, size_t n)
{
	static const char *const nets[] = {
		"tcp ", "udp ", "raw ", "sctp ", "u_str ", "u_dgr ",
		"u_seq ", "nl ", "p_raw ", "p_dgr ", "mptcp ", NULL
	};
	size_t i, l;

	for (i = 0; nets[i] != NULL; i++) {
		l = strlen(nets[i]);
		if (n > l && memcmp(p, nets[i], l) == 0) {
			p += l;
			n -= l;
			while (n > 0 && (*p == ' ' || *p == '\t')) {
				p++;
				n--;
			}
			return is_ss_state(p, n);
		}
	}
	return is_ss_state(p, n);
}

/* name<TAB>port/proto<TAB>ratio, the nmap-services line shape. */
static int
is_services_line(const char *p, size_t n)
{
	const char *t = memchr(p, '\t', n);
	unsigned long long port;
	size_t rest, d;

	if (t == NULL || t == p)
		return 0;
	t++;
	rest = n - (size_t)(t - p);
	if ((d = pk_parse_digits(t, rest, &port)) == 0)
		return 0;
	t += d;
	rest -= d;
	return starts(t, rest, "/tcp\t") || starts(t, rest, "/udp\t") ||
	    starts(t, rest, "/sctp\t");
}

/* "p1234", lsof -F's first field (-F0: NUL after it), alone on a line. */
static int
is_lsof_pid(const char *p, size_t n)
{
	unsigned long long v;
	size_t d;

	if (n < 2 || p[0] != 'p')
		return 0;
	d = pk_parse_digits(p + 1, n - 1, &v);
	return d > 0 && (d == n - 1 || p[1 + d] == '\0');
}

/* "tcp6       0      0 :::22 ...": a netstat socket line. */
static int
is_netstat_line(const char *p, size_t n)
{
	static const char *const protos[] = {
		"tcp ", "tcp6 ", "udp ", "udp6 ", NULL
	};
	unsigned long long v;
	const char *end = p + n;
	size_t i, d;
	int k;

	for (i = 0; protos[i] != NULL; i++)
		if (starts(p, n, protos[i]))
			break;
	if (protos[i] == NULL)
		return 0;
	p += strlen(protos[i]);
	for (k = 0; k < 2; k++) {	/* Recv-Q, Send-Q */
		while (p < end && *p == ' ')
			p++;
		if ((d = pk_parse_digits(p, (size_t)(end - p), &v)) == 0 ||
		    p + d == end || p[d] != ' ')
			return 0;
		p += d;
	}
	while (p < end && *p == ' ')
		p++;
	while (p < end && *p != ' ' && *p != ':')
		p++;
	return p < end && *p == ':';
}

/*
 * The token of a host:port line: blanks around it and a " # comment"
 * after it allowed.  [*t, *te) is the token; 0 when the line has
 * something else after it.
 */
static int
hostport_token(const char *p, const char *end, const char **t,
    const char **te)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (*t = p; p < end && *p != ' ' && *p != '\t'; p++)
		continue;
	*te = p;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return *te > *t && (p == end || (*p == '#' && p > *te));
}

static int
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '-';
}

/*
 * "ADDR:PORT", "[ADDR6]:PORT" or "NAME:PORT" (which the reader refuses
 * by name): the first line of a host:port list.  Strict, so that no
 * line of another format passes, then later lines need only be one
 * token with a ':' for the reader to judge and name what is wrong.
 */
static int
is_hostport_line(const char *p, size_t n)
{
	char addr[64];
	const char *t, *te, *colon, *a;
	unsigned long long port;
	size_t d, an;

	if (!hostport_token(p, p + n, &t, &te))
		return 0;
	for (colon = te; colon > t && colon[-1] != ':'; colon--)
		continue;
	if (colon == t)
		return 0;
	d = pk_parse_digits(colon, (size_t)(te - colon), &port);
	if (d == 0 || colon + d != te || d > 5 || port == 0 || port > 65535)
		return 0;
	a = t;
	an = (size_t)(colon - 1 - t);
	if (*t == '[') {
		if (an < 3 || colon[-2] != ']')
			return 0;
		a++;
		an -= 2;
	}
	if (an == 0 || an >= sizeof(addr))
		return 0;
	memcpy(addr, a, an);
	addr[an] = '\0';
	if (*t == '[')
		return pk_addr_valid(PK_ADDR_IPV6, addr);
	if (pk_addr_valid(PK_ADDR_IPV4, addr))
		return 1;
	for (d = 0; d < an && is_name_char(addr[d]); d++)
		continue;
	return d == an && addr[0] != '.' && addr[0] != '-' &&
	    strspn(addr, "0123456789.") != an;
}

/*
 * After the first line: each is blank, a comment or one token with a
 * ':', which the reader judges.
 */
static int
is_hostport(const char *p, size_t n)
{
	const char *end = p + n, *nl, *q, *t, *te;

	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		for (q = p; q < nl && (*q == ' ' || *q == '\t' || *q == '\r');
		    q++)
			continue;
		if (q == nl || *q == '#')
			continue;
		q = nl[-1] == '\r' ? nl - 1 : nl;
		if (!hostport_token(p, q, &t, &te) ||
		    memchr(t, ':', (size_t)(te - t)) == NULL)
			return nl == end;	/* the sample may end inside */
	}
	return 1;
}

static enum pk_format
detect_line(const char *p, size_t n, int first)
{
	if (starts(p, n, "Host: ") || starts(p, n, "Timestamp: "))
		return PK_FMT_GNMAP;
	if (first && (starts(p, n, "Netid ") || starts(p, n, "State ")) &&
	    find(p, n, "Local Address:Port") != NULL)
		return PK_FMT_SS;
	if (first && starts(p, n, "COMMAND ") && find(p, n, " PID ") &&
	    find(p, n, " NAME") != NULL)
		return PK_FMT_LSOF;
	if (first && is_lsof_pid(p, n))
		return PK_FMT_LSOF;
	if (first && (starts(p, n, "Active Internet connections") ||
	    starts(p, n, "Proto Recv-Q Send-Q ")))
		return PK_FMT_NETSTAT;
	if (is_netstat_line(p, n))
		return PK_FMT_NETSTAT;
	if (is_ss_line(p, n))
		return PK_FMT_SS;
	if (is_services_line(p, n))
		return PK_FMT_SERVICES;
	return PK_FMT_UNKNOWN;
}

/* A host's first line, or nmap's first line on standard output. */
static int
is_normal_line(const char *p, size_t n, int first)
{
	return starts(p, n, "Nmap scan report for ") ||
	    (first && starts(p, n, "Starting Nmap "));
}

/* Lines of a run that only normal output has between its hosts. */
static int
is_normal_run_line(const char *p, size_t n)
{
	return starts(p, n, "Read data files from: ") ||
	    starts(p, n, "Pre-scan script results:") ||
	    starts(p, n, "Post-scan script results:");
}

static enum pk_format
detect_text(const char *p, size_t n)
{
	const char *end = p + n, *nl;
	int first = 1, nmap_comment = 0, note = 0, normal = 0;
	enum pk_format f;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (first && note) {
			note = 0;	/* a note's second line */
		} else if (first && *p == '(') {
			/* netstat's notes on standard error, captured too. */
			note = !(nl[-1] == ')' || (nl[-1] == '\r' &&
			    nl - p > 1 && nl[-2] == ')'));
		} else if (*p == '#') {
			if (first && nl - p == 8 && starts(p, 8, "#masscan"))
				return PK_FMT_MASSCAN_LIST;
			if (starts(p, (size_t)(nl - p), "# Nmap ") ||
			    starts(p, (size_t)(nl - p), "# Masscan "))
				nmap_comment = 1;
		} else if (nl > p) {
			if (is_normal_line(p, (size_t)(nl - p), first))
				return PK_FMT_NMAP_NORMAL;
			if (first && !nmap_comment &&
			    is_hostport_line(p, (size_t)(nl - p)))
				return is_hostport(p, (size_t)(end - p)) ?
				    PK_FMT_HOSTPORT : PK_FMT_UNKNOWN;
			f = detect_line(p, (size_t)(nl - p), first);
			if (f != PK_FMT_UNKNOWN || !nmap_comment)
				return f;
			first = 0;
			normal |= is_normal_run_line(p, (size_t)(nl - p));
		}
		p = nl + 1;
	}
	/*
	 * Only comments: a grepable file of a scan that found nothing, unless
	 * lines that only normal output has came with them.
	 */
	if (normal)
		return PK_FMT_NMAP_NORMAL;
	return nmap_comment ? PK_FMT_GNMAP : PK_FMT_UNKNOWN;
}

/*
 * masscan -oJ ("[" then a record a line) and -oD (a record a line): the
 * first record has an "ip" member and masscan's "ports" or "rec_type".
 * A scan that found nothing is masscan's "[\n]\n" alone.
 */
/* Blanks, "]", blanks: the rest of an empty array (the whole input). */
static int
empty_array(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
	    p[i] == '\n'))
		i++;
	if (i == n || p[i++] != ']')
		return 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
	    p[i] == '\n'))
		i++;
	return i == n;
}

static enum pk_format
detect_json(const char *p, size_t n)
{
	const char *rec = p, *nl;

	if (*p == '[') {
		if ((nl = memchr(p, '\n', n)) == NULL)
			return PK_FMT_UNKNOWN;
		rec = nl + 1;
		if (empty_array(p + 1, n - 1))
			return PK_FMT_MASSCAN_JSON;
	}
	n -= (size_t)(rec - p);
	if ((nl = memchr(rec, '\n', n)) != NULL)
		n = (size_t)(nl - rec);
	while (n > 0 && (*rec == ' ' || *rec == '\t')) {
		rec++;
		n--;
	}
	if (n == 0 || *rec != '{' || find(rec, n, "\"ip\"") == NULL)
		return PK_FMT_UNKNOWN;
	if (find(rec, n, "\"ports\"") != NULL ||
	    find(rec, n, "\"rec_type\"") != NULL)
		return PK_FMT_MASSCAN_JSON;
	return PK_FMT_UNKNOWN;
}

/* Where the content starts: past a UTF-8 byte order mark and blanks. */
static const char *
content_start(const char *p, size_t *len)
{
	const unsigned char *u = (const unsigned char *)p;

	if (*len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		p += 3;
		*len -= 3;
	}
	while (*len > 0 && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    *p == '\n')) {
		p++;
		(*len)--;
	}
	return p;
}

enum pk_format
pk_format_detect(const void *buf, size_t len)
{
	const unsigned char *u = buf;
	const char *p = buf;
	enum pk_format f;

	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff)))
		return PK_FMT_NMAP_XML;	/* UTF-16: only XML can be */
	p = content_start(p, &len);
	if (len == 0)
		return PK_FMT_UNKNOWN;
	if (*p == '<')
		return detect_xml(p, len);
	/* "[fd77::2]:22" opens a host:port list as "[" opens masscan -oJ. */
	if (*p == '[' || *p == '{') {
		f = detect_json(p, len);
		if (f != PK_FMT_UNKNOWN || *p == '{')
			return f;
	}
	return detect_text(p, len);
}

const char *
pk_format_unknown_msg(const void *buf, size_t len)
{
	const char *p = content_start(buf, &len);

	if (starts(p, len, "masscan/1."))
		return "unknown input format: this is masscan's binary output "
		    "(-oB); convert it with masscan --readscan FILE -oX "
		    "FILE.xml (or -oL, -oJ)";
	if (len > 0 && *p == '<' && html(p, len))
		return "unknown input format: this is an HTML page, not what a "
		    "scanner wrote (" READS ")";
	if (len > 0 && (*p == '{' || *p == '['))
		return "unknown input format: JSON, but not masscan's -oJ or -oD "
		    "records (" READS ")";
	if (memchr(p, '\0', len) != NULL)
		return "unknown input format: binary data (" READS ")";
	return "unknown input format (" READS ")";
}
