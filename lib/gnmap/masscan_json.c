/*
 * masscan_json.c - masscan's JSON outputs: -oJ, an array with a record
 * object per line and "," lines between them,
 *
 *	{   "ip": "10.0.0.1",   "timestamp": "1700000000", "ports": [ {"port":
 *	    22, "proto": "tcp", "status": "open", "reason": "syn-ack", "ttl":
 *	    64} ] }
 *
 * (a banner has "service": {"name": "ssh", "banner": "..."} instead of
 * the status), and -oD, an object per line with no array around them,
 * "rec_type" "status" or "banner" and the rest in "data".
 *
 * Records of one address in a row are one host, as in masscan's -oG and
 * -oL.  Banners are re-escaped the way masscan's other outputs write them
 * (\xHH for bytes outside printable ASCII and for <>&\"'), so that every
 * output of one run reads as the same records.  A line is read whole
 * (max_line_bytes) and parsed into a tree that is dropped with the line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gnmap/gnmap.h"
#include "gnmap/gnmap_impl.h"
#include "gnmap/json.h"

#define MJ_ADDRMAX	46	/* INET6_ADDRSTRLEN */

struct mjson {
	struct pk_arena	 line;		/* the tree of the current line */
	int		 array;		/* -oJ: the file began with "[" */
	int		 closed;	/* its "]" was seen */
	int		 records;	/* objects read so far */
	int		 cut;		/* the line has no newline */
};

static int	mj_pump(struct pk_reader *);
static void	mj_free(struct pk_reader *);

static const struct pk_reader_ops mjson_ops = { mj_pump, mj_free };

int
pk_masscan_json_init(struct pk_reader *r)
{
	struct mjson *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
	pk_arena_init(&m->line, 0);
	r->impl = m;
	r->ops = &mjson_ops;
	return PK_OK;
}

static void
mj_free(struct pk_reader *r)
{
	struct mjson *m = r->impl;

	if (m == NULL)
		return;
	pk_arena_destroy(&m->line);
	free(m);
	r->impl = NULL;
}

/*
 * A line that is not a record; in a line the input ended inside, that is
 * the cut: the hosts before it are complete.
 */
static int
mj_bad(struct pk_reader *r, unsigned long line, const char *what)
{
	struct mjson *m = r->impl;

	if (m->cut) {
		if (pk_gn_flush(r) != PK_OK)
			return r->final;
		return pk_rd_fail(r, PK_ERR_TRUNCATED, line,
		    "truncated scan: last line cut short");
	}
	return pk_rd_fail(r, PK_ERR_FORMAT, line, "masscan JSON: %s", what);
}

/* A member that must be a string (or, with num, a number too). */
static const struct js_value *
mj_str(const struct js_value *o, const char *key, int num)
{
	const struct js_value *v = pk_js_get(o, key);

	if (v == NULL || (v->type != JS_STRING && !(num && v->type == JS_NUM)))
		return NULL;
	return v;
}

static int
mj_long(const struct js_value *v, long long *out)
{
	return v != NULL && pk_parse_long(v->s, v->n, out) == 0 ? 0 : -1;
}

/* The host for address ip: the one being built, or a new one. */
static struct pk_hb *
mj_host(struct pk_reader *r, const char *ip, unsigned long line)
{
	enum pk_addrtype type = strchr(ip, ':') != NULL ? PK_ADDR_IPV6 :
	    PK_ADDR_IPV4;
	struct pk_scan *s;
	struct pk_addr *a;
	struct pk_hb *hb;

	if (r->building != NULL) {
		hb = &r->building->hb;
		if (strcmp(hb->h->addrs[0].addr, ip) == 0)
			return hb;
		if (pk_rd_host_commit(r) != PK_OK)
			return NULL;
	}
	if (!pk_addr_valid(type, ip)) {
		(void)mj_bad(r, line, "bad address");
		return NULL;
	}
	if ((s = pk_gn_scan(r)) == NULL || (hb = pk_rd_host_begin(r)) == NULL)
		return NULL;
	s->scanner = "masscan";
	hb->h->line = line;
	if ((a = pk_hb_addr(hb)) == NULL ||
	    (a->addr = pk_hb_cstr(hb, ip)) == NULL) {
		(void)pk_gn_nomem(r, hb, line);
		return NULL;
	}
	a->type = type;
	return hb;
}

/* port and proto of a record, checked as the -oL reader checks them. */
static int
mj_port(const struct js_value *rec, int *proto, unsigned *port)
{
	const struct js_value *pr = mj_str(rec, "proto", 0);
	long long v;

	if (pr == NULL || mj_long(pk_js_get(rec, "port"), &v) == -1 ||
	    v < 1 || v > 65535)
		return -1;
	*port = (unsigned)v;
	*proto = pk_proto_parse(pr->s);
	return *proto < 0 || *proto == PK_PROTO_IP ? -1 : 0;
}

/* A status record's port: state, reason, TTL. */
static int
mj_status(struct pk_reader *r, struct pk_hb *hb, unsigned long line,
    int proto, unsigned port, const struct js_value *d)
{
	const struct js_value *st = mj_str(d, "status", 0);
	const struct js_value *rs = mj_str(d, "reason", 0);
	struct pk_port *p;
	long long ttl;

	if (st == NULL || (strcmp(st->s, "open") != 0 &&
	    strcmp(st->s, "closed") != 0))
		return mj_bad(r, line, "bad or missing status");
	if ((p = pk_hb_port(hb)) == NULL)
		return pk_gn_nomem(r, hb, line);
	p->proto = proto;
	p->port = port;
	p->line = line;
	p->state = st->s[0] == 'o' ? "open" : "closed";
	if (rs != NULL && (p->reason = pk_hb_str(hb, rs->s, rs->n)) == NULL)
		return pk_gn_nomem(r, hb, line);
	if (mj_long(pk_js_get(d, "ttl"), &ttl) == 0 && ttl <= 255)
		p->reason_ttl = (int)ttl;
	return PK_OK;
}

/*
 * The banner text as masscan's XML, -oG and -oL write it: a byte
 * outside printable ASCII, or one of <>&\"', as \xHH.
 */
static char *
mj_masscan_text(struct pk_arena *a, const struct js_value *v, size_t *len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)v->s;
	char *o;
	size_t i, n = 0;

	if ((o = pk_arena_alloc(a, v->n * 4 + 1)) == NULL)
		return NULL;
	for (i = 0; i < v->n; i++) {
		if (s[i] >= 0x20 && s[i] < 0x7f && strchr("<>&\\\"'",
		    s[i]) == NULL) {
			o[n++] = (char)s[i];
			continue;
		}
		o[n++] = '\\';
		o[n++] = 'x';
		o[n++] = hex[s[i] >> 4];
		o[n++] = hex[s[i] & 15];
	}
	o[n] = '\0';
	*len = n;
	return o;
}

/* A banner record: through the -oG reader's banner path. */
static int
mj_banner(struct pk_reader *r, struct pk_hb *hb, unsigned long line,
    unsigned port, const struct js_value *type, const struct js_value *text)
{
	struct mjson *m = r->impl;
	struct gn_banner b;
	struct pk_line ln;
	char num[8];

	if (type == NULL || text == NULL)
		return mj_bad(r, line, "banner without a name or text");
	memset(&b, 0, sizeof(b));
	memset(&ln, 0, sizeof(ln));
	ln.no = line;
	b.nport = (size_t)snprintf(num, sizeof(num), "%u", port);
	b.port = num;
	b.svc = type->s;
	b.nsvc = type->n;
	if ((b.text = mj_masscan_text(&m->line, text, &b.ntext)) == NULL)
		return pk_rd_fail(r, PK_ERR_NOMEM, line, "out of memory");
	return pk_masscan_banner(r, hb, &ln, &b);
}

/* -oJ: "ports": [ {port, proto, status... | service: {name, banner}} ] */
static int
mj_ports(struct pk_reader *r, struct pk_hb *hb, unsigned long line,
    const struct js_value *ports)
{
	const struct js_value *e, *svc;
	unsigned port;
	int proto, rc;

	if (ports == NULL || ports->type != JS_ARRAY)
		return mj_bad(r, line, "record without \"ports\" or "
		    "\"rec_type\"");
	for (e = ports->first; e != NULL; e = e->next) {
		if (e->type != JS_OBJECT || mj_port(e, &proto, &port) == -1)
			return mj_bad(r, line, "bad port or protocol");
		if ((svc = pk_js_get(e, "service")) != NULL)
			rc = mj_banner(r, hb, line, port, mj_str(svc, "name",
			    0), mj_str(svc, "banner", 0));
		else
			rc = mj_status(r, hb, line, proto, port, e);
		if (rc != PK_OK)
			return rc;
	}
	return PK_OK;
}

/* -oD: "port", "proto", "rec_type" and "data" in the record itself. */
static int
mj_ndjson(struct pk_reader *r, struct pk_hb *hb, unsigned long line,
    const struct js_value *rec, const struct js_value *type)
{
	const struct js_value *d = pk_js_get(rec, "data");
	unsigned port;
	int proto;

	if (mj_port(rec, &proto, &port) == -1)
		return mj_bad(r, line, "bad port or protocol");
	if (d == NULL || d->type != JS_OBJECT)
		return mj_bad(r, line, "record without \"data\"");
	if (strcmp(type->s, "banner") == 0)
		return mj_banner(r, hb, line, port, mj_str(d, "service_name",
		    0), mj_str(d, "banner", 0));
	if (strcmp(type->s, "status") == 0)
		return mj_status(r, hb, line, proto, port, d);
	return mj_bad(r, line, "unknown rec_type");
}

static int
mj_record(struct pk_reader *r, unsigned long line, const struct js_value *rec)
{
	const struct js_value *ip = mj_str(rec, "ip", 0);
	const struct js_value *type = mj_str(rec, "rec_type", 0);
	struct pk_hb *hb;
	long long ts;

	if (rec->type != JS_OBJECT)
		return mj_bad(r, line, "a record is not an object");
	if (ip == NULL || ip->n == 0 || ip->n >= MJ_ADDRMAX)
		return mj_bad(r, line, "record without an \"ip\" address");
	if ((hb = mj_host(r, ip->s, line)) == NULL)
		return r->final;
	if (mj_long(mj_str(rec, "timestamp", 1), &ts) == 0 &&
	    ts > hb->h->endtime)
		hb->h->endtime = ts;
	if (type != NULL)
		return mj_ndjson(r, hb, line, rec, type);
	return mj_ports(r, hb, line, pk_js_get(rec, "ports"));
}

/* "[", "]" or "," alone on a line (blanks around them skipped). */
static int
mj_punct(const char *p, size_t n, char c)
{
	return n == 1 && *p == c;
}

/* One line: punctuation of the -oJ array, or a record object. */
static int
mj_line(struct pk_reader *r, struct mjson *m, const char *p, size_t n,
    unsigned long no)
{
	struct js_value v;
	char msg[96];
	size_t used;

	while (n > 0 && (*p == ' ' || *p == '\t'))
		p++, n--;
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n == 0)
		return PK_OK;
	if (m->closed)
		return mj_bad(r, no, "data after the closing \"]\"");
	if (mj_punct(p, n, '[') && !m->array && m->records == 0) {
		m->array = 1;
		return PK_OK;
	}
	if (mj_punct(p, n, ']') && m->array) {
		m->closed = 1;
		return pk_gn_flush(r);
	}
	if (mj_punct(p, n, ',') && m->array)
		return PK_OK;
	if (*p != '{')
		return mj_bad(r, no, "expected a record object on the line");
	pk_arena_reset(&m->line);
	if (pk_js_parse(&m->line, p, n, &used, &v, msg, sizeof(msg)) == -1)
		return mj_bad(r, no, msg);
	/* masscan 1.0 ended every record with "," even the last. */
	if (used < n && p[used] == ',' && m->array)
		used++;
	if (used != n)
		return mj_bad(r, no, "one record object per line expected");
	m->records++;
	return mj_record(r, no, &v);
}

static int
mj_eof(struct pk_reader *r, struct mjson *m)
{
	int rc;

	if (m->array && !m->closed) {
		if ((rc = pk_gn_flush(r)) != PK_OK)
			return rc;
		return pk_rd_fail(r, PK_ERR_TRUNCATED, pk_input_lines(r->in),
		    "truncated scan: no closing \"]\"");
	}
	if ((rc = pk_gn_flush(r)) != PK_OK)
		return rc;
	if (m->records == 0 && !m->array)
		return pk_rd_fail(r, PK_ERR_FORMAT, 0, "empty input");
	return PK_EOF;
}

static int
mj_pump(struct pk_reader *r)
{
	struct mjson *m = r->impl;
	unsigned long before = r->ncommit, no;
	uint64_t off;
	const char *p;
	size_t n;
	int i, rc;

	for (i = 0; i < 256 && r->ncommit == before; i++) {
		off = pk_input_offset(r->in);
		rc = pk_input_getline(r->in, &p, &n, &no);
		if (rc == PK_EOF)
			return mj_eof(r, m);
		if (rc != PK_OK) {
			pk_rd_host_abort(r);
			return pk_rd_fail_input(r);
		}
		/*
		 * No newline: the input ended inside this line, unless it
		 * holds a whole record (-oD's last line may lack one).
		 */
		m->cut = pk_input_offset(r->in) - off == n;
		if (memchr(p, '\0', n) != NULL)
			rc = mj_bad(r, no, "NUL byte in line");
		else
			rc = mj_line(r, m, p, n, no);
		if (rc == PK_ERR_TRUNCATED)
			return rc;
		if (rc != PK_OK) {
			pk_rd_host_abort(r);
			return rc;
		}
	}
	return PK_OK;
}
