/*
 * record.c - scan hosts and ports as rows of named fields.
 *
 * One table names every field, its type and meaning; the writers take
 * their header from it, --list-fields prints it, portkit-output(5)
 * documents it, so the three cannot drift apart.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/error.h"
#include "base/json.h"
#include "base/proto.h"
#include "base/value.h"
#include "portkit.h"
#include "scan/record.h"

enum pf {
	F_FILE, F_HOST, F_HOSTNAME, F_ADDR_TYPE, F_MAC, F_VENDOR, F_STATUS,
	F_PROTO, F_PORT, F_STATE, F_REASON, F_REASON_TTL, F_SERVICE,
	F_PRODUCT, F_VERSION, F_EXTRAINFO, F_OSTYPE, F_TUNNEL, F_METHOD,
	F_CONF, F_CPE, F_SCRIPTS, F_OS, F_CATEGORY, F_IANA_RANGE, F_NPORT
};

static const struct pk_field port_fields[] = {
	{ "file", PK_FT_STR, 12, "input file the record came from" },
	{ "host", PK_FT_STR, 15, "first IP address of the host (its MAC "
	    "when it has none)" },
	{ "hostname", PK_FT_STR, 12, "first hostname (user or PTR)" },
	{ "addr_type", PK_FT_STR, 4, "ipv4, ipv6 or mac: type of host" },
	{ "mac", PK_FT_STR, 17, "first MAC address" },
	{ "vendor", PK_FT_STR, 8, "vendor of that MAC address" },
	{ "status", PK_FT_STR, 4, "host status: up, down, unknown" },
	{ "proto", PK_FT_STR, 4, "tcp, udp, sctp or ip" },
	{ "port", PK_FT_INT, 5, "port number (protocol number for ip)" },
	{ "state", PK_FT_STR, 6, "open, closed, filtered, unfiltered, "
	    "open|filtered, closed|filtered" },
	{ "reason", PK_FT_STR, 7, "why nmap chose the state (syn-ack, "
	    "reset, no-response, ...)" },
	{ "reason_ttl", PK_FT_INT, 3, "TTL of the packet behind reason" },
	{ "service", PK_FT_STR, 8, "service name" },
	{ "product", PK_FT_STR, 8, "product name from version detection" },
	{ "version", PK_FT_STR, 7, "product version" },
	{ "extrainfo", PK_FT_STR, 9, "extra version information" },
	{ "ostype", PK_FT_STR, 6, "OS type reported by the service" },
	{ "tunnel", PK_FT_STR, 3, "ssl when the service runs over TLS" },
	{ "method", PK_FT_STR, 6, "table (port number) or probed" },
	{ "conf", PK_FT_INT, 2, "confidence of the service name, 0-10" },
	{ "cpe", PK_FT_STR, 10, "CPE names, separated by spaces" },
	{ "scripts", PK_FT_STR, 8, "ids of NSE scripts run on the port, "
	    "separated by commas" },
	{ "os", PK_FT_STR, 8, "best OS match of the host" },
	{ "category", PK_FT_STR, 8, "what the port is for in portkit's port "
	    "table (core, web, database, ...), separated by commas" },
	{ "iana_range", PK_FT_STR, 10, "well-known (0-1023), registered "
	    "(1024-49151) or dynamic (49152-65535)" },
};

enum hf {
	H_FILE, H_HOST, H_HOSTNAME, H_HOSTNAMES, H_ADDR_TYPE, H_ADDRESSES,
	H_MAC, H_VENDOR, H_STATUS, H_REASON, H_OPEN, H_PORTS, H_OS,
	H_OS_ACCURACY, H_STARTTIME, H_ENDTIME, H_NHOST
};

static const struct pk_field host_fields[] = {
	{ "file", PK_FT_STR, 12, "input file the record came from" },
	{ "host", PK_FT_STR, 15, "first IP address of the host (its MAC "
	    "when it has none)" },
	{ "hostname", PK_FT_STR, 12, "first hostname (user or PTR)" },
	{ "hostnames", PK_FT_STR, 12, "every hostname, separated by spaces" },
	{ "addr_type", PK_FT_STR, 4, "ipv4, ipv6 or mac: type of host" },
	{ "addresses", PK_FT_STR, 15, "every address, separated by spaces" },
	{ "mac", PK_FT_STR, 17, "first MAC address" },
	{ "vendor", PK_FT_STR, 8, "vendor of that MAC address" },
	{ "status", PK_FT_STR, 4, "host status: up, down, unknown" },
	{ "reason", PK_FT_STR, 7, "why nmap thinks the host is up or down" },
	{ "open_ports", PK_FT_INT, 4, "number of open ports listed" },
	{ "ports", PK_FT_STR, 10, "open ports as port/proto, separated by "
	    "commas" },
	{ "os", PK_FT_STR, 8, "best OS match" },
	{ "os_accuracy", PK_FT_INT, 3, "accuracy of that match, 0-100" },
	{ "starttime", PK_FT_INT, 10, "when the host scan began (epoch)" },
	{ "endtime", PK_FT_INT, 10, "when the host scan ended (epoch)" },
};

enum sf {
	S_FILE, S_HOST, S_PROTO, S_PORT, S_SCRIPT, S_OUTPUT, S_ELEMENTS
};

static const struct pk_field script_fields[] = {
	{ "file", PK_FT_STR, 12, "input file the record came from" },
	{ "host", PK_FT_STR, 15, "first IP address of the host (its MAC "
	    "when it has none)" },
	{ "proto", PK_FT_STR, 4, "tcp, udp, sctp or ip; empty for a host "
	    "script" },
	{ "port", PK_FT_INT, 5, "port number; empty for a host script" },
	{ "script", PK_FT_STR, 12, "script id (banner for a masscan banner)" },
	{ "output", PK_FT_STR, 20, "the script's output text" },
	{ "elements", PK_FT_JSON, 20, "the script's tables and elems as "
	    "JSON" },
};

#define NPORT_FIELDS	(sizeof(port_fields) / sizeof(port_fields[0]))
#define NHOST_FIELDS	(sizeof(host_fields) / sizeof(host_fields[0]))
#define NSCRIPT_FIELDS	(sizeof(script_fields) / sizeof(script_fields[0]))

static const char port_default[] =
    "host,hostname,proto,port,state,reason,service,product,version,"
    "extrainfo";
static const char host_default[] = "host,hostname,status,open_ports,ports,os";
static const char script_default[] = "host,proto,port,script,output";

struct pk_rowctx {
	int		 kind;
	size_t		 n;
	int		*idx;		/* selected field numbers */
	/* Per column: 1 + the offset of a pk_port string member, or 0. */
	size_t		*stroff;
	struct pk_field	*fields;	/* selected fields, in order */
	struct pk_value	*vals;
	struct pk_arena	 scratch;	/* joined lists of one row */
	const struct pk_ports *ports;	/* for category; NULL: empty */
	size_t		 lead;		/* leading columns that are the host's */
	int		 holding;	/* pk_rowctx_hold on */
	size_t		 from;		/* first column the next fill fills */
	size_t		 other_end;	/* 1 + the last column fill_other
					   fills; 0: none */
};

const struct pk_field *
pk_record_fields(int kind, size_t *n)
{
	if (kind == PK_REC_HOST) {
		*n = NHOST_FIELDS;
		return host_fields;
	}
	if (kind == PK_REC_SCRIPT) {
		*n = NSCRIPT_FIELDS;
		return script_fields;
	}
	*n = NPORT_FIELDS;
	return port_fields;
}

int
pk_record_field_index(int kind, const char *name, size_t len)
{
	const struct pk_field *f;
	size_t i, n;

	f = pk_record_fields(kind, &n);
	for (i = 0; i < n; i++)
		if (strlen(f[i].name) == len &&
		    memcmp(f[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

void
pk_rowctx_free(struct pk_rowctx *rc)
{
	if (rc == NULL)
		return;
	pk_arena_destroy(&rc->scratch);
	free(rc->idx);
	free(rc->stroff);
	free(rc->fields);
	free(rc->vals);
	free(rc);
}

/*
 * Port fields that are one string member of struct pk_port, filled by
 * offset: the columns of a port row are filled once a row, a hundred
 * thousand times for a 6 MB scan, and a switch per cell showed.
 */
static size_t
port_str_offset(int k)
{
	switch (k) {
	case F_STATE: return offsetof(struct pk_port, state);
	case F_REASON: return offsetof(struct pk_port, reason);
	case F_SERVICE: return offsetof(struct pk_port, service);
	case F_PRODUCT: return offsetof(struct pk_port, product);
	case F_VERSION: return offsetof(struct pk_port, version);
	case F_EXTRAINFO: return offsetof(struct pk_port, extrainfo);
	case F_OSTYPE: return offsetof(struct pk_port, ostype);
	case F_TUNNEL: return offsetof(struct pk_port, tunnel);
	case F_METHOD: return offsetof(struct pk_port, method);
	default: return (size_t)-1;
	}
}

/* The port fields that are the host's: none of them uses the scratch. */
static int
host_field(int k)
{
	return k == F_FILE || k == F_HOST || k == F_HOSTNAME ||
	    k == F_ADDR_TYPE || k == F_MAC || k == F_VENDOR || k == F_STATUS;
}

/* A port row's column that fill_other fills. */
static int
port_other(const struct pk_rowctx *rc, size_t i)
{
	return rc->stroff[i] == 0 && rc->idx[i] != F_PROTO &&
	    rc->idx[i] != F_PORT;
}

static int
rowctx_add(struct pk_rowctx *rc, const char *name, size_t len,
    struct pk_error *err)
{
	const struct pk_field *all;
	size_t nall, i;
	int k;

	if (len == 3 && memcmp(name, "all", 3) == 0) {
		all = pk_record_fields(rc->kind, &nall);
		for (i = 0; i < nall; i++)
			if (rowctx_add(rc, all[i].name, strlen(all[i].name),
			    err) != PK_OK)
				return PK_ERR_USAGE;
		return PK_OK;
	}
	k = pk_record_field_index(rc->kind, name, len);
	if (k < 0) {
		pk_error_set(err, PK_ERR_USAGE, 0, "unknown field \"%.*s\"",
		    (int)(len > 40 ? 40 : len), name);
		return PK_ERR_USAGE;
	}
	all = pk_record_fields(rc->kind, &nall);
	rc->idx[rc->n] = k;
	if (rc->kind == PK_REC_PORT)
		rc->stroff[rc->n] = port_str_offset(k) + 1;
	if (rc->kind == PK_REC_PORT && rc->lead == rc->n && host_field(k))
		rc->lead++;
	rc->fields[rc->n] = all[k];
	rc->n++;
	if (rc->kind == PK_REC_PORT && port_other(rc, rc->n - 1))
		rc->other_end = rc->n;
	return PK_OK;
}

struct pk_rowctx *
pk_rowctx_new(int kind, const char *list, struct pk_error *err)
{
	struct pk_rowctx *rc;
	const char *p, *c;
	size_t cap;

	if (list == NULL)
		list = kind == PK_REC_HOST ? host_default :
		    kind == PK_REC_SCRIPT ? script_default : port_default;
	/* "all" may be repeated: bound the columns by the list's length. */
	cap = (strlen(list) / 2 + 2) * NPORT_FIELDS;
	rc = calloc(1, sizeof(*rc));
	if (rc == NULL || (rc->idx = calloc(cap, sizeof(int))) == NULL ||
	    (rc->stroff = calloc(cap, sizeof(size_t))) == NULL ||
	    (rc->fields = calloc(cap, sizeof(*rc->fields))) == NULL ||
	    (rc->vals = calloc(cap, sizeof(*rc->vals))) == NULL) {
		pk_rowctx_free(rc);
		pk_error_set(err, PK_ERR_NOMEM, 0, "out of memory");
		return NULL;
	}
	rc->kind = kind;
	pk_arena_init(&rc->scratch, 0);
	for (p = list; ; p = c + 1) {
		c = strchr(p, ',');
		if (c == NULL)
			c = p + strlen(p);
		if (rowctx_add(rc, p, (size_t)(c - p), err) != PK_OK) {
			pk_rowctx_free(rc);
			return NULL;
		}
		if (*c == '\0')
			break;
	}
	return rc;
}

/* The service column leaves the offset path for fill_port's F_SERVICE. */
void
pk_rowctx_show_tunnel(struct pk_rowctx *rc, int on)
{
	size_t i;

	if (rc->kind == PK_REC_HOST)
		return;
	rc->other_end = 0;
	for (i = 0; i < rc->n; i++) {
		if (rc->idx[i] == F_SERVICE)
			rc->stroff[i] = on ? 0 : port_str_offset(F_SERVICE) + 1;
		if (port_other(rc, i))
			rc->other_end = i + 1;
	}
}

void
pk_rowctx_set_ports(struct pk_rowctx *rc, const struct pk_ports *pt)
{
	rc->ports = pt;
}

const struct pk_field *
pk_rowctx_fields(const struct pk_rowctx *rc, size_t *n)
{
	*n = rc->n;
	return rc->fields;
}

/* Scratch string builder for list fields. */
struct sbuf {
	struct pk_arena	*a;
	char		*s;
	size_t		 len;
	size_t		 cap;
};

static void
sb_add(struct sbuf *b, const char *sep, const char *s)
{
	size_t sl = b->len > 0 ? strlen(sep) : 0, n = strlen(s);
	char *p;

	if (b->s == NULL && b->len > 0)
		return;			/* an earlier allocation failed */
	if (b->len + sl + n + 1 > b->cap) {
		size_t ncap = (b->len + sl + n + 1) * 2;

		p = pk_arena_grow(b->a, b->s, b->cap, ncap);
		if (p == NULL) {
			b->s = NULL;
			return;
		}
		b->s = p;
		b->cap = ncap;
	}
	memcpy(b->s + b->len, sep, sl);
	memcpy(b->s + b->len + sl, s, n + 1);
	b->len += sl + n;
}

static const char *
addr_type_name(const struct pk_host *h)
{
	size_t i;

	for (i = 0; i < h->naddrs; i++)
		if (h->addrs[i].addr == h->host || (h->host == NULL &&
		    h->addrs[i].addr == h->mac))
			return h->addrs[i].type == PK_ADDR_IPV4 ? "ipv4" :
			    h->addrs[i].type == PK_ADDR_IPV6 ? "ipv6" : "mac";
	return NULL;
}

static const char *
mac_vendor(const struct pk_host *h)
{
	size_t i;

	for (i = 0; i < h->naddrs; i++)
		if (h->addrs[i].addr == h->mac)
			return h->addrs[i].vendor;
	return NULL;
}

static const char *
host_or_mac(const struct pk_host *h)
{
	return h->host != NULL ? h->host : h->mac;
}

/* "ssl/http" in the row's scratch space; NULL when out of it. */
static const char *
shown_service(struct pk_rowctx *rc, const struct pk_port *p)
{
	size_t n;
	char *buf;

	if (p->tunnel == NULL)
		return p->service;
	n = pk_port_service_len(p) + 1;
	if ((buf = pk_arena_alloc(&rc->scratch, n)) == NULL)
		return NULL;
	return pk_port_service(p, buf, n);
}

/*
 * The port fields that are not a string member (those go by stroff),
 * nor the protocol or the number.  Out of line: its list builder would
 * make every row save registers and a stack guard.
 */
static void __attribute__((noinline))
fill_port(struct pk_rowctx *rc, struct pk_value *v, int k,
    const struct pk_host *h, const struct pk_port *p)
{
	struct sbuf b = { &rc->scratch, NULL, 0, 0 };
	const struct pk_portcat *c;
	size_t i;

	switch (k) {
	case F_CATEGORY:
		c = pk_ports_get(rc->ports, p->proto, p->port);
		pk_val_str(v, c != NULL ? c->category : NULL);
		break;
	case F_IANA_RANGE:
		pk_val_str(v, pk_ports_iana_range(p->proto, p->port));
		break;
	case F_REASON_TTL:
		pk_val_int(v, p->reason_ttl, p->reason_ttl >= 0);
		break;
	case F_CONF: pk_val_int(v, p->conf, p->conf >= 0); break;
	case F_CPE:
		for (i = 0; i < p->ncpe; i++)
			sb_add(&b, " ", p->cpe[i]);
		pk_val_str(v, b.s);
		break;
	case F_SCRIPTS:
		for (i = 0; i < p->nscripts; i++)
			if (p->scripts[i].id != NULL)
				sb_add(&b, ",", p->scripts[i].id);
		pk_val_str(v, b.s);
		break;
	case F_OS:
		pk_val_str(v, h->nosmatches > 0 ? h->osmatches[0].name : NULL);
		break;
	case F_SERVICE:
		pk_val_str(v, shown_service(rc, p));
		break;
	default:
		pk_val_str(v, NULL);
		break;
	}
}

/* The string member of p at offset off. */
static const char *
port_str(const struct pk_port *p, size_t off)
{
	const char *s;

	memcpy(&s, (const char *)p + off, sizeof(s));
	return s;
}

/*
 * A column that is not one of the port's string members, nor its
 * protocol or number (but for a row without a port).
 */
static void
fill_other(struct pk_rowctx *rc, struct pk_value *v, int k,
    const struct pk_host *h, const struct pk_port *p, const char *file)
{
	switch (k) {
	case F_FILE: pk_val_str(v, file); break;
	case F_HOST: pk_val_str(v, host_or_mac(h)); break;
	case F_HOSTNAME: pk_val_str(v, h->hostname); break;
	case F_ADDR_TYPE: pk_val_str(v, addr_type_name(h)); break;
	case F_MAC: pk_val_str(v, h->mac); break;
	case F_VENDOR: pk_val_str(v, mac_vendor(h)); break;
	case F_STATUS: pk_val_str(v, h->status); break;
	default:
		if (p != NULL)
			fill_port(rc, v, k, h, p);
		else
			pk_val_str(v, NULL);
		break;
	}
}

/*
 * The columns fill_port_row leaves: with no port, all of them.  Out of
 * line: their calls would make every row save registers.
 */
static void __attribute__((noinline))
fill_others(struct pk_rowctx *rc, const struct pk_host *h,
    const struct pk_port *p, const char *file)
{
	size_t i, end = p != NULL ? rc->other_end : rc->n;

	for (i = rc->from; i < end; i++)
		if (p == NULL || port_other(rc, i))
			fill_other(rc, &rc->vals[i], rc->idx[i], h, p, file);
}

/*
 * A port's own strings, most columns, are one load each, and its
 * protocol and number nearly as cheap: those are filled with no call,
 * then the others, if the row has any.
 */
static void
fill_port_row(struct pk_rowctx *rc, const struct pk_host *h,
    const struct pk_port *p, const char *file)
{
	const size_t *stroff = rc->stroff;
	const int *idx = rc->idx;
	struct pk_value *v = rc->vals + rc->from;
	size_t i, n = rc->n;

	for (i = rc->from; p != NULL && i < n; i++, v++)
		if (stroff[i] != 0)
			pk_val_str(v, port_str(p, stroff[i] - 1));
		else if (idx[i] == F_PROTO)
			pk_val_str(v, pk_proto_str(p->proto));
		else if (idx[i] == F_PORT)
			pk_val_int(v, p->port, 1);
	if (p == NULL || rc->from < rc->other_end)
		fill_others(rc, h, p, file);
}

/* Out of line, so that port rows need no stack guard for num[]. */
static void __attribute__((noinline))
fill_host_lists(struct pk_rowctx *rc, struct pk_value *v, int k,
    const struct pk_host *h)
{
	struct sbuf b = { &rc->scratch, NULL, 0, 0 };
	char num[16];
	size_t i;
	long long open = 0;

	for (i = 0; k == H_HOSTNAMES && i < h->nhostnames; i++)
		sb_add(&b, " ", h->hostnames[i].name);
	for (i = 0; k == H_ADDRESSES && i < h->naddrs; i++)
		sb_add(&b, " ", h->addrs[i].addr);
	for (i = 0; i < h->nports; i++) {
		if (h->ports[i].state == NULL ||
		    strcmp(h->ports[i].state, "open") != 0)
			continue;
		open++;
		if (k == H_PORTS) {
			(void)snprintf(num, sizeof(num), "%u/%s",
			    h->ports[i].port, pk_proto_name(h->ports[i].proto));
			sb_add(&b, ",", num);
		}
	}
	if (k == H_OPEN)
		pk_val_int(v, open, 1);
	else
		pk_val_str(v, b.s);
}

/* Out of line, as port rows have no use for its registers. */
static void __attribute__((noinline))
fill_host_row(struct pk_rowctx *rc, const struct pk_host *h,
    const char *file)
{
	const struct pk_osmatch *os = h->nosmatches > 0 ? h->osmatches : NULL;
	struct pk_value *v;
	size_t i;

	for (i = 0; i < rc->n; i++) {
		v = &rc->vals[i];
		switch (rc->idx[i]) {
		case H_FILE: pk_val_str(v, file); break;
		case H_HOST: pk_val_str(v, host_or_mac(h)); break;
		case H_HOSTNAME: pk_val_str(v, h->hostname); break;
		case H_ADDR_TYPE: pk_val_str(v, addr_type_name(h)); break;
		case H_MAC: pk_val_str(v, h->mac); break;
		case H_VENDOR: pk_val_str(v, mac_vendor(h)); break;
		case H_STATUS: pk_val_str(v, h->status); break;
		case H_REASON: pk_val_str(v, h->status_reason); break;
		case H_OS: pk_val_str(v, os != NULL ? os->name : NULL); break;
		case H_OS_ACCURACY:
			pk_val_int(v, os != NULL ? os->accuracy : -1,
			    os != NULL && os->accuracy >= 0);
			break;
		case H_STARTTIME:
			pk_val_int(v, h->starttime, h->starttime >= 0);
			break;
		case H_ENDTIME:
			pk_val_int(v, h->endtime, h->endtime >= 0);
			break;
		default:
			fill_host_lists(rc, v, rc->idx[i], h);
			break;
		}
	}
}

size_t
pk_rowctx_hold(struct pk_rowctx *rc, int on)
{
	if (rc == NULL)
		return 0;
	rc->holding = on && rc->kind == PK_REC_PORT;
	rc->from = 0;
	return rc->holding ? rc->lead : 0;
}

const struct pk_value *
pk_rowctx_fill(struct pk_rowctx *rc, const struct pk_host *h,
    const struct pk_port *p, const char *file)
{
	/* Most rows take nothing from the scratch: nothing to forget. */
	if (rc->scratch.used != 0 || rc->scratch.over)
		pk_arena_reset(&rc->scratch);
	if (rc->kind == PK_REC_HOST)
		fill_host_row(rc, h, file);
	else if (rc->kind == PK_REC_SCRIPT)
		return NULL;		/* pk_rowctx_fill_script */
	else {
		fill_port_row(rc, h, p, file);
		if (rc->holding)
			rc->from = rc->lead;
	}
	/* A list cut short by a failed allocation must not pass as whole. */
	return rc->scratch.over ? NULL : rc->vals;
}

static void
fill_script_row(struct pk_rowctx *rc, const struct pk_host *h,
    const struct pk_port *p, const struct pk_script *sc, const char *file)
{
	struct pk_value *v;
	size_t i;

	for (i = 0; i < rc->n; i++) {
		v = &rc->vals[i];
		switch (rc->idx[i]) {
		case S_FILE: pk_val_str(v, file); break;
		case S_HOST: pk_val_str(v, host_or_mac(h)); break;
		case S_PROTO:
			pk_val_str(v, p != NULL ? pk_proto_name(p->proto) :
			    NULL);
			break;
		case S_PORT:
			pk_val_int(v, p != NULL ? p->port : 0, p != NULL);
			break;
		case S_SCRIPT: pk_val_str(v, sc->id); break;
		case S_OUTPUT: pk_val_str(v, sc->output); break;
		default:
			pk_val_str(v, sc->nelems > 0 ? pk_json_elems(
			    &rc->scratch, sc->elems, sc->nelems) : NULL);
			break;
		}
	}
}

const struct pk_value *
pk_rowctx_fill_script(struct pk_rowctx *rc, const struct pk_host *h,
    const struct pk_port *p, const struct pk_script *sc, const char *file)
{
	if (rc == NULL || rc->kind != PK_REC_SCRIPT || h == NULL || sc == NULL)
		return NULL;
	pk_arena_reset(&rc->scratch);
	fill_script_row(rc, h, p, sc, file);
	return rc->scratch.over ? NULL : rc->vals;
}
