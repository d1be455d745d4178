/*
 * elements.c - from Nmap XML elements to host records.
 *
 * Elements are recognised by name *and* parent, so a <port> inside a
 * script table or a <state> outside a port is ignored rather than
 * misread; unknown elements (taskprogress, times, trace, ...) are
 * skipped wherever they appear.  Attribute values arrive as pointer
 * pairs into libxml2's buffer and are copied once, into the host arena.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmap/nmap_impl.h"
#include "scan/extraports.h"

enum el {
	EL_OTHER, EL_NMAPRUN, EL_SCANINFO, EL_HOST, EL_STATUS, EL_ADDRESS,
	EL_HOSTNAMES, EL_HOSTNAME, EL_PORTS, EL_PORT, EL_STATE, EL_SERVICE,
	EL_CPE, EL_SCRIPT, EL_EXTRAPORTS, EL_EXTRAREASONS, EL_OS, EL_OSMATCH,
	EL_HOSTSCRIPT, EL_HSCRIPT, EL_RUNSTATS, EL_FINISHED, EL_HOSTS,
	EL_TABLE, EL_ELEM
};

/* Element name, and the parent it must have to mean anything to us. */
static const struct {
	const char	*name;
	unsigned char	 parent;
} elements[] = {
	[EL_OTHER] = { "", EL_OTHER },
	[EL_NMAPRUN] = { "nmaprun", EL_OTHER },
	[EL_SCANINFO] = { "scaninfo", EL_NMAPRUN },
	[EL_HOST] = { "host", EL_NMAPRUN },
	[EL_STATUS] = { "status", EL_HOST },
	[EL_ADDRESS] = { "address", EL_HOST },
	[EL_HOSTNAMES] = { "hostnames", EL_HOST },
	[EL_HOSTNAME] = { "hostname", EL_HOSTNAMES },
	[EL_PORTS] = { "ports", EL_HOST },
	[EL_PORT] = { "port", EL_PORTS },
	[EL_STATE] = { "state", EL_PORT },
	[EL_SERVICE] = { "service", EL_PORT },
	[EL_CPE] = { "cpe", EL_SERVICE },
	[EL_SCRIPT] = { "script", EL_PORT },
	[EL_EXTRAPORTS] = { "extraports", EL_PORTS },
	[EL_EXTRAREASONS] = { "extrareasons", EL_EXTRAPORTS },
	[EL_OS] = { "os", EL_HOST },
	[EL_OSMATCH] = { "osmatch", EL_OS },
	[EL_HOSTSCRIPT] = { "hostscript", EL_HOST },
	[EL_HSCRIPT] = { "script", EL_HOSTSCRIPT },
	[EL_RUNSTATS] = { "runstats", EL_NMAPRUN },
	[EL_FINISHED] = { "finished", EL_RUNSTATS },
	[EL_HOSTS] = { "hosts", EL_RUNSTATS },
	/* Inside any script or table: see script_child. */
	[EL_TABLE] = { "table", EL_SCRIPT },
	[EL_ELEM] = { "elem", EL_SCRIPT },
};

#define NELEMENTS	(sizeof(elements) / sizeof(elements[0]))

const char *
pk_xml_open_element(const struct pk_xml_state *st)
{
	unsigned i;

	for (i = st->depth; i > 0; i--)
		if (st->stack[i - 1] != EL_OTHER)
			return elements[st->stack[i - 1]].name;
	return st->depth > 0 ? "element" : "prolog";
}

_Static_assert(NELEMENTS == PK_XML_NELEMENTS, "PK_XML_NELEMENTS");

/*
 * The elements each parent holds, 0-terminated, most frequent first.
 * The script parents are script_child's.
 */
static const unsigned char children[NELEMENTS][7] = {
	[EL_OTHER] = { EL_NMAPRUN },
	[EL_NMAPRUN] = { EL_HOST, EL_SCANINFO, EL_RUNSTATS },
	[EL_HOST] = { EL_PORTS, EL_STATUS, EL_ADDRESS, EL_HOSTNAMES, EL_OS,
	    EL_HOSTSCRIPT },
	[EL_HOSTNAMES] = { EL_HOSTNAME },
	[EL_PORTS] = { EL_PORT, EL_EXTRAPORTS },
	[EL_PORT] = { EL_STATE, EL_SERVICE, EL_SCRIPT },
	[EL_SERVICE] = { EL_CPE },
	[EL_EXTRAPORTS] = { EL_EXTRAREASONS },
	[EL_OS] = { EL_OSMATCH },
	[EL_HOSTSCRIPT] = { EL_HSCRIPT },
	[EL_RUNSTATS] = { EL_FINISHED, EL_HOSTS },
};

/*
 * libxml2 interns element names in the parser's dictionary, so a name is
 * known by its pointer: the names are looked up once per parser (a name
 * the document never uses is added to the dictionary, harmlessly).
 */
int
pk_xml_intern_elements(struct pk_xml_state *st)
{
	size_t i;

	st->elnames[EL_OTHER] = NULL;
	for (i = 1; i < NELEMENTS; i++) {
		st->elnames[i] = (const char *)xmlDictLookup(st->ctxt->dict,
		    (const xmlChar *)elements[i].name, -1);
		if (st->elnames[i] == NULL)
			return -1;
	}
	return 0;
}

/* An element by its interned name and its parent. */
static inline enum el
element_id(const struct pk_xml_state *st, const char *name, unsigned parent)
{
	const unsigned char *c;

	for (c = children[parent]; *c != EL_OTHER; c++)
		if (st->elnames[*c] == name)
			return (enum el)*c;
	return EL_OTHER;
}

/* <table> and <elem> nest in scripts and in each other. */
static enum el
script_child(const struct pk_xml_state *st, const char *name)
{
	if (name == st->elnames[EL_TABLE])
		return EL_TABLE;
	if (name == st->elnames[EL_ELEM])
		return EL_ELEM;
	return EL_OTHER;
}

static char *
host_str(struct pk_xml_state *st, const struct attr *at)
{
	return pk_xml_attr_str(st, st->hb->a, at);
}

static void
on_host(struct pk_xml_state *st, const struct attr *at, int n)
{
	struct pk_host *h;
	int i;

	st->hb = pk_rd_host_begin(st->r);
	if (st->hb == NULL) {
		pk_xml_stop(st, PK_ERR_NOMEM, "out of memory");
		return;
	}
	h = st->hb->h;
	h->line = pk_xml_line(st);
	for (i = 0; i < n; i++) {
		if (attr_is(st, &at[i], A_STARTTIME))
			h->starttime = pk_xml_attr_num(st, &at[i], INT64_MAX / 2);
		else if (attr_is(st, &at[i], A_ENDTIME))
			h->endtime = pk_xml_attr_num(st, &at[i], INT64_MAX / 2);
	}
}

static void
on_status(struct pk_xml_state *st, const struct attr *at, int n)
{
	struct pk_host *h = st->hb->h;
	int i;

	for (i = 0; i < n; i++) {
		if (attr_is(st, &at[i], A_STATE))
			h->status = host_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_REASON))
			h->status_reason = host_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_REASON_TTL))
			h->status_reason_ttl = (int)pk_xml_attr_num(st, &at[i], 255);
	}
}

static int
addr_type(const struct attr *at, enum pk_addrtype *t)
{
	if (attr_n(at) == 4 && memcmp(attr_v(at), "ipv4", 4) == 0)
		*t = PK_ADDR_IPV4;
	else if (attr_n(at) == 4 && memcmp(attr_v(at), "ipv6", 4) == 0)
		*t = PK_ADDR_IPV6;
	else if (attr_n(at) == 3 && memcmp(attr_v(at), "mac", 3) == 0)
		*t = PK_ADDR_MAC;
	else
		return -1;
	return 0;
}

static void
on_address(struct pk_xml_state *st, const struct attr *at, int n)
{
	const struct attr *addr = NULL, *type = NULL, *vendor = NULL;
	enum pk_addrtype t;
	struct pk_addr *a;
	int i;

	for (i = 0; i < n; i++) {
		if (attr_is(st, &at[i], A_ADDR))
			addr = &at[i];
		else if (attr_is(st, &at[i], A_ADDRTYPE))
			type = &at[i];
		else if (attr_is(st, &at[i], A_VENDOR))
			vendor = &at[i];
	}
	if (addr == NULL || type == NULL || addr_type(type, &t) == -1) {
		pk_xml_stop(st, PK_ERR_FORMAT,
		    "<address> without a valid addr and addrtype");
		return;
	}
	if ((a = pk_hb_addr(st->hb)) == NULL)
		return;
	a->type = t;
	a->addr = host_str(st, addr);
	a->vendor = vendor != NULL ? host_str(st, vendor) : NULL;
	if (a->addr != NULL && !pk_addr_valid(t, a->addr))
		pk_xml_stop(st, PK_ERR_FORMAT, "bad %.*s address \"%.*s\"",
		    (int)attr_n(type), attr_v(type),
		    (int)(attr_n(addr) > 46 ? 46 : attr_n(addr)), attr_v(addr));
}

static void
on_hostname(struct pk_xml_state *st, const struct attr *at, int n)
{
	struct pk_hostname *hn = pk_hb_hostname(st->hb);
	int i;

	if (hn == NULL)
		return;
	for (i = 0; i < n; i++) {
		if (attr_is(st, &at[i], A_NAME))
			hn->name = host_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_TYPE))
			hn->type = host_str(st, &at[i]);
	}
	if (hn->name == NULL)
		st->hb->h->nhostnames--;	/* <hostname/>: nothing */
}

static void
on_port(struct pk_xml_state *st, const struct attr *at, int n)
{
	const struct attr *proto = NULL, *portid = NULL;
	struct pk_port *p;
	char name[8];
	unsigned port;
	size_t len;
	int i, pr;

	for (i = 0; i < n; i++) {
		if (attr_is(st, &at[i], A_PROTOCOL))
			proto = &at[i];
		else if (attr_is(st, &at[i], A_PORTID))
			portid = &at[i];
	}
	if (proto == NULL || portid == NULL || attr_n(proto) >= sizeof(name)) {
		pk_xml_stop(st, PK_ERR_FORMAT,
		    "<port> without protocol and portid");
		return;
	}
	memcpy(name, attr_v(proto), attr_n(proto));
	name[attr_n(proto)] = '\0';
	if ((pr = pk_proto_parse(name)) < 0) {
		pk_xml_stop(st, PK_ERR_FORMAT, "unknown protocol \"%s\"", name);
		return;
	}
	len = attr_n(portid);
	if (pk_parse_port(attr_v(portid), len, pr == PK_PROTO_IP ? 255 :
	    65535, &port) == -1 || (port == 0 && pr != PK_PROTO_IP)) {
		pk_xml_stop(st, PK_ERR_FORMAT, "bad port number \"%.*s\"",
		    (int)(len > 24 ? 24 : len), attr_v(portid));
		return;
	}
	if ((p = pk_hb_port(st->hb)) == NULL)
		return;
	p->proto = pr;
	p->port = port;
	p->line = pk_xml_line(st);
}

static struct pk_port *
last_port(struct pk_xml_state *st)
{
	struct pk_host *h = st->hb->h;

	return h->nports > 0 ? &h->ports[h->nports - 1] : NULL;
}

static void
on_state(struct pk_xml_state *st, const struct attr *at, int n)
{
	struct pk_port *p = last_port(st);
	int i;

	if (p == NULL)
		return;
	for (i = 0; i < n; i++) {
		if (attr_is(st, &at[i], A_STATE))
			p->state = host_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_REASON))
			p->reason = host_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_REASON_TTL))
			p->reason_ttl = (int)pk_xml_attr_num(st, &at[i], 255);
	}
}

static void
on_service(struct pk_xml_state *st, const struct attr *at, int n)
{
	struct pk_port *p = last_port(st);
	const char **slot;
	int i;

	if (p == NULL)
		return;
	if (st->masscan) {
		pk_xml_masscan_service(st, p, at, n);
		return;
	}
	for (i = 0; i < n; i++) {
		slot = NULL;
		if (attr_is(st, &at[i], A_NAME))
			slot = &p->service;
		else if (attr_is(st, &at[i], A_PRODUCT))
			slot = &p->product;
		else if (attr_is(st, &at[i], A_VERSION))
			slot = &p->version;
		else if (attr_is(st, &at[i], A_EXTRAINFO))
			slot = &p->extrainfo;
		else if (attr_is(st, &at[i], A_OSTYPE))
			slot = &p->ostype;
		else if (attr_is(st, &at[i], A_HOSTNAME))
			slot = &p->hostname;
		else if (attr_is(st, &at[i], A_DEVICETYPE))
			slot = &p->devicetype;
		else if (attr_is(st, &at[i], A_TUNNEL))
			slot = &p->tunnel;
		else if (attr_is(st, &at[i], A_METHOD))
			slot = &p->method;
		else if (attr_is(st, &at[i], A_CONF))
			p->conf = (int)pk_xml_attr_num(st, &at[i], 10);
		if (slot != NULL)
			*slot = host_str(st, &at[i]);
	}
}

static void
on_script(struct pk_xml_state *st, struct pk_script *sc, const struct attr *at,
    int n)
{
	int i;

	if (sc == NULL)
		return;
	for (i = 0; i < n; i++) {
		if (attr_is(st, &at[i], A_ID))
			sc->id = host_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_OUTPUT))
			sc->output = host_str(st, &at[i]);
	}
	pk_xml_script_begin(st, sc);
}

/*
 * A port list that does not parse, or holds another number of ports than
 * its count, is no evidence: warned of once here, and dropped, so that
 * no engine draws an inference from it and every tool says the same.
 */
static void
check_reason(struct pk_xml_state *st, struct pk_extrareason *r)
{
	char why[96];

	if (pk_extrareason_check(r, why, sizeof(why)) == 0)
		return;
	pk_rd_warn(st->r, pk_xml_line(st), "%s: the list is ignored", why);
	r->ports = NULL;
}

static void
on_extraports(struct pk_xml_state *st, enum el id, const struct attr *at,
    int n)
{
	struct pk_extraports *e = NULL;
	struct pk_extrareason *r = NULL;
	int i;

	if (id == EL_EXTRAPORTS)
		e = pk_hb_extraports(st->hb);
	else
		r = pk_hb_extrareason(st->hb);
	if (e == NULL && r == NULL)
		return;
	for (i = 0; i < n; i++) {
		if (e != NULL && attr_is(st, &at[i], A_STATE))
			e->state = host_str(st, &at[i]);
		else if (e != NULL && attr_is(st, &at[i], A_COUNT))
			e->count = (long)pk_xml_attr_num(st, &at[i], 65536 * 4);
		else if (r != NULL && attr_is(st, &at[i], A_REASON))
			r->reason = host_str(st, &at[i]);
		else if (r != NULL && attr_is(st, &at[i], A_COUNT))
			r->count = (long)pk_xml_attr_num(st, &at[i], 65536 * 4);
		else if (r != NULL && attr_is(st, &at[i], A_PROTO))
			r->proto = host_str(st, &at[i]);
		else if (r != NULL && attr_is(st, &at[i], A_PORTS))
			r->ports = host_str(st, &at[i]);
	}
	if (r != NULL && r->ports != NULL)
		check_reason(st, r);
}

static void
on_osmatch(struct pk_xml_state *st, const struct attr *at, int n)
{
	struct pk_osmatch *o = pk_hb_osmatch(st->hb);
	int i;

	if (o == NULL)
		return;
	for (i = 0; i < n; i++) {
		if (attr_is(st, &at[i], A_NAME))
			o->name = host_str(st, &at[i]);
		else if (attr_is(st, &at[i], A_ACCURACY))
			o->accuracy = (int)pk_xml_attr_num(st, &at[i], 100);
	}
}

static void
dispatch_host(struct pk_xml_state *st, enum el id, const struct attr *at,
    int n)
{
	switch (id) {
	case EL_STATUS:
		on_status(st, at, n);
		break;
	case EL_ADDRESS:
		on_address(st, at, n);
		break;
	case EL_HOSTNAME:
		on_hostname(st, at, n);
		break;
	case EL_PORT:
		on_port(st, at, n);
		break;
	case EL_STATE:
		on_state(st, at, n);
		break;
	case EL_SERVICE:
		on_service(st, at, n);
		break;
	case EL_CPE:
		pk_xml_collect(st, 1);
		st->textlen = 0;
		break;
	case EL_SCRIPT:
		on_script(st, pk_hb_port_script(st->hb), at, n);
		break;
	case EL_HSCRIPT:
		on_script(st, pk_hb_host_script(st->hb), at, n);
		break;
	case EL_EXTRAPORTS:
	case EL_EXTRAREASONS:
		on_extraports(st, id, at, n);
		break;
	case EL_OSMATCH:
		on_osmatch(st, at, n);
		break;
	case EL_TABLE:
	case EL_ELEM:
		pk_xml_script_node(st, id == EL_TABLE, at, n);
		break;
	default:
		break;
	}
}

static void
dispatch(struct pk_xml_state *st, enum el id, const struct attr *at, int n)
{
	switch (id) {
	case EL_NMAPRUN:
		pk_xml_on_nmaprun(st, at, n);
		break;
	case EL_SCANINFO:
		pk_xml_on_scaninfo(st, at, n);
		break;
	case EL_HOST:
		on_host(st, at, n);
		break;
	case EL_FINISHED:
	case EL_HOSTS:
		pk_xml_on_runstats(st, id == EL_HOSTS, at, n);
		break;
	default:
		if (st->hb != NULL)
			dispatch_host(st, id, at, n);
		break;
	}
	if (st->hb != NULL && st->hb->a->over && st->status == 0)
		pk_xml_stop(st, PK_ERR_LIMIT, "host record exceeds %zu bytes",
		    st->r->opts.limits.max_host_bytes);
}

/*
 * An element we know: its attributes are read in libxml2's array, only
 * the first of them (the guard capped the count).  Out of line: most
 * elements of a scan (script output, os, trace, times, ...) are skipped.
 */
static void __attribute__((noinline))
start_known(struct pk_xml_state *st, enum el id, int nb_attributes,
    const xmlChar **attributes)
{
	dispatch(st, id, (const struct attr *)(const void *)attributes,
	    nb_attributes < PK_DEF_MAX_ATTRS ? nb_attributes :
	    PK_DEF_MAX_ATTRS);
	pk_xml_halt(st);
}

/* Push the element's id; one we know is read at once. */
static inline void
start_as(struct pk_xml_state *st, enum el id, int nb_attributes,
    const xmlChar **attributes)
{
	st->stack[st->depth++] = (unsigned char)id;
	/* Nothing is recorded for an element we skip: no verdict to halt on. */
	if (id != EL_OTHER)
		start_known(st, id, nb_attributes, attributes);
}

/* A child of a script or a table. */
static void __attribute__((noinline))
start_script_child(struct pk_xml_state *st, const char *name,
    int nb_attributes, const xmlChar **attributes)
{
	start_as(st, st->r->opts.skip_script_trees ? EL_OTHER :
	    script_child(st, name), nb_attributes, attributes);
}

/*
 * An element inside one we know: which it is, and what it holds.  Past
 * the script children it makes no call but the last, so gcc saves no
 * register for it.
 */
static void __attribute__((noinline))
start_child(struct pk_xml_state *st, const char *name, unsigned parent,
    int nb_attributes, const xmlChar **attributes)
{
	if (parent == EL_SCRIPT || parent == EL_HSCRIPT ||
	    parent == EL_TABLE) {
		start_script_child(st, name, nb_attributes, attributes);
		return;
	}
	start_as(st, element_id(st, name, parent), nb_attributes, attributes);
}

/*
 * After a verdict, too deep, or the root: called when one of these
 * holds, so past the first two checks the element is the root.
 */
static void __attribute__((noinline))
start_checked(struct pk_xml_state *st, const char *name, int nb_attributes,
    const xmlChar **attributes)
{
	if (st->status != 0) {
		pk_xml_halt(st);
		return;
	}
	if (st->depth >= st->max_depth) {
		pk_xml_stop(st, PK_ERR_LIMIT,
		    "elements nested deeper than %u", st->max_depth);
		pk_xml_halt(st);
		return;
	}
	if (strcmp(name, "nmaprun") != 0 || st->doc_done) {
		pk_xml_stop(st, PK_ERR_FORMAT,
		    "root element is <%.40s>, not <nmaprun>", name);
		pk_xml_halt(st);
		return;
	}
	st->doc_open = 1;
	st->docs++;
	start_child(st, name, EL_OTHER, nb_attributes, attributes);
}

/*
 * Most elements of a scan sit inside one we skip (script output, os
 * fingerprints, trace hops): they are pushed as skipped with no call and
 * no register saved, everything else goes out of line.
 */
void
pk_xml_start_element(void *ctx, const xmlChar *localname,
    const xmlChar *prefix, const xmlChar *URI, int nb_namespaces,
    const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
    const xmlChar **attributes)
{
	struct pk_xml_state *st = ctx;
	const char *name = (const char *)localname;
	unsigned parent;

	(void)prefix;
	(void)URI;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	if (st->status != 0 || st->depth == 0 || st->depth >= st->max_depth) {
		start_checked(st, name, nb_attributes, attributes);
		return;
	}
	parent = st->stack[st->depth - 1];
	if (parent == EL_OTHER)
		st->stack[st->depth++] = EL_OTHER;
	else
		start_child(st, name, parent, nb_attributes, attributes);
}

static void
end_cpe(struct pk_xml_state *st)
{
	const char **slot;

	pk_xml_collect(st, 0);
	if (st->hb == NULL || (slot = pk_hb_cpe(st->hb)) == NULL)
		return;
	*slot = pk_arena_strndup(st->hb->a, st->text != NULL ? st->text : "",
	    st->textlen);
}

static void
end_host(struct pk_xml_state *st)
{
	struct pk_port *p;
	size_t i;

	for (i = 0; i < st->hb->h->nports; i++) {
		p = &st->hb->h->ports[i];
		if (p->state == NULL) {
			pk_xml_stop(st, PK_ERR_FORMAT,
			    "port %u/%s has no <state>", p->port,
			    pk_proto_name(p->proto));
			return;
		}
	}
	st->hb = NULL;
	if (pk_rd_host_commit(st->r) != PK_OK) {
		/* The reader holds the message; just make libxml2 stop. */
		st->status = st->r->final;
		st->err_line = st->r->err.line;
		(void)snprintf(st->err_msg, sizeof(st->err_msg), "%s",
		    st->r->err.msg);
	}
}

static void __attribute__((noinline))
end_known(struct pk_xml_state *st, enum el id)
{
	if (id == EL_CPE)
		end_cpe(st);
	else if (id == EL_TABLE || id == EL_ELEM)
		pk_xml_script_node_end(st, id == EL_TABLE);
	else if (id == EL_HOST && st->hb != NULL)
		end_host(st);
	if (st->depth == 0)
		st->doc_done = 1;
	pk_xml_halt(st);
}

void
pk_xml_end_element(void *ctx, const xmlChar *localname,
    const xmlChar *prefix, const xmlChar *URI)
{
	struct pk_xml_state *st = ctx;
	enum el id;

	(void)localname;
	(void)prefix;
	(void)URI;
	if (st->status != 0 || st->depth == 0) {
		pk_xml_halt(st);
		return;
	}
	id = (enum el)st->stack[--st->depth];
	/* The root is never EL_OTHER: a skipped element ends nothing. */
	if (id != EL_OTHER)
		end_known(st, id);
}

static void
xml_collect(struct pk_xml_state *st, const xmlChar *ch, int len)
{
	size_t need;
	char *t;

	if (!st->collecting || st->status != 0 || len <= 0)
		return;
	need = st->textlen + (size_t)len + 1;
	if (need > st->r->opts.limits.max_tag_bytes) {
		pk_xml_stop(st, PK_ERR_LIMIT, "text longer than %zu bytes",
		    st->r->opts.limits.max_tag_bytes);
		return;
	}
	if (need > st->textcap) {
		size_t ncap = st->textcap == 0 ? 256 : st->textcap;

		while (ncap < need)
			ncap *= 2;
		if ((t = realloc(st->text, ncap)) == NULL) {
			pk_xml_stop(st, PK_ERR_NOMEM, "out of memory");
			return;
		}
		st->text = t;
		st->textcap = ncap;
	}
	memcpy(st->text + st->textlen, ch, (size_t)len);
	st->textlen += (size_t)len;
}

void
pk_xml_characters(void *ctx, const xmlChar *ch, int len)
{
	struct pk_xml_state *st = ctx;

	xml_collect(st, ch, len);
	pk_xml_halt(st);
}
