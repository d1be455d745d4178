/*
 * collect.c - one host into every engine that wants it.
 *
 * The engines are the tools' own, driven through their public API: the
 * port ranking of ptop, a second ranking keyed by service, product and
 * version for the inventory, pnonstd's checker, pdiff's comparison and
 * pfirewall's inference.  Which of them sees a host depends on what its
 * input is (report_impl.h, enum rp_role), decided once every input's
 * first host has been read.
 */
#include <stdlib.h>
#include <string.h>

#include "report/report_impl.h"

/* --- Roles and engines ------------------------------------------------- */

static const char *const no_ack =
    "No ACK scan among the inputs: give one (nmap -sA) of the same hosts "
    "beside the SYN or connect scan to see where a packet filter sits and "
    "what kind it is.";
static const char *const no_syn =
    "An ACK scan was given but no SYN or connect scan of the same hosts "
    "to set it against.";
static const char *const too_many =
    "The firewall inference sets SYN or connect scans against one ACK "
    "scan of the same hosts; the inputs hold more than one.";

/*
 * Firewall roles: one ACK scan, held with any UDP-only scans, against
 * which every SYN or connect scan is streamed (a report often covers
 * more hosts than the ACK scan did: those are "syn-only").
 */
static void
fw_roles(struct pk_report *rp)
{
	size_t i, nack = 0, nsyn = 0;
	struct rp_input *in;

	for (i = 0; i < rp->nin; i++) {
		in = &rp->in[i];
		nack += in->role == RP_ACK;
		nsyn += in->role == RP_SCAN && in->fwr.tcp == PK_FW_ROLE_SYN;
	}
	rp->fw_why = nack == 0 ? no_ack : nsyn == 0 ? no_syn :
	    nack > 1 ? too_many : NULL;
	if (rp->fw_why != NULL)
		return;
	for (i = 0; i < rp->nin; i++) {
		in = &rp->in[i];
		if (in->role != RP_SCAN)
			continue;
		if (in->fwr.tcp == PK_FW_ROLE_SYN)
			in->role = RP_SYN;
		else if (in->fwr.tcp == PK_FW_ROLE_NONE && in->fwr.udp != 0)
			in->role = RP_UDP;
	}
}

/* Earlier scans, ACK scans, UDP-only scans, then the rest as added. */
static void
plan(struct pk_report *rp)
{
	static const int first[] = { RP_SINCE, RP_ACK, RP_UDP };
	size_t i, k;

	rp->norder = 0;
	for (k = 0; k < sizeof(first) / sizeof(first[0]); k++)
		for (i = 0; i < rp->nin; i++)
			if (rp->in[i].role == first[k])
				rp->order[rp->norder++] = i;
	for (i = 0; i < rp->nin; i++)
		if (rp->in[i].role == RP_SCAN || rp->in[i].role == RP_SYN)
			rp->order[rp->norder++] = i;
}

static int
is_main(const struct rp_input *in)
{
	return in->role != RP_SINCE && in->role != RP_ACK;
}

/*
 * One nmap run lists each host once, so a report on a single nmap input
 * needs no host tables (memory stays with the keys); several inputs, or
 * masscan's one record per port, need them to count a host once.
 */
static int
ranks(struct pk_report *rp, size_t nmain, int masscan)
{
	unsigned open;

	if (pk_rank_states_parse("open", &open) != PK_OK)
		return PK_ERR_USAGE;
	if ((rp->ports = pk_rank_new(PK_RANK_PORT, open)) == NULL ||
	    (rp->svcs = pk_rank_new(PK_RANK_PRODUCT, open)) == NULL)
		return PK_ERR_NOMEM;
	rp->distinct = nmain == 1 && !masscan;
	if (rp->distinct && (pk_rank_set_distinct(rp->ports, 1) != PK_OK ||
	    pk_rank_set_distinct(rp->svcs, 1) != PK_OK))
		return PK_ERR_USAGE;
	return PK_OK;
}

int
rp_engines(struct pk_report *rp)
{
	struct pk_diff_opts dopts;
	size_t i, nmain = 0, nsince = 0;
	int masscan = 0, rc;

	fw_roles(rp);
	plan(rp);
	for (i = 0; i < rp->nin; i++) {
		nsince += rp->in[i].role == RP_SINCE;
		if (!is_main(&rp->in[i]))
			continue;
		nmain++;
		masscan |= rp->in[i].scanner == NULL ||
		    strcmp(rp->in[i].scanner, "nmap") != 0;
	}
	if ((rc = ranks(rp, nmain, masscan)) != PK_OK)
		return rc;
	if (rp->fw_why == NULL && (rp->fw = pk_fw_new()) == NULL)
		return PK_ERR_NOMEM;
	if (nsince == 0)
		return PK_OK;
	/* As pdiff: hold the newer side too when it comes in pieces. */
	memset(&dopts, 0, sizeof(dopts));
	if (nmain > 1 || masscan)
		dopts.flags |= PK_DIFF_MERGE;
	if ((rp->diff = pk_diff_new(&dopts)) == NULL)
		return PK_ERR_NOMEM;
	return PK_OK;
}

/* --- One host -------------------------------------------------------- */

/* A copy of s with the key separator replaced, in the scratch arena. */
static char *
part(struct pk_report *rp, const char *pre, const char *s)
{
	size_t n = strlen(pre), m = s != NULL ? strlen(s) : 0, i;
	char *d;

	if ((d = pk_arena_alloc(&rp->scratch, n + m + 1)) == NULL)
		return NULL;
	memcpy(d, pre, n);
	for (i = 0; i < m; i++)
		d[n + i] = s[i] == RP_FIELD_SEP ? '?' : s[i];
	d[n + m] = '\0';
	return d;
}

/* "ssl/http SEP nginx SEP 1.22.1", the key of the services ranking. */
static const char *
service_key(struct pk_report *rp, const struct pk_port *p)
{
	char sep[2] = { RP_FIELD_SEP, '\0' }, *a, *b, *c, *k, *name;
	size_t na, nb, nc;

	na = pk_port_service_len(p) + 1;
	if ((name = pk_arena_alloc(&rp->scratch, na)) == NULL ||
	    (a = part(rp, "", pk_port_service(p, name, na))) == NULL ||
	    (b = part(rp, sep, p->product)) == NULL ||
	    (c = part(rp, sep, p->version)) == NULL)
		return NULL;
	na = strlen(a);
	nb = strlen(b);
	nc = strlen(c);
	if ((k = pk_arena_alloc(&rp->scratch, na + nb + nc + 1)) == NULL)
		return NULL;
	memcpy(k, a, na);
	memcpy(k + na, b, nb);
	memcpy(k + na + nb, c, nc + 1);
	return k;
}

/*
 * The services ranking counts hosts per (service, product, version), with
 * the ports they run on: pk_rank's product key over a stand-in of the
 * host whose open ports carry that triple as their product and
 * "port/proto" as their service.  A host counts once per triple, as a
 * host counts once per port.
 */
static int
count_services(struct pk_report *rp, const struct pk_host *h)
{
	struct pk_host sh = *h;
	struct pk_port *sp;
	const struct pk_port *p;
	char num[32];
	size_t i, n = 0;
	int versions;

	pk_arena_reset(&rp->scratch);
	if (rp_grow(&rp->shadow, &rp->capshadow, h->nports + 1,
	    sizeof(*rp->shadow)) != 0)
		return PK_ERR_NOMEM;
	versions = pk_scan_versions(h->scan);
	for (i = 0; i < h->nports; i++) {
		p = &h->ports[i];
		/* As ptop --by service: nmap's guesses are no services. */
		if (p->state == NULL || strcmp(p->state, "open") != 0 ||
		    (p->product == NULL && !pk_port_detected(p, versions)))
			continue;
		sp = &rp->shadow[n];
		memset(sp, 0, sizeof(*sp));
		sp->proto = p->proto;
		sp->port = p->port;
		sp->state = p->state;
		(void)snprintf(num, sizeof(num), "%u/%s", p->port,
		    pk_proto_name(p->proto) ? pk_proto_name(p->proto) : "?");
		if ((sp->product = service_key(rp, p)) == NULL ||
		    (sp->service = part(rp, "", num)) == NULL)
			return PK_ERR_NOMEM;
		n++;
	}
	if (n == 0)
		return PK_OK;
	sh.ports = rp->shadow;
	sh.nports = n;
	sh.nextraports = 0;
	return pk_rank_add(rp->svcs, &sh) == PK_ERR_NOMEM ? PK_ERR_NOMEM :
	    PK_OK;
}

static int
check_nonstd(struct pk_report *rp, const struct pk_host *h)
{
	const struct pk_ns_finding *f;
	size_t i, j, n;
	int versions;

	if (rp->opts.nonstd == NULL)
		return PK_OK;
	versions = pk_scan_versions(h->scan);
	for (i = 0; i < h->nports; i++) {
		/* The checker judges open ports only: skip the rest early. */
		if (h->ports[i].state == NULL ||
		    strcmp(h->ports[i].state, "open") != 0)
			continue;
		if (pk_nonstd_port(rp->opts.nonstd, h->host != NULL ? h->host :
		    h->mac, &h->ports[i], versions, &f, &n) != PK_OK)
			return PK_ERR_NOMEM;
		for (j = 0; j < n; j++)
			if (rp_ns_add(rp, &f[j]) != PK_OK)
				return PK_ERR_NOMEM;
	}
	return PK_OK;
}

/* The sections that describe the scans themselves. */
static int
count_host(struct pk_report *rp, const struct rp_input *in,
    const struct pk_host *h)
{
	int rc, again;

	if (h->status != NULL && strcmp(h->status, "up") != 0) {
		rp->down += strcmp(h->status, "down") == 0;
		return PK_OK;
	}
	if ((rc = pk_rank_add(rp->ports, h)) == PK_ERR_NOMEM)
		return rc;
	again = rc == PK_EOF;
	if ((rc = count_services(rp, h)) != PK_OK ||
	    (rc = check_nonstd(rp, h)) != PK_OK)
		return rc;
	return rp_hosts_add(&rp->hosts, h, in->name, again);
}

/* pk_fw refuses a host with a bad extraports list: count it, go on. */
static int
fw_result(struct pk_report *rp, int rc)
{
	if (rc == PK_ERR_FORMAT) {
		rp->fw_bad++;
		return PK_OK;
	}
	return rc;
}

static int
fw_host(struct pk_report *rp, const struct rp_input *in,
    const struct pk_host *h)
{
	const struct pk_fw_host *fh;
	int rc;

	if (rp->fw == NULL)
		return PK_OK;
	/* A SYN scan's down hosts say nothing of a filter. */
	if (in->role == RP_SYN && h->status != NULL &&
	    strcmp(h->status, "up") != 0)
		return PK_OK;
	if (in->role != RP_SYN)
		return fw_result(rp, pk_fw_hold(rp->fw, h, &in->fwr));
	if ((rc = pk_fw_host(rp->fw, h, &in->fwr, &fh)) != PK_OK)
		return fw_result(rp, rc);
	return rp_fw_keep(rp, fh);
}

/* A host without an address cannot be compared; it is still counted. */
static int
diff_host(struct pk_report *rp, int side, const struct pk_host *h)
{
	int rc;

	if (rp->diff == NULL)
		return PK_OK;
	rc = pk_diff_add(rp->diff, side, h);
	return rc == PK_ERR_NOMEM ? rc : PK_OK;
}

int
rp_collect(struct pk_report *rp, struct rp_input *in, const struct pk_host *h)
{
	int rc;

	in->hosts++;
	if (h->scan != NULL && h->scan->docno > in->runs) {
		in->runs = h->scan->docno;
		if (in->runs > 1 && rp->distinct && is_main(in))
			rp->multirun = 1;
	}
	if (in->role == RP_SINCE)
		return diff_host(rp, PK_DIFF_A, h);
	if (in->role != RP_SCAN && (rc = fw_host(rp, in, h)) != PK_OK)
		return rc;
	if (in->role == RP_ACK)
		return PK_OK;
	if ((rc = diff_host(rp, PK_DIFF_B, h)) != PK_OK)
		return rc;
	return count_host(rp, in, h);
}
