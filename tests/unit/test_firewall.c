/*
 * test_firewall.c - the per-port inference table, scan roles, the
 * engine over held and streamed hosts (ranges, folded ports, memory),
 * and listening sockets of a dump set against a scan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "harness.h"

static struct pk_host
host(const char *addr, struct pk_port *ports, size_t n)
{
	struct pk_host h;

	memset(&h, 0, sizeof(h));
	h.host = addr;
	h.status = "up";
	h.ports = ports;
	h.nports = n;
	return h;
}

static struct pk_port
port(unsigned num, const char *state, const char *reason)
{
	struct pk_port p;

	memset(&p, 0, sizeof(p));
	p.proto = PK_PROTO_TCP;
	p.port = num;
	p.state = state;
	p.reason = reason;
	return p;
}

static const struct pk_fw_roles syn = { PK_FW_ROLE_SYN, "syn", 0 };
static const struct pk_fw_roles ack = { PK_FW_ROLE_ACK, "ack", 0 };

/* The table of pfirewall(1), as observed in the lab (FIELD-NOTES). */
TEST(test_infer_table)
{
	assert_int(pk_fw_infer("open", "syn-ack", "unfiltered", "reset"),
	    PK_FW_NO_FILTER);
	assert_int(pk_fw_infer("closed", "reset", "unfiltered", "reset"),
	    PK_FW_NO_FILTER_OR_RESET);
	assert_int(pk_fw_infer("open", "syn-ack", "filtered", "no-response"),
	    PK_FW_STATEFUL);
	assert_int(pk_fw_infer("closed", "reset", "filtered", "no-response"),
	    PK_FW_STATEFUL);
	assert_int(pk_fw_infer("filtered", "no-response", "unfiltered",
	    "reset"), PK_FW_STATELESS_SYN);
	assert_int(pk_fw_infer("filtered", "no-response", "filtered",
	    "no-response"), PK_FW_DROP);
	assert_int(pk_fw_infer("filtered", "port-unreach", "filtered",
	    "port-unreach"), PK_FW_REJECT);
	assert_int(pk_fw_infer("filtered", "admin-prohibited", "filtered",
	    "admin-prohibited"), PK_FW_REJECT);
	assert_int(pk_fw_infer("filtered", "host-unreach", "filtered",
	    "no-response"), PK_FW_REJECT);
	assert_int(pk_fw_infer("closed", "conn-refused", "filtered",
	    "port-unreach"), PK_FW_REJECT);
	assert_int(pk_fw_infer("filtered", NULL, "filtered", NULL),
	    PK_FW_DROP_OR_REJECT);
	assert_int(pk_fw_infer("open", NULL, NULL, NULL), PK_FW_SYN_ONLY);
	assert_int(pk_fw_infer(NULL, NULL, "filtered", NULL), PK_FW_ACK_ONLY);
	assert_int(pk_fw_infer("open", "syn-ack", "open", "reset"),
	    PK_FW_INCONSISTENT);
	assert_int(pk_fw_infer("filtered", "syn-ack", "filtered",
	    "no-response"), PK_FW_INCONSISTENT);
	assert_int(pk_fw_infer_udp("open|filtered", "no-response"),
	    PK_FW_OPEN_FILTERED);
	assert_int(pk_fw_infer_udp("closed", "port-unreach"),
	    PK_FW_NO_FILTER);
	assert_int(pk_fw_infer_udp("filtered", "admin-prohibited"),
	    PK_FW_REJECT);
}

TEST(test_verdict_names)
{
	assert_str(pk_fw_verdict_name(PK_FW_NO_FILTER_OR_RESET),
	    "no-filter|reject-reset");
	assert_str(pk_fw_verdict_name(PK_FW_ACK_ONLY), "ack-only");
	assert_true(pk_fw_verdict_name(PK_FW_NVERDICTS) == NULL);
	assert_true(pk_fw_verdict_filters(PK_FW_STATEFUL));
	assert_true(!pk_fw_verdict_filters(PK_FW_NO_FILTER_OR_RESET));
	assert_true(!pk_fw_verdict_filters(PK_FW_OPEN_FILTERED));
	assert_true(strstr(pk_fw_verdict_text(PK_FW_OPEN_FILTERED,
	    PK_PROTO_UDP), "-sUV") != NULL);
}

TEST(test_roles)
{
	struct pk_scaninfo si = { "ack", "tcp", 1000, "1-1000" };
	struct pk_scaninfo su[2] = { { "syn", "tcp", 1, "22" },
	    { "udp", "udp", 1, "53" } };
	struct pk_scan s;
	struct pk_fw_roles r;

	memset(&s, 0, sizeof(s));
	s.scaninfo = &si;
	s.nscaninfo = 1;
	s.args = "nmap -sS x";		/* scaninfo wins */
	assert_int(pk_fw_roles(&s, &r), PK_OK);
	assert_int(r.tcp, PK_FW_ROLE_ACK);
	assert_str(r.tcp_type, "ack");
	s.scaninfo = su;
	s.nscaninfo = 2;
	s.args = "nmap -sSUV x";
	assert_int(pk_fw_roles(&s, &r), PK_OK);
	assert_int(r.tcp, PK_FW_ROLE_SYN);
	assert_int(r.udp, 2);
	/* Grepable: only the arguments. */
	s.nscaninfo = 0;
	s.args = "nmap -n -sT --max-retries 1 -oG x.gnmap 10.0.0.1";
	assert_int(pk_fw_roles(&s, &r), PK_OK);
	assert_str(r.tcp_type, "connect");
	s.args = "nmap -n -Pn -sA -T4 10.0.0.1";
	assert_int(pk_fw_roles(&s, &r), PK_OK);
	assert_int(r.tcp, PK_FW_ROLE_ACK);
	s.args = "nmap -sW --data-string -sA-not 10.0.0.1";
	assert_int(pk_fw_roles(&s, &r), PK_OK);
	assert_str(r.tcp_type, "window");
	s.args = "nmap 10.0.0.1";
	assert_int(pk_fw_roles(&s, &r), PK_OK);
	assert_str(r.tcp_type, "syn");
	s.args = NULL;
	assert_int(pk_fw_roles(&s, &r), PK_ERR_FORMAT);
	assert_int(pk_fw_roles(NULL, &r), PK_ERR_FORMAT);
}

/* The stateful host of the lab, its 65533 other ports folded. */
TEST(test_engine_stateful_folded)
{
	struct pk_port sp[] = { port(22, "open", "syn-ack"),
	    port(80, "open", "syn-ack") };
	struct pk_extrareason sr = { "no-response", 65533, "tcp",
	    "1-21,23-79,81-65535" };
	struct pk_extraports se = { "filtered", 65533, &sr, 1 };
	struct pk_extrareason ar = { "no-response", 65535, "tcp", "1-65535" };
	struct pk_extraports ae = { "filtered", 65535, &ar, 1 };
	struct pk_host hs = host("10.0.0.5", sp, 2), ha = host("10.0.0.5",
	    NULL, 0);
	const struct pk_fw_host *o;
	struct pk_fw *fw = pk_fw_new();

	if (!assert_true(fw != NULL))
		return;
	hs.extraports = &se;
	hs.nextraports = 1;
	ha.extraports = &ae;
	ha.nextraports = 1;
	assert_int(pk_fw_hold(fw, &ha, &ack), PK_OK);
	/* One run, not 65535 ports. */
	assert_true(pk_fw_memory(fw) < 4096);
	assert_int(pk_fw_host(fw, &hs, &syn, &o), PK_OK);
	if (!assert_true(o != NULL))
		goto out;
	assert_str(o->host, "10.0.0.5");
	/* SYN and ACK probes cannot tell conntrack from a non-SYN drop. */
	assert_str(o->kind, "ambiguous");
	assert_int(o->filtering, 1);
	assert_str(o->summary, "ambiguous (a stateful firewall, or a stateless rule dropping "
	    "non-SYN packets; a version scan, -sV, of a port open to SYN "
	    "would tell): 65533 ports "
	    "dropped (SYN and ACK); open 22,80");
	assert_int(o->nrows, 2);
	assert_str(o->rows[0].ports, "1-21,23-79,81-65535");
	assert_int(o->rows[0].verdict, PK_FW_DROP);
	assert_int(o->rows[1].verdict, PK_FW_STATEFUL);
	assert_int(o->rows[1].count, 2);
	assert_int(o->nsegs, 5);
	assert_int(o->segs[1].lo, 22);
	assert_int(o->segs[1].row, 1);
	assert_int(pk_fw_next_unmatched(fw, &o), PK_EOF);
	assert_str(pk_fw_summary(fw), "1 host: 1 ambiguous");
out:
	pk_fw_free(fw);
}

/* Hosts and ports on one side only, and the order of unmatched hosts. */
TEST(test_engine_one_sided)
{
	struct pk_port sp[] = { port(22, "open", "syn-ack"),
	    port(25, "closed", "reset") };
	struct pk_port ap[] = { port(22, "unfiltered", "reset"),
	    port(23, "filtered", "no-response") };
	struct pk_host hs = host("10.0.0.1", sp, 2);
	struct pk_host ha = host("10.0.0.1", ap, 2);
	struct pk_host hb = host("10.0.0.2", ap, 1);
	struct pk_host hc = host("10.0.0.3", ap, 1);
	const struct pk_fw_host *o;
	struct pk_fw *fw = pk_fw_new();

	if (!assert_true(fw != NULL))
		return;
	assert_int(pk_fw_hold(fw, &hb, &ack), PK_OK);
	assert_int(pk_fw_hold(fw, &ha, &ack), PK_OK);
	assert_int(pk_fw_hold(fw, &hc, &ack), PK_OK);
	assert_int(pk_fw_host(fw, &hs, &syn, &o), PK_OK);
	assert_int(o->nrows, 3);
	assert_str(o->kind, "none");
	assert_int(o->filtering, 0);
	assert_int(o->counts[PK_FW_ACK_ONLY], 1);
	assert_int(o->counts[PK_FW_SYN_ONLY], 1);
	assert_str(o->summary, "no filtering seen: open 22; only in the "
	    "SYN scan 25; only in the ACK scan 23");
	assert_int(pk_fw_next_unmatched(fw, &o), PK_OK);
	assert_str(o->host, "10.0.0.2");
	assert_str(o->kind, "ack-only");
	assert_int(pk_fw_next_unmatched(fw, &o), PK_OK);
	assert_str(o->host, "10.0.0.3");
	assert_int(pk_fw_next_unmatched(fw, &o), PK_EOF);
	assert_str(pk_fw_summary(fw), "3 hosts: 1 no filtering seen, "
	    "2 only in the ACK scan");
	pk_fw_free(fw);
}

TEST(test_engine_bad_ranges)
{
	struct pk_extrareason r = { "no-response", 3, "tcp", "1-3,x" };
	struct pk_extraports e = { "filtered", 3, &r, 1 };
	struct pk_host h = host("10.0.0.1", NULL, 0);
	const struct pk_fw_host *o;
	struct pk_fw *fw = pk_fw_new();

	if (!assert_true(fw != NULL))
		return;
	h.extraports = &e;
	h.nextraports = 1;
	assert_int(pk_fw_hold(fw, &h, &ack), PK_ERR_FORMAT);
	r.ports = "5-4";
	assert_int(pk_fw_host(fw, &h, &syn, &o), PK_ERR_FORMAT);
	r.ports = "70000";
	assert_int(pk_fw_host(fw, &h, &syn, &o), PK_ERR_FORMAT);
	pk_fw_free(fw);
	pk_fw_free(NULL);
}

/* The kind a host's evidence proves, or the candidates it leaves. */
TEST(test_engine_kinds)
{
	/* nftables with loose pickup, or a stateless allow-list. */
	struct pk_port s1[] = { port(22, "open", "syn-ack"),
	    port(443, "closed", "reset"), port(80, "filtered", "no-response") };
	struct pk_port a1[] = { port(22, "unfiltered", "reset"),
	    port(443, "unfiltered", "reset"),
	    port(80, "filtered", "no-response") };
	/* No conntrack: non-SYN dropped to 22, SYN dropped to 8081. */
	struct pk_port s2[] = { port(22, "open", "syn-ack"),
	    port(8081, "filtered", "no-response") };
	struct pk_port a2[] = { port(22, "filtered", "no-response"),
	    port(8081, "unfiltered", "reset") };
	struct pk_host hs1 = host("10.0.0.1", s1, 3);
	struct pk_host ha1 = host("10.0.0.1", a1, 3);
	struct pk_host hs2 = host("10.0.0.2", s2, 2);
	struct pk_host ha2 = host("10.0.0.2", a2, 2);
	struct pk_host hs3 = host("10.0.0.3", NULL, 0);
	struct pk_host ha3 = host("10.0.0.3", NULL, 0);
	struct pk_host hs4 = host("10.0.0.4", NULL, 0);
	struct pk_host ha4 = host("10.0.0.4", a1, 1);
	const struct pk_fw_host *o;
	struct pk_fw *fw = pk_fw_new();

	if (!assert_true(fw != NULL))
		return;
	hs3.status = ha3.status = hs4.status = "down";
	assert_int(pk_fw_hold(fw, &ha1, &ack), PK_OK);
	assert_int(pk_fw_hold(fw, &ha2, &ack), PK_OK);
	assert_int(pk_fw_hold(fw, &ha3, &ack), PK_OK);
	assert_int(pk_fw_hold(fw, &ha4, &ack), PK_OK);
	assert_int(pk_fw_host(fw, &hs1, &syn, &o), PK_OK);
	assert_str(o->kind, "ambiguous");
	assert_str(o->summary, "ambiguous (stateless rules, or a stateful "
	    "firewall whose conntrack picks up a lone ACK; a FIN scan, -sF, "
	    "would tell): dropped (SYN and ACK) 80; open 22; closed 443");
	assert_int(pk_fw_host(fw, &hs2, &syn, &o), PK_OK);
	assert_str(o->kind, "ambiguous");
	assert_str(o->summary, "ambiguous (stateless rules, and a stateful "
	    "firewall or a stateless rule dropping non-SYN packets; a version "
	    "scan, -sV, of a port open to SYN would tell): SYN blocked, ACK "
	    "passes 8081; open 22");
	assert_int(pk_fw_host(fw, &hs3, &syn, &o), PK_OK);
	assert_str(o->kind, "down");
	assert_int(o->filtering, 0);
	assert_str(o->summary, "down in every scan");
	assert_int(pk_fw_host(fw, &hs4, &syn, &o), PK_OK);
	assert_str(o->kind, "ack-only");
	assert_str(o->summary, "down in the SYN scan, up in the ACK scan");
	assert_str(pk_fw_summary(fw), "4 hosts: 2 ambiguous, 1 up in the "
	    "ACK scan only, 1 down in every scan");
	pk_fw_free(fw);
}

/* The recorded lab: the held ACK scan, the streamed SYN scan. */
TEST(test_engine_lab)
{
	const char *want[] = {
	    "ambiguous (a stateful firewall, or a stateless rule dropping "
		"non-SYN packets; a version scan, -sV, of a port open to SYN "
		"would tell): 1008 ports dropped (SYN and ACK); open "
		"22,80; rejects (tcp-reset, or no filter) 113",
	    "stateless rules: dropped (SYN and ACK) 8083; SYN blocked, ACK "
		"passes 8081-8082; rejected 8084-8085 (port-unreach, "
		"admin-prohibited); open 22,80; 1004 ports closed",
	    "no filtering seen: open 22,80; 1009 ports closed" };
	struct pk_reader *ra, *rs;
	const struct pk_host *h;
	const struct pk_fw_host *o;
	struct pk_fw_roles ro;
	struct pk_fw *fw = pk_fw_new();
	size_t i = 0;

	ra = pk_reader_open(testdata_path("pfirewall/fw-sA.xml"), NULL);
	rs = pk_reader_open(testdata_path("pfirewall/fw-sS.xml"), NULL);
	if (!assert_true(fw != NULL && ra != NULL && rs != NULL))
		return;
	while (pk_reader_next(ra, &h) == PK_OK) {
		assert_int(pk_fw_roles(pk_reader_scan(ra), &ro), PK_OK);
		assert_int(pk_fw_hold(fw, h, &ro), PK_OK);
	}
	while (pk_reader_next(rs, &h) == PK_OK && i < 3) {
		assert_int(pk_fw_roles(pk_reader_scan(rs), &ro), PK_OK);
		assert_int(ro.tcp, PK_FW_ROLE_SYN);
		assert_int(pk_fw_host(fw, h, &ro, &o), PK_OK);
		assert_str(o->summary, want[i++]);
	}
	assert_int(i, 3);
	assert_str(pk_fw_summary(fw), "3 hosts: 1 ambiguous, "
	    "1 stateless rules, 1 no filtering seen");
	pk_reader_free(ra);
	pk_reader_free(rs);
	pk_fw_free(fw);
}

/*
 * A held ACK host with two listed ports and 997 folded ones is six runs:
 * under 176 bytes each on LP64 (it was 217 before the counts became 32
 * bits), whatever the number of hosts.
 */
TEST(test_engine_hold_compact)
{
	struct pk_port ap[] = { port(22, "unfiltered", "reset"),
	    port(113, "unfiltered", "reset") };
	struct pk_extrareason ar = { "no-response", 997, "tcp",
	    "1-21,23-79,81-112,114-1000" };
	struct pk_extraports ae = { "filtered", 997, &ar, 1 };
	struct pk_host h = host(NULL, ap, 2);
	struct pk_fw *fw = pk_fw_new();
	char addr[32];
	unsigned i;

	if (!assert_true(fw != NULL))
		return;
	h.host = addr;
	h.extraports = &ae;
	h.nextraports = 1;
	for (i = 0; i < 4096; i++) {
		(void)snprintf(addr, sizeof(addr), "10.0.%u.%u", i >> 8,
		    i & 255);
		assert_int(pk_fw_hold(fw, &h, &ack), PK_OK);
	}
	if (sizeof(void *) == 8)
		assert_true(pk_fw_memory(fw) / 4096 < 176);
	pk_fw_free(fw);
}

/* Grepable folded counts without port lists add up, and saturate. */
TEST(test_engine_unlisted_saturates)
{
	struct pk_port sp[] = { port(22, "open", "syn-ack") };
	struct pk_extraports ae = { "filtered", 3000000000L, NULL, 0 };
	struct pk_host hs = host("10.0.0.7", sp, 1), ha = host("10.0.0.7",
	    NULL, 0);
	const struct pk_fw_host *o;
	struct pk_fw *fw = pk_fw_new();

	if (!assert_true(fw != NULL))
		return;
	ha.extraports = &ae;
	ha.nextraports = 1;
	assert_int(pk_fw_hold(fw, &ha, &ack), PK_OK);
	assert_int(pk_fw_hold(fw, &ha, &ack), PK_OK);
	assert_int(pk_fw_host(fw, &hs, &syn, &o), PK_OK);
	if (assert_true(o != NULL))
		assert_str(o->summary, "no filtering seen: only in the SYN "
		    "scan 22; 4294967295 folded ports of the ACK scan not "
		    "compared (no port list)");
	pk_fw_free(fw);
}

static struct pk_sock
lsock(int proto, const char *addr, unsigned num, int family)
{
	struct pk_sock s;

	memset(&s, 0, sizeof(s));
	s.format = PK_FMT_SS;
	s.proto = proto;
	s.addr = addr;
	s.port = num;
	s.state = proto == PK_PROTO_TCP ? "listen" : "unconn";
	s.listening = 1;
	s.peer_port = -1;
	s.process = "sshd";
	s.pid = 7;
	s.fd = 3;
	s.family = family;
	return s;
}

/* Every class, wildcards of each family, a folded port, two hosts. */
TEST(test_listen_classes)
{
	struct pk_sock so[] = {
	    lsock(PK_PROTO_TCP, "0.0.0.0", 22, 4),	/* open */
	    lsock(PK_PROTO_TCP, "0.0.0.0", 6379, 4),	/* filtered */
	    lsock(PK_PROTO_TCP, "127.0.0.1", 631, 4),
	    lsock(PK_PROTO_UDP, "0.0.0.0", 53, 4),	/* open|filtered */
	    lsock(PK_PROTO_TCP, "::", 8080, 6),	/* IPv6 only */
	    lsock(PK_PROTO_TCP, "10.0.0.9", 443, 4),	/* not scanned */
	    lsock(PK_PROTO_TCP, "*", 3306, 0),		/* dual, folded */
	    lsock(PK_PROTO_TCP, "::ffff:127.0.0.2", 25, 6),
	    lsock(PK_PROTO_TCP, "10.0.0.1", 9999, 4) };	/* not in scan */
	struct pk_sock est = lsock(PK_PROTO_TCP, "10.0.0.1", 22, 4);
	struct pk_port pp[] = { port(22, "open", "syn-ack"),
	    port(6379, "filtered", "no-response"),
	    port(53, "open|filtered", "no-response") };
	struct pk_extrareason er = { "reset", 2, "tcp", "3306,8080" };
	struct pk_extraports ep = { "closed", 2, &er, 1 };
	struct pk_addr a1 = { PK_ADDR_IPV4, "10.0.0.1", NULL };
	struct pk_addr a2[] = { { PK_ADDR_MAC, "02:00:00:00:00:01", NULL },
	    { PK_ADDR_IPV6, "fd00::1", NULL } };
	struct pk_host h1 = host("10.0.0.1", pp, 3);
	struct pk_host h2 = host("fd00::1", NULL, 0);
	struct pk_host down = host("10.0.0.1", pp, 3);
	const struct pk_fw_lrow *r;
	struct pk_fw_listen *fl = pk_fw_listen_new();
	size_t i, n;

	if (!assert_true(fl != NULL))
		return;
	pp[2].proto = PK_PROTO_UDP;
	h1.addrs = &a1;
	h1.naddrs = 1;
	h1.extraports = &ep;
	h1.nextraports = 1;
	h2.addrs = a2;
	h2.naddrs = 2;
	h2.extraports = &ep;
	h2.nextraports = 1;
	down.status = "down";
	down.addrs = &a1;
	down.naddrs = 1;
	est.listening = 0;
	assert_int(pk_fw_listen_add(fl, &est), PK_OK);
	for (i = 0; i < sizeof(so) / sizeof(so[0]); i++)
		assert_int(pk_fw_listen_add(fl, &so[i]), PK_OK);
	assert_int(pk_fw_listen_host(fl, &down), PK_OK);
	assert_int(pk_fw_listen_host(fl, &h1), PK_OK);
	assert_int(pk_fw_listen_host(fl, &h2), PK_OK);
	assert_int(pk_fw_listen_classify(fl, &r, &n), PK_OK);
	if (!assert_int(n, 10))
		goto out;
	assert_int(r[0].lclass, PK_FW_REACHABLE);
	assert_str(r[0].scan_host, "10.0.0.1");
	assert_str(r[0].reason, "syn-ack");
	assert_str(r[0].process, "sshd");
	assert_int(r[0].pid, 7);
	assert_int(r[1].lclass, PK_FW_FIREWALLED);
	assert_int(r[1].filtering, 1);
	assert_int(r[2].lclass, PK_FW_LOCAL_ONLY);
	assert_true(r[2].scan_host == NULL);
	assert_int(r[3].lclass, PK_FW_UNDECIDED);
	assert_int(r[3].proto, PK_PROTO_UDP);
	/* :: meets the IPv6 host, whose folded ports hold 8080. */
	assert_str(r[4].scan_host, "fd00::1");
	assert_int(r[4].lclass, PK_FW_FIREWALLED);
	assert_str(r[4].state, "closed");
	assert_int(r[5].lclass, PK_FW_NOT_SCANNED);
	assert_true(r[5].scan_host == NULL);
	/* * meets both hosts, in scan order. */
	assert_str(r[6].scan_host, "10.0.0.1");
	assert_str(r[7].scan_host, "fd00::1");
	assert_int(r[7].port, 3306);
	assert_int(r[7].lclass, PK_FW_FIREWALLED);
	assert_int(r[8].lclass, PK_FW_LOCAL_ONLY);
	/* The host met, without the port. */
	assert_int(r[9].lclass, PK_FW_NOT_SCANNED);
	assert_int(r[9].filtering, 0);
	assert_str(r[9].scan_host, "10.0.0.1");
	assert_true(r[9].state == NULL);
out:
	pk_fw_listen_free(fl);
	pk_fw_listen_free(NULL);
}

/*
 * lsof writes "*" for both families; its TYPE column keeps an IPv4 "*"
 * from IPv6 hosts.  An address written another way is the same address.
 */
TEST(test_listen_lsof_star)
{
	struct pk_sock s4 = lsock(PK_PROTO_TCP, "*", 2222, 4);
	struct pk_sock s6 = lsock(PK_PROTO_TCP, "*", 22, 6);
	struct pk_sock one = lsock(PK_PROTO_TCP, "fd00:0::1", 22, 6);
	struct pk_port pp[] = { port(22, "open", "syn-ack"),
	    port(2222, "open", "syn-ack") };
	struct pk_addr a = { PK_ADDR_IPV6, "fd00::1", NULL };
	struct pk_host h = host("fd00::1", pp, 2);
	const struct pk_fw_lrow *r;
	struct pk_fw_listen *fl = pk_fw_listen_new();
	size_t n;

	if (!assert_true(fl != NULL))
		return;
	s4.format = s6.format = one.format = PK_FMT_LSOF;
	s4.pid = -1;
	h.addrs = &a;
	h.naddrs = 1;
	assert_int(pk_fw_listen_add(fl, &s4), PK_OK);
	assert_int(pk_fw_listen_add(fl, &s6), PK_OK);
	assert_int(pk_fw_listen_add(fl, &one), PK_OK);
	assert_int(pk_fw_listen_host(fl, &h), PK_OK);
	assert_int(pk_fw_listen_classify(fl, &r, &n), PK_OK);
	if (assert_int(n, 3)) {
		assert_int(r[0].lclass, PK_FW_NOT_SCANNED);
		assert_int(r[0].pid, -1);
		assert_int(r[1].lclass, PK_FW_REACHABLE);
		assert_int(r[2].lclass, PK_FW_REACHABLE);
		assert_str(r[2].addr, "fd00:0::1");
	}
	/* Classifying again gives the same rows. */
	assert_int(pk_fw_listen_classify(fl, &r, &n), PK_OK);
	assert_int(n, 3);
	pk_fw_listen_free(fl);
}

/*
 * A dump is one host: the scan host its own addresses name (an
 * established socket counts), --host, or the only host up.  lsof's IPv6
 * "*" may be IPv6-only: not open on an IPv4 host, it is undecided.
 */
TEST(test_listen_pick)
{
	struct pk_sock s6 = lsock(PK_PROTO_TCP, "*", 8080, 6);
	struct pk_sock est = lsock(PK_PROTO_TCP, "10.0.0.2", 22, 4);
	struct pk_port pp[] = { port(8080, "closed", "reset") };
	struct pk_addr a[] = { { PK_ADDR_IPV4, "10.0.0.1", NULL },
	    { PK_ADDR_IPV4, "10.0.0.2", NULL } };
	struct pk_host h1 = host("10.0.0.1", pp, 1);
	struct pk_host h2 = host("10.0.0.2", pp, 1);
	const struct pk_fw_lrow *r;
	struct pk_fw_listen *fl = pk_fw_listen_new(), *f2 = pk_fw_listen_new();
	size_t n;

	if (!assert_true(fl != NULL && f2 != NULL))
		goto out;
	s6.format = PK_FMT_LSOF;
	est.listening = 0;
	h1.addrs = &a[0];
	h2.addrs = &a[1];
	h1.naddrs = h2.naddrs = 1;
	assert_int(pk_fw_listen_add(fl, &s6), PK_OK);
	assert_int(pk_fw_listen_add(f2, &s6), PK_OK);
	assert_int(pk_fw_listen_pick(fl, NULL, &n), PK_EOF);
	assert_int(n, 0);
	assert_int(pk_fw_listen_host(fl, &h1), PK_OK);
	assert_int(pk_fw_listen_host(fl, &h2), PK_OK);
	assert_int(pk_fw_listen_pick(fl, NULL, &n), PK_ERR_USAGE);
	assert_int(n, 2);
	assert_int(pk_fw_listen_pick(fl, "10.0.0.9", &n), PK_EOF);
	assert_int(pk_fw_listen_pick(fl, "10.0.0.1", &n), PK_OK);
	assert_int(pk_fw_listen_classify(fl, &r, &n), PK_OK);
	if (assert_int(n, 1)) {
		assert_str(r[0].scan_host, "10.0.0.1");
		assert_int(r[0].lclass, PK_FW_UNDECIDED);
		assert_int(r[0].filtering, 0);
	}
	/* The established socket names 10.0.0.2. */
	assert_int(pk_fw_listen_add(f2, &est), PK_OK);
	assert_int(pk_fw_listen_host(f2, &h1), PK_OK);
	assert_int(pk_fw_listen_host(f2, &h2), PK_OK);
	assert_int(pk_fw_listen_pick(f2, NULL, &n), PK_OK);
	assert_int(pk_fw_listen_classify(f2, &r, &n), PK_OK);
	if (assert_int(n, 1))
		assert_str(r[0].scan_host, "10.0.0.2");
	pk_fw_listen_free(f2);
	/* Named but down: the only host up is not the dump's. */
	if (!assert_true((f2 = pk_fw_listen_new()) != NULL))
		goto out;
	h2.status = "down";
	assert_int(pk_fw_listen_add(f2, &est), PK_OK);
	assert_int(pk_fw_listen_host(f2, &h1), PK_OK);
	assert_int(pk_fw_listen_host(f2, &h2), PK_OK);
	assert_int(pk_fw_listen_pick(f2, NULL, &n), PK_EOF);
	assert_int(n, 1);
out:
	pk_fw_listen_free(fl);
	pk_fw_listen_free(f2);
}

TEST(test_lclass_names)
{
	assert_str(pk_fw_lclass_name(PK_FW_REACHABLE), "reachable");
	assert_str(pk_fw_lclass_name(PK_FW_LOCAL_ONLY), "local-only");
	assert_str(pk_fw_lclass_name(PK_FW_NOT_SCANNED), "not scanned");
	assert_true(pk_fw_lclass_name(PK_FW_NLCLASSES) == NULL);
	assert_true(pk_fw_lclass_name(-1) == NULL);
}

/* An ss dump of the lab host against its recorded scan. */
TEST(test_listen_lab)
{
	static const char ss[] =
	    "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port\n"
	    "tcp   LISTEN 0      128          0.0.0.0:22        0.0.0.0:*\n"
	    "tcp   LISTEN 0      128        127.0.0.1:631       0.0.0.0:*\n"
	    "tcp   ESTAB  0      0         10.0.0.5:22    10.0.0.9:5000\n";
	struct pk_sock_reader *sr;
	struct pk_reader *rd;
	const struct pk_sock *s;
	const struct pk_host *h;
	const struct pk_fw_lrow *r;
	struct pk_fw_listen *fl = pk_fw_listen_new();
	size_t n;

	sr = pk_sock_open_mem(ss, sizeof(ss) - 1, "ss.txt", NULL);
	rd = pk_reader_open(testdata_path("pfirewall/listen-sS.xml"), NULL);
	if (!assert_true(fl != NULL && sr != NULL && rd != NULL))
		return;
	while (pk_sock_next(sr, &s) == PK_OK)
		assert_int(pk_fw_listen_add(fl, s), PK_OK);
	while (pk_reader_next(rd, &h) == PK_OK)
		assert_int(pk_fw_listen_host(fl, h), PK_OK);
	assert_int(pk_fw_listen_classify(fl, &r, &n), PK_OK);
	if (assert_int(n, 2)) {
		assert_int(r[0].lclass, PK_FW_REACHABLE);
		assert_true(r[0].scan_host != NULL);
		assert_int(r[1].lclass, PK_FW_LOCAL_ONLY);
	}
	pk_sock_free(sr);
	pk_reader_free(rd);
	pk_fw_listen_free(fl);
}

TEST(test_fw_fields)
{
	const struct pk_field *f;
	size_t n;

	f = pk_fw_fields(PK_FW_REC_PORT, &n);
	if (assert_int(n, 12)) {
		assert_str(f[0].name, "host");
		assert_str(f[3].name, "count");
		assert_int(f[3].type, PK_FT_INT);
		assert_str(f[11].name, "explanation");
	}
	f = pk_fw_fields(PK_FW_REC_HOST, &n);
	if (assert_int(n, 4))
		assert_str(f[2].name, "filtering");
	f = pk_fw_fields(PK_FW_REC_LISTEN, &n);
	if (assert_int(n, 9)) {
		assert_str(f[0].name, "class");
		assert_str(f[6].name, "scan_host");
	}
	assert_true(n <= PK_FW_MAXFIELDS);
	assert_true(pk_fw_fields(3, &n) == NULL);
	assert_int(n, 0);
}

TEST(test_fw_values)
{
	struct pk_fw_row r = { PK_PROTO_TCP, PK_FW_DROP, "filtered",
	    "no-response", "filtered", "no-response", NULL, NULL,
	    "1-21,23-79", 77 };
	struct pk_fw_host fh;
	struct pk_fw_lrow lr;
	struct pk_value v[PK_FW_MAXFIELDS];

	memset(&fh, 0, sizeof(fh));
	fh.host = "10.0.0.5";
	fh.kind = "stateful";
	fh.filtering = 1;
	fh.summary = "stateful firewall: 77 ports dropped (SYN and ACK)";
	pk_fw_row_values(&fh, &r, "22", 1, v);
	assert_str(v[0].s, "10.0.0.5");
	assert_str(v[1].s, "tcp");
	assert_str(v[2].s, "22");
	assert_true(v[3].set && v[3].i == 1);
	assert_str(v[4].s, "drop");
	assert_str(v[8].s, "no-response");
	assert_true(!v[9].set && !v[10].set);
	assert_str(v[11].s, pk_fw_verdict_text(PK_FW_DROP, PK_PROTO_TCP));
	pk_fw_host_values(&fh, v);
	assert_str(v[1].s, "stateful");
	assert_true(v[2].set && v[2].i == 1);
	assert_str(v[3].s, fh.summary);
	memset(&lr, 0, sizeof(lr));
	lr.lclass = PK_FW_LOCAL_ONLY;
	lr.proto = PK_PROTO_UDP;
	lr.addr = "::1";
	lr.port = 5353;
	lr.pid = -1;
	pk_fw_lrow_values(&lr, v);
	assert_str(v[0].s, "local-only");
	assert_str(v[1].s, "udp");
	assert_true(v[3].set && v[3].i == 5353);
	assert_true(!v[4].set && !v[5].set && !v[6].set && !v[8].set);
}

/* The lines of the recorded lab's text report (tests/cli/pfirewall). */
TEST(test_fw_write_row)
{
	struct pk_fw_row t = { PK_PROTO_TCP, PK_FW_STATELESS_SYN, "filtered",
	    "no-response", "unfiltered", "reset", NULL, NULL, "8081-8082",
	    2 };
	struct pk_fw_row u = { PK_PROTO_UDP, PK_FW_DROP_OR_REJECT, NULL, NULL,
	    NULL, NULL, "filtered", NULL, "53,161", 2 };
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (!assert_true(fp != NULL))
		return;
	assert_int(pk_fw_write_row(fp, &t, t.ports, t.count), PK_OK);
	assert_int(pk_fw_write_row(fp, &t, "8081", 1), PK_OK);
	t.ack_state = NULL;
	assert_int(pk_fw_write_row(fp, &t, "1-3", 1), PK_OK);
	assert_int(pk_fw_write_row(fp, &u, u.ports, u.count), PK_OK);
	fclose(fp);
	assert_str(buf,
	    "  tcp  stateless-syn          SYN filtered/no-response      "
	    "ACK unfiltered/reset          8081-8082 (2 ports)\n"
	    "  tcp  stateless-syn          SYN filtered/no-response      "
	    "ACK unfiltered/reset          8081\n"
	    "  tcp  stateless-syn          SYN filtered/no-response      "
	    "ACK -                         1-3\n"
	    "  udp  drop|reject            UDP filtered                  "
	    "                              53,161\n");
	free(buf);
}

TEST_MAIN(test_infer_table, test_verdict_names, test_roles,
    test_engine_stateful_folded, test_engine_one_sided,
    test_engine_bad_ranges, test_engine_kinds, test_engine_lab, test_engine_hold_compact,
    test_engine_unlisted_saturates, test_listen_classes,
    test_listen_lsof_star, test_listen_pick, test_lclass_names, test_listen_lab,
    test_fw_fields, test_fw_values, test_fw_write_row)
