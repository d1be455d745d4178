/*
 * attr.c - attribute names and values of Nmap XML.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nmap/nmap_impl.h"

static const char *const attr_names[A_NNAMES] = {
	[A_ACCURACY] = "accuracy",
	[A_ADDR] = "addr",
	[A_ADDRTYPE] = "addrtype",
	[A_ARGS] = "args",
	[A_BANNER] = "banner",
	[A_CONF] = "conf",
	[A_COUNT] = "count",
	[A_DEVICETYPE] = "devicetype",
	[A_DOWN] = "down",
	[A_ELAPSED] = "elapsed",
	[A_ENDTIME] = "endtime",
	[A_ERRORMSG] = "errormsg",
	[A_EXIT] = "exit",
	[A_EXTRAINFO] = "extrainfo",
	[A_HOSTNAME] = "hostname",
	[A_ID] = "id",
	[A_KEY] = "key",
	[A_METHOD] = "method",
	[A_NAME] = "name",
	[A_NUMSERVICES] = "numservices",
	[A_OSTYPE] = "ostype",
	[A_OUTPUT] = "output",
	[A_PORTID] = "portid",
	[A_PORTS] = "ports",
	[A_PRODUCT] = "product",
	[A_PROTO] = "proto",
	[A_PROTOCOL] = "protocol",
	[A_REASON] = "reason",
	[A_REASON_TTL] = "reason_ttl",
	[A_SCANNER] = "scanner",
	[A_SERVICES] = "services",
	[A_START] = "start",
	[A_STARTSTR] = "startstr",
	[A_STARTTIME] = "starttime",
	[A_STATE] = "state",
	[A_TIME] = "time",
	[A_TOTAL] = "total",
	[A_TUNNEL] = "tunnel",
	[A_TYPE] = "type",
	[A_UP] = "up",
	[A_VENDOR] = "vendor",
	[A_VERSION] = "version",
	[A_XMLOUTPUTVERSION] = "xmloutputversion",
};

int
pk_xml_intern(struct pk_xml_state *st)
{
	size_t i;

	for (i = 0; i < A_NNAMES; i++) {
		st->names[i] = (const char *)xmlDictLookup(st->ctxt->dict,
		    (const xmlChar *)attr_names[i], -1);
		/* Unknown names would silently drop their attributes. */
		if (st->names[i] == NULL)
			return -1;
	}
	return 0;
}

/*
 * A copy of the value in the host arena.  With entity substitution off,
 * libxml2 hands an ampersand over as the text "&#38;" (it expects a tree
 * builder to reparse it); since a raw '&' cannot stand in a well-formed
 * value, every "&#38;" here is one ampersand.
 */
char *
pk_xml_attr_copy(struct pk_arena *a, const struct attr *at)
{
	const char *p, *v = attr_v(at);
	size_t n = attr_n(at);
	char *s, *d;

	if (memchr(v, '&', n) == NULL)
		return pk_arena_strndup(a, v, n);
	s = d = pk_arena_alloc(a, n + 1);
	if (s == NULL)
		return NULL;
	for (p = v; p < v + n; p++) {
		*d++ = *p;
		if (*p == '&' && v + n - p >= 5 && memcmp(p, "&#38;", 5) == 0)
			p += 4;
	}
	*d = '\0';
	return s;
}

/*
 * libxml2 hands a value over in place, pointing into its input buffer,
 * only when it had nothing to rewrite: no reference, no '&' at all (nor
 * a tab, a newline or a byte above 0x7f); any other value it builds in a
 * buffer of its own.  A value inside the input is copied without the
 * search for "&#38;".
 */
char *
pk_xml_attr_str(const struct pk_xml_state *st, struct pk_arena *a,
    const struct attr *at)
{
	const xmlParserInput *in = st->ctxt->input;
	uintptr_t v = (uintptr_t)at->value, e = (uintptr_t)at->end;

	if (in != NULL && v >= (uintptr_t)in->base && e <= (uintptr_t)in->end)
		return pk_arena_strndup(a, attr_v(at), attr_n(at));
	return pk_xml_attr_copy(a, at);
}

long long
pk_xml_attr_num(struct pk_xml_state *st, const struct attr *at, long long max)
{
	size_t n = attr_n(at);
	long long v;

	if (pk_parse_long(attr_v(at), n, &v) == -1 || v > max) {
		pk_xml_stop(st, PK_ERR_FORMAT,
		    "bad number in %s=\"%.*s\"", (const char *)at->name,
		    (int)(n > 40 ? 40 : n), attr_v(at));
		return -1;
	}
	return v;
}

double
pk_xml_attr_double(const struct attr *at)
{
	size_t n = attr_n(at);
	char buf[64];
	char *end;
	double d;

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, attr_v(at), n);
	buf[n] = '\0';
	d = strtod(buf, &end);
	return (*end != '\0' || !(d >= 0 && d < 1e12)) ? -1 : d;
}
