/*
 * test_sockdump.c - the ss, lsof and netstat readers, one test per line
 * shape.
 *
 * Every line below was printed by iproute2 6.1's ss, lsof 4.95 or
 * net-tools 2.10's netstat on Debian 12 (most come from testdata/, some
 * from the host), unless a comment says it was made up; each record is
 * rendered by describe() into one string compared exactly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "harness.h"

static void
cat(char *buf, size_t sz, const char *s)
{
	size_t n = strlen(buf);

	(void)snprintf(buf + n, sz - n, "%s", s);
}

/*
 * "proto addr[%zone] port[(name)] state L|- peer process/pid/fd,... user
 * @line", "-" for what is absent.
 */
static const char *
describe(const struct pk_sock *s)
{
	static char buf[512];
	char t[160];
	size_t i;

	(void)snprintf(buf, sizeof(buf), "%s %s%s%s %u", pk_proto_name(s->proto),
	    s->addr, s->zone != NULL ? "%" : "", s->zone != NULL ? s->zone : "",
	    s->port);
	if (s->port_name != NULL) {
		(void)snprintf(t, sizeof(t), "(%s)", s->port_name);
		cat(buf, sizeof(buf), t);
	}
	(void)snprintf(t, sizeof(t), " %s %s ", s->state != NULL ? s->state :
	    "-", s->listening ? "L" : "-");
	cat(buf, sizeof(buf), t);
	if (s->peer_addr != NULL) {
		(void)snprintf(t, sizeof(t), "%s%s%s:%ld ", s->peer_addr,
		    s->peer_zone != NULL ? "%" : "",
		    s->peer_zone != NULL ? s->peer_zone : "", s->peer_port);
		cat(buf, sizeof(buf), t);
	} else {
		cat(buf, sizeof(buf), "- ");
	}
	for (i = 0; i < s->nprocs; i++) {
		(void)snprintf(t, sizeof(t), "%s%s/%ld/%ld", i > 0 ? "," : "",
		    s->procs[i].name, s->procs[i].pid, s->procs[i].fd);
		cat(buf, sizeof(buf), t);
	}
	if (s->nprocs == 0)
		cat(buf, sizeof(buf), "-");
	(void)snprintf(t, sizeof(t), " %s @%lu", s->user != NULL ? s->user :
	    "-", s->line);
	cat(buf, sizeof(buf), t);
	return buf;
}

/*
 * Read text and compare each record with want[] (NULL-terminated); the
 * reader's final status must be status.  Returns the reader for more
 * checks (the caller frees it).
 */
static struct pk_sock_reader *
expect_mem(const char *text, size_t len, const struct pk_sock_opts *opts,
    const char *const *want, int status)
{
	struct pk_sock_reader *r;
	const struct pk_sock *s;
	size_t i = 0;
	int rc;

	r = pk_sock_open_mem(text, len, "t", opts);
	if (!assert_true(r != NULL))
		return NULL;
	while ((rc = pk_sock_next(r, &s)) == PK_OK) {
		if (!assert_true(want[i] != NULL))
			break;
		assert_str(describe(s), want[i]);
		i++;
	}
	assert_true(want[i] == NULL);
	assert_int(rc, status);
	return r;
}

static struct pk_sock_reader *
expect(const char *text, const struct pk_sock_opts *opts,
    const char *const *want, int status)
{
	return expect_mem(text, strlen(text), opts, want, status);
}

static void
expect_free(const char *text, const struct pk_sock_opts *opts,
    const char *const *want, int status)
{
	pk_sock_free(expect(text, opts, want, status));
}

TEST(test_ss_tulnp_header_netid)
{
	static const char text[] =
"Netid State  Recv-Q Send-Q     Local Address:Port  Peer Address:PortProcess                                \n"
"udp   UNCONN 0      0             0.0.0.0%lo:53         0.0.0.0:*    users:((\"named\",pid=7249,fd=3))       \n"
"udp   UNCONN 0      0      [fe80::78:2]%eth0:123           [::]:*    users:((\"ntpd\",pid=7250,fd=3))        \n"
"tcp   LISTEN 0      16               0.0.0.0:2222       0.0.0.0:*    users:((\"sshd\",pid=7241,fd=3))        \n"
"tcp   LISTEN 0      16                 [::1]:3306          [::]:*    users:((\"mysqld\",pid=7247,fd=3))      \n"
"tcp   LISTEN 0      16                     *:27017            *:*    users:((\"mongod\",pid=7248,fd=3))      \n"
"tcp   LISTEN 0      16                  [::]:22            [::]:*    users:((\"sshd\",pid=7240,fd=3))        \n";
	static const char *const want[] = {
		"udp 0.0.0.0%lo 53 unconn L - named/7249/3 - @2",
		"udp fe80::78:2%eth0 123 unconn L - ntpd/7250/3 - @3",
		"tcp 0.0.0.0 2222 listen L - sshd/7241/3 - @4",
		"tcp ::1 3306 listen L - mysqld/7247/3 - @5",
		"tcp * 27017 listen L - mongod/7248/3 - @6",
		"tcp :: 22 listen L - sshd/7240/3 - @7",
		NULL
	};
	struct pk_sock_reader *r = expect(text, NULL, want, PK_EOF);

	if (r != NULL) {
		assert_int(pk_sock_format(r), PK_FMT_SS);
		assert_int(pk_sock_records(r), 6);
		assert_int(pk_sock_skipped(r), 0);
	}
	pk_sock_free(r);
}

TEST(test_ss_tunap_established)
{
	static const char text[] =
"Netid State     Recv-Q Send-Q     Local Address:Port  Peer Address:Port Process                                \n"
"tcp   ESTAB     0      0              127.0.0.1:50272    127.0.0.1:9001  users:((\"socat\",pid=8179,fd=5))       \n"
"tcp   TIME-WAIT 0      0              127.0.0.1:6379     127.0.0.1:42914                                       \n"
"tcp   ESTAB     0      0          [fe80::1]%eth0:22 [fe80::2]%eth0:51000\n";
	static const char *const want[] = {
		"tcp 127.0.0.1 50272 established - 127.0.0.1:9001 socat/8179/5 - @2",
		"tcp 127.0.0.1 6379 time-wait - 127.0.0.1:42914 - - @3",
		"tcp fe80::1%eth0 22 established - fe80::2%eth0:51000 - - @4",
		NULL
	};

	expect_free(text, NULL, want, PK_EOF);
}

TEST(test_ss_ltn_no_netid)
{
	static const char text[] =
"State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n"
"LISTEN 0      16           0.0.0.0:6380       0.0.0.0:*          \n"
"LISTEN 0      16              [::]:22            [::]:*          \n";
	static const char *const want[] = {
		"tcp 0.0.0.0 6380 listen L - - - @2",
		"tcp :: 22 listen L - - - @3",
		NULL
	};

	expect_free(text, NULL, want, PK_EOF);
}

TEST(test_ss_no_header_no_netid)
{
	/* ss -ltnH and ss -lunH: the state tells the protocol. */
	static const char text[] =
"LISTEN 0      5      127.0.0.1:8765  0.0.0.0:*\n"
"UNCONN 0      0        0.0.0.0:68    0.0.0.0:*\n";
	static const char *const want[] = {
		"tcp 127.0.0.1 8765 listen L - - - @1",
		"udp 0.0.0.0 68 unconn L - - - @2",
		NULL
	};

	expect_free(text, NULL, want, PK_EOF);
}

TEST(test_ss_no_header_netid)
{
	static const char text[] =
"tcp LISTEN 0      5      127.0.0.1:8765  0.0.0.0:* users:((\"python3\",pid=10071,fd=3))\n"
"tcp LISTEN 0      5        0.0.0.0:12222 0.0.0.0:* users:((\"socat\",pid=26022,fd=5))  \n";
	static const char *const want[] = {
		"tcp 127.0.0.1 8765 listen L - python3/10071/3 - @1",
		"tcp 0.0.0.0 12222 listen L - socat/26022/5 - @2",
		NULL
	};

	expect_free(text, NULL, want, PK_EOF);
}

TEST(test_ss_address_shapes)
{
	static const char text[] =
"tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\n"
"tcp LISTEN 0 128 *:22 *:*\n"
"tcp LISTEN 0 128 [::]:22 [::]:*\n"
"tcp LISTEN 0 128 [::1]:631 [::]:*\n"
"udp UNCONN 0 0 [fe80::1]%eth0:123 [::]:*\n"
"udp UNCONN 0 0 0.0.0.0%lo:53 0.0.0.0:*\n"
"tcp LISTEN 0 128 :::80 :::*\n"
"tcp LISTEN 0 128 [::ffff:127.0.0.1]:8080 *:*\n"
"udp UNCONN 0 0 *%eth0:68 *:*\n";
	static const char *const want[] = {
		"tcp 0.0.0.0 22 listen L - - - @1",
		"tcp * 22 listen L - - - @2",
		"tcp :: 22 listen L - - - @3",
		"tcp ::1 631 listen L - - - @4",
		"udp fe80::1%eth0 123 unconn L - - - @5",
		"udp 0.0.0.0%lo 53 unconn L - - - @6",
		"tcp :: 80 listen L - - - @7",
		"tcp ::ffff:127.0.0.1 8080 listen L - - - @8",
		"udp *%eth0 68 unconn L - - - @9",
		NULL
	};

	expect_free(text, NULL, want, PK_EOF);
}

/* The family of every record of text, blank-separated ("4 0 6"). */
static const char *
families(const char *text, const struct pk_sock_opts *opts)
{
	static char buf[128];
	struct pk_sock_reader *r;
	const struct pk_sock *s;
	char t[8];

	buf[0] = '\0';
	r = pk_sock_open_mem(text, strlen(text), "t", opts);
	while (r != NULL && pk_sock_next(r, &s) == PK_OK) {
		(void)snprintf(t, sizeof(t), "%s%d", buf[0] != '\0' ? " " : "",
		    s->family);
		cat(buf, sizeof(buf), t);
	}
	pk_sock_free(r);
	return buf;
}

TEST(test_ss_family)
{
	/* The address form: "*" is a dual-stack socket, so 0. */
	static const char text[] =
"tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\n"
"tcp LISTEN 0 128 *:22 *:*\n"
"tcp LISTEN 0 128 [::]:22 [::]:*\n"
"udp UNCONN 0 0 [fe80::1]%eth0:123 [::]:*\n"
"udp UNCONN 0 0 0.0.0.0%lo:53 0.0.0.0:*\n"
"tcp LISTEN 0 128 :::80 :::*\n"
"tcp LISTEN 0 128 [::ffff:127.0.0.1]:8080 *:*\n"
"tcp ESTAB 0 0 10.77.4.2:2222 10.77.4.2:59608\n";

	assert_str(families(text, NULL), "4 0 6 6 4 6 6 4");
}

TEST(test_lsof_family)
{
	/* TYPE decides, "*" and host names included. */
	static const char text[] =
"COMMAND    PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\n"
"sshd      9821 root    3u  IPv6 180596      0t0  TCP *:22 (LISTEN)\n"
"sshd      9822 root    3u  IPv4 180584      0t0  TCP *:2222 (LISTEN)\n"
"python3   9828 root    3u  IPv6 180599      0t0  TCP [fd77:4::2]:8000 (LISTEN)\n"
"socat     9834 root    5u  IPv4 181663      0t0  UDP *:53 \n"
"nl\\nd     7252 root    3u  IPv4  94131      0t0  TCP localhost:9001 (LISTEN)\n";

	assert_str(families(text, NULL), "6 4 6 4 4");
}

static const char services_text[] =
    "ssh\t22/tcp\t0.182286\n"
    "ssh\t22/udp\t0.003905\n"
    "domain\t53/udp\t0.213496\n"
    "http-alt\t591/tcp\t0.000075\n"
    "http-alt\t8000/tcp\t0.009710\n";

TEST(test_ss_port_names)
{
	/* ss -tulp: names from the system's database, resolved here. */
	static const char text[] =
"udp UNCONN 0      0             0.0.0.0%lo:domain 0.0.0.0:* users:((\"named\",pid=7249,fd=3))       \n"
"tcp LISTEN 0      16                  [::]:ssh       [::]:* users:((\"sshd\",pid=7240,fd=3))        \n"
"tcp LISTEN 0      16               0.0.0.0:2222   0.0.0.0:* users:((\"sshd\",pid=7241,fd=3))        \n";
	static const char *const want[] = {
		"udp 0.0.0.0%lo 53(domain) unconn L - named/7249/3 - @1",
		"tcp :: 22(ssh) listen L - sshd/7240/3 - @2",
		"tcp 0.0.0.0 2222 listen L - sshd/7241/3 - @3",
		NULL
	};
	struct pk_sock_opts o;
	struct pk_services *svc;

	svc = pk_services_load_mem(services_text, strlen(services_text), "s",
	    NULL, NULL);
	if (!assert_true(svc != NULL))
		return;
	pk_sock_opts_init(&o);
	o.services = svc;
	expect_free(text, &o, want, PK_EOF);
	pk_services_free(svc);
}

TEST(test_ss_port_name_errors)
{
	static const char amb[] =
	    "tcp LISTEN 0 16 0.0.0.0:http-alt 0.0.0.0:*\n";
	static const char unk[] =
	    "tcp LISTEN 0 16 0.0.0.0:nosuchname 0.0.0.0:*\n";
	static const char *const none[] = { NULL };
	static const char *const netdb[] = {
		"tcp 0.0.0.0 8080(http-alt) listen L - - - @1", NULL
	};
	struct pk_sock_reader *r;
	struct pk_sock_opts o;
	struct pk_services *svc;

	svc = pk_services_load_mem(services_text, strlen(services_text), "s",
	    NULL, NULL);
	if (!assert_true(svc != NULL))
		return;
	pk_sock_opts_init(&o);
	o.services = svc;
	r = expect(amb, &o, none, PK_ERR_FORMAT);
	if (r != NULL) {
		assert_int(pk_sock_error(r)->line, 1);
		assert_str(pk_sock_error(r)->msg, "port name \"http-alt\" is "
		    "ambiguous (nmap-services: 8000/tcp, 591/tcp); list ports "
		    "as numbers");
	}
	pk_sock_free(r);
	r = expect(unk, &o, none, PK_ERR_FORMAT);
	if (r != NULL)
		assert_str(pk_sock_error(r)->msg, "unknown port name "
		    "\"nosuchname\"/tcp; list ports as numbers");
	pk_sock_free(r);
	/* Debian's /etc/services has http-alt on 8080/tcp. */
	o.netdb = 1;
	expect_free(amb, &o, netdb, PK_EOF);
	pk_services_free(svc);
}

TEST(test_ss_users_several)
{
	static const char text[] =
"tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:((\"sshd\",pid=812,fd=3),(\"sshd\",pid=900,fd=3))\n";
	static const char *const want[] = {
		"tcp 0.0.0.0 22 listen L - sshd/812/3,sshd/900/3 - @1", NULL
	};

	expect_free(text, NULL, want, PK_EOF);
}

TEST(test_ss_users_odd_names)
{
	/* ss cuts names at ')'; spaces, commas, '(' and '"' stay. */
	static const char text[] =
"tcp   LISTEN 0      16               0.0.0.0:9000       0.0.0.0:*    users:((\"my app, (v2\",pid=7251,fd=3)) \n"
"LISTEN 0      5          127.0.0.1:39003      0.0.0.0:*    users:((\"q\"\",pid=26009,fd=3))\n"
"LISTEN 0      5              [::1]:39004         [::]:*    users:((\"tab\tx\\y\",pid=26008,fd=3))\n"
"tcp LISTEN 0 5 0.0.0.0:1 0.0.0.0:* users:((\"a\",pid=1,fd=2\",pid=77,fd=3),(\"b, (c\",pid=78,fd=4))\n";
	static const char *const want[] = {
		"tcp 0.0.0.0 9000 listen L - my app, (v2/7251/3 - @1",
		"tcp 127.0.0.1 39003 listen L - q\"/26009/3 - @2",
		"tcp ::1 39004 listen L - tab\tx\\y/26008/3 - @3",
		"tcp 0.0.0.0 1 listen L - a\",pid=1,fd=2/77/3,b, (c/78/4 - @4",
		NULL
	};

	expect_free(text, NULL, want, PK_EOF);
}

TEST(test_ss_name_with_newline)
{
	static const char text[] =
"tcp   LISTEN 0      16             127.0.0.1:9001       0.0.0.0:*    users:((\"nl\n"
"d\",pid=7252,fd=3))        \n"
"tcp   LISTEN 0      16               0.0.0.0:6380       0.0.0.0:*    users:((\"redis-server\",pid=7245,fd=3))\n";
	static const char *const want[] = {
		"tcp 127.0.0.1 9001 listen L - nl\nd/7252/3 - @1",
		"tcp 0.0.0.0 6380 listen L - redis-server/7245/3 - @3",
		NULL
	};

	expect_free(text, NULL, want, PK_EOF);
}

TEST(test_ss_unix_and_other_families)
{
	static const char text[] =
"Netid State     Recv-Q Send-Q     Local Address:Port  Peer Address:Port Process\n"
"nl    UNCONN    0      0                   rtnl:kernel               *\n"
"u_str LISTEN    0      1      /tmp/pnonstd\n"
"sock 94151            * 0     users:((\"nl\n"
"d\",pid=7252,fd=4))        \n"
"u_dgr UNCONN    0      0                     * 59302            * 0\n"
"p_raw UNCONN    0      0                      *:eth0               *\n"
"raw   UNCONN    0      0                0.0.0.0:ipproto-255   0.0.0.0:*\n"
"udp   UNCONN    0      0             0.0.0.0%lo:53         0.0.0.0:*     users:((\"named\",pid=7249,fd=3))\n"
"tcp   LISTEN    0      16  0.0.0.0:22 0.0.0.0:*\n"
"\t cubic wscale:7,7 rto:204\n";
	static const char *const want[] = {
		"udp 0.0.0.0%lo 53 unconn L - named/7249/3 - @9",
		"tcp 0.0.0.0 22 listen L - - - @10",
		NULL
	};
	struct pk_sock_reader *r = expect(text, NULL, want, PK_EOF);

	if (r != NULL)
		assert_int(pk_sock_skipped(r), 5);
	pk_sock_free(r);
}

TEST(test_ss_bad_lines)
{
	static const char text[] =
"tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\n"
"this is not ss\n"
"tcp LISTEN 0 128 0.0.0.0:70000 0.0.0.0:*\n"
"tcp LISTEN x 128 0.0.0.0:22 0.0.0.0:*\n"
"tcp LISTEN 0 128 [::1:22 0.0.0.0:*\n"
"tcp LISTEN 0 128 0.0.0.0:80 0.0.0.0:* users:((sshd,pid=1,fd=2))\n"
"tcp LISTEN 0 128 0.0.0.0:443 0.0.0.0:*\n";
	static const char *const first[] = {
		"tcp 0.0.0.0 22 listen L - - - @1", NULL
	};
	static const char *const msgs[] = {
		"2: not an ss socket line",
		"3: bad port \"70000\"",
		"4: Recv-Q and Send-Q must be numbers",
		"5: bad address \"[::1\"",
		"6: bad users:(...) process column",
	};
	struct pk_sock_reader *r;
	const struct pk_sock *s;
	struct pk_sock_opts o;
	char buf[300];
	size_t i;

	r = expect(text, NULL, first, PK_ERR_FORMAT);
	if (r != NULL)
		assert_int(pk_sock_error(r)->line, 2);
	pk_sock_free(r);
	pk_sock_opts_init(&o);
	o.skip_bad = 1;
	r = pk_sock_open_mem(text, strlen(text), "t", &o);
	assert_int(pk_sock_next(r, &s), PK_OK);
	for (i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
		assert_int(pk_sock_next(r, &s), PK_ERR_FORMAT);
		(void)snprintf(buf, sizeof(buf), "%lu: %s",
		    pk_sock_error(r)->line, pk_sock_error(r)->msg);
		assert_str(buf, msgs[i]);
	}
	assert_int(pk_sock_next(r, &s), PK_OK);
	assert_str(describe(s), "tcp 0.0.0.0 443 listen L - - - @7");
	assert_int(pk_sock_next(r, &s), PK_EOF);
	assert_int(pk_sock_bad_lines(r), 5);
	pk_sock_free(r);
}

TEST(test_ss_truncated)
{
	static const char text[] =
"tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\n"
"tcp LISTEN 0 16 127.0.0.1:9001 0.0.0.0:* users:((\"nl\n";
	static const char *const want[] = {
		"tcp 0.0.0.0 22 listen L - - - @1", NULL
	};
	struct pk_sock_reader *r = expect(text, NULL, want, PK_ERR_TRUNCATED);

	if (r != NULL) {
		assert_int(pk_sock_error(r)->line, 2);
		assert_str(pk_sock_error(r)->msg,
		    "unexpected end of input inside a record");
	}
	pk_sock_free(r);
}

TEST(test_lsof_numeric)
{
	static const char text[] =
"COMMAND    PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\n"
"sshd      7240 root    3u  IPv6  94143      0t0  TCP *:22 (LISTEN)\n"
"redis-ser 7244 root    3u  IPv4  94134      0t0  TCP 127.0.0.1:6379 (LISTEN)\n"
"mysqld    7247 root    3u  IPv6  94139      0t0  TCP [::1]:3306 (LISTEN)\n"
"named     7249 root    3u  IPv4  94138      0t0  UDP *:53 \n"
"ntpd      7250 root    3u  IPv6  94130      0t0  UDP [fe80::78:2]:123 \n"
"socat     8179 root    5u  IPv4  97581      0t0  TCP 127.0.0.1:50272->127.0.0.1:9001 (ESTABLISHED)\n"
"python3  10071 root  cwd    DIR    8,1     4096    2 /\n";
	static const char *const want[] = {
		"tcp * 22 listen L - sshd/7240/3 root @2",
		"tcp 127.0.0.1 6379 listen L - redis-ser/7244/3 root @3",
		"tcp ::1 3306 listen L - mysqld/7247/3 root @4",
		"udp * 53 - L - named/7249/3 root @5",
		"udp fe80::78:2 123 - L - ntpd/7250/3 root @6",
		"tcp 127.0.0.1 50272 established - 127.0.0.1:9001 socat/8179/5 root @7",
		NULL
	};
	struct pk_sock_reader *r = expect(text, NULL, want, PK_EOF);

	if (r != NULL) {
		assert_int(pk_sock_format(r), PK_FMT_LSOF);
		assert_int(pk_sock_skipped(r), 1);
	}
	pk_sock_free(r);
}

TEST(test_lsof_names)
{
	/* lsof -i without -P and -n: service and host names. */
	static const char text[] =
"COMMAND    PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\n"
"sshd      7240 root    3u  IPv6  94143      0t0  TCP *:ssh (LISTEN)\n"
"lighttpd  7246 root    3u  IPv4  94149      0t0  TCP 10.78.6.2:ssh (LISTEN)\n"
"named     7249 root    3u  IPv4  94138      0t0  UDP *:domain \n"
"nl\\nd     7252 root    3u  IPv4  94131      0t0  TCP localhost:9001 (LISTEN)\n";
	static const char *const want[] = {
		"tcp * 22(ssh) listen L - sshd/7240/3 root @2",
		"tcp 10.78.6.2 22(ssh) listen L - lighttpd/7246/3 root @3",
		"udp * 53(domain) - L - named/7249/3 root @4",
		"tcp localhost 9001 listen L - nl\nd/7252/3 root @5",
		NULL
	};
	struct pk_sock_opts o;
	struct pk_services *svc;

	svc = pk_services_load_mem(services_text, strlen(services_text), "s",
	    NULL, NULL);
	pk_sock_opts_init(&o);
	o.services = svc;
	expect_free(text, &o, want, PK_EOF);
	pk_services_free(svc);
}

TEST(test_lsof_escapes)
{
	static const char text[] =
"COMMAND             PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\n"
"my\\x20app,\\x20(v2) 7251 root    3u  IPv4  94147      0t0  TCP *:9000 (LISTEN)\n"
"tab\\tx\\\\y 26008 root    3u  IPv6  59922      0t0  TCP [::1]:39004 (LISTEN)\n"
"q\"        26009 1000    3u  IPv4  59301      0t0  TCP 127.0.0.1:39003 (LISTEN)\n"
"odd\\x2    1 root    3u  IPv4  1      0t0  TCP 127.0.0.1:1 (CLOSE_WAIT)\n";
	static const char *const want[] = {
		"tcp * 9000 listen L - my app, (v2)/7251/3 root @2",
		"tcp ::1 39004 listen L - tab\tx\\y/26008/3 root @3",
		"tcp 127.0.0.1 39003 listen L - q\"/26009/3 1000 @4",
		"tcp 127.0.0.1 1 close-wait - - odd\\x2/1/3 root @5",
		NULL
	};

	expect_free(text, NULL, want, PK_EOF);
}

TEST(test_lsof_errors)
{
	static const char tid[] =
"COMMAND    PID    TID TASKCMD   USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\n";
	static const char bad[] =
"COMMAND    PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\n"
"sshd      x240 root    3u  IPv6  94143      0t0  TCP *:22 (LISTEN)\n";
	static const char state[] =
"COMMAND    PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\n"
"sshd      240 root    3u  IPv6  94143      0t0  TCP *:22 (LISTENING)\n";
	static const char *const none[] = { NULL };
	struct pk_sock_reader *r;

	r = expect(tid, NULL, none, PK_ERR_FORMAT);
	if (r != NULL)
		assert_str(pk_sock_error(r)->msg, "lsof output with TID or "
		    "TASKCMD columns (-K) is not supported");
	pk_sock_free(r);
	r = expect(bad, NULL, none, PK_ERR_FORMAT);
	if (r != NULL) {
		assert_int(pk_sock_error(r)->line, 2);
		assert_str(pk_sock_error(r)->msg, "lsof PID must be a number");
	}
	pk_sock_free(r);
	r = expect(state, NULL, none, PK_ERR_FORMAT);
	if (r != NULL)
		assert_str(pk_sock_error(r)->msg, "unknown lsof socket state");
	pk_sock_free(r);
}

/* lsof -i -P -n -F (lsof 4.95), cut short; a unix socket added. */
static const char lsof_f_text[] =
"p7074\ng7069\nR7071\ncsocat\nu0\nLroot\n"
"f5\nau\nl \ntIPv6\nG0x80002;0x0\nd3779046\no0t0\nPTCP\nn*:2222\n"
"TST=LISTEN\nTQR=0\nTQS=0\n"
"f7\nau\ntunix\nn/run/x.sock\n"
"p7076\ncpython3\nu0\n"
"f4\ntIPv4\nPTCP\nn127.0.0.1:55402->127.0.0.1:6379\nTST=ESTABLISHED\n"
"f5\ntIPv4\nPUDP\nn127.0.0.1:5353\n";

static const char *const lsof_f_want[] = {
	"tcp * 2222 listen L - socat/7074/5 root @7",
	"tcp 127.0.0.1 55402 established - 127.0.0.1:6379 python3/7076/4 0 @26",
	"udp 127.0.0.1 5353 - L - python3/7076/5 0 @31",
	NULL
};

TEST(test_lsof_f)
{
	struct pk_sock_reader *r;

	r = expect(lsof_f_text, NULL, lsof_f_want, PK_EOF);
	if (r != NULL) {
		assert_int(pk_sock_format(r), PK_FMT_LSOF);
		assert_int(pk_sock_skipped(r), 1);
	}
	pk_sock_free(r);
}

/* The same sets with -F0: NUL after each field, a newline after each set. */
TEST(test_lsof_f0)
{
	static const char text[] =
"p7074\0csocat\0Lroot\0\n"
"f5\0tIPv6\0PTCP\0n*:2222\0TST=LISTEN\0TQR=0\0\n"
"p7076\0cpython3\0u0\0\n"
"f4\0tIPv4\0PTCP\0n127.0.0.1:55402->127.0.0.1:6379\0"
"TST=ESTABLISHED\0\n"
"f5\0tIPv4\0PUDP\0n127.0.0.1:5353\0\n";
	static const char *const want[] = {
		"tcp * 2222 listen L - socat/7074/5 root @2",
		"tcp 127.0.0.1 55402 established - 127.0.0.1:6379 "
		    "python3/7076/4 0 @4",
		"udp 127.0.0.1 5353 - L - python3/7076/5 0 @5",
		NULL
	};

	pk_sock_free(expect_mem(text, sizeof(text) - 1, NULL, want, PK_EOF));
	assert_int(pk_format_detect(text, sizeof(text) - 1), PK_FMT_LSOF);
}

/* -F pPn: no f, so a file set ends where its P or n comes again. */
TEST(test_lsof_f_chosen)
{
	static const char text[] =
"p12\nPTCP\nn*:22\nPUDP\nn*:53\np13\nPTCP\nn[::1]:631\n";
	static const char *const want[] = {
		"tcp * 22 - - - - - @2",
		"udp * 53 - L - - - @4",
		"tcp ::1 631 - - - - - @7",
		NULL
	};

	expect_free(text, NULL, want, PK_EOF);
}

TEST(test_lsof_f_errors)
{
	static const char noproto[] = "p12\nn*:22\nn*:23\n";
	static const char badpid[] = "p12\nPTCP\nn*:22\np1x\nPTCP\nn*:23\n"
	    "p14\nPTCP\nn*:24\n";
	static const char *const none[] = { NULL };
	static const char *const first[] = { "tcp * 22 - - - - - @2", NULL };
	static const char *const skipped[] = {
		"tcp * 22 - - - - - @2", "tcp * 23 - - - - - @5",
		"tcp * 24 - - - - - @8", NULL
	};
	struct pk_sock_reader *r;
	struct pk_sock_opts o;

	r = expect(noproto, NULL, none, PK_ERR_FORMAT);
	if (r != NULL) {
		assert_int(pk_sock_error(r)->line, 2);
		assert_str(pk_sock_error(r)->msg, "lsof -F output without the "
		    "n (name) or P (protocol) field: give -F at least pnP, or "
		    "-F alone");
	}
	pk_sock_free(r);
	r = expect(badpid, NULL, first, PK_ERR_FORMAT);
	if (r != NULL) {
		assert_int(pk_sock_error(r)->line, 4);
		assert_str(pk_sock_error(r)->msg,
		    "lsof -F: the p field (PID) must be a number");
	}
	pk_sock_free(r);
	pk_sock_opts_init(&o);
	o.skip_bad = 1;
	r = pk_sock_open_mem(badpid, strlen(badpid), "t", &o);
	if (assert_true(r != NULL)) {
		const struct pk_sock *s;
		size_t i = 0;
		int rc;

		while ((rc = pk_sock_next(r, &s)) != PK_EOF) {
			if (rc != PK_OK)
				continue;
			if (!assert_true(skipped[i] != NULL))
				break;
			assert_str(describe(s), skipped[i++]);
		}
		assert_int(pk_sock_bad_lines(r), 1);
	}
	pk_sock_free(r);
}

TEST(test_not_a_dump)
{
	static const char xml[] = "<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\">\n";
	static const char *const none[] = { NULL };
	struct pk_sock_reader *r;

	r = expect(xml, NULL, none, PK_ERR_UNKNOWN_FORMAT);
	if (r != NULL) {
		assert_int(pk_sock_format(r), PK_FMT_NMAP_XML);
		assert_str(pk_sock_error(r)->msg,
		    "nmap-xml data is not a socket listing");
	}
	pk_sock_free(r);
	r = expect("", NULL, none, PK_ERR_UNKNOWN_FORMAT);
	if (r != NULL)
		assert_str(pk_sock_error(r)->msg, "empty input");
	pk_sock_free(r);
	r = pk_sock_open("/nonexistent/ss.txt", NULL);
	assert_int(pk_sock_next(r, &(const struct pk_sock *){ NULL }),
	    PK_ERR_IO);
	pk_sock_free(r);
}

TEST(test_fixture_files)
{
	static const char *const files[] = {
		"pnonstd/ss-tulnp.txt", "pnonstd/ss-tunap.txt",
		"pnonstd/ss-ltn.txt", "pnonstd/ss-anp.txt",
		"pnonstd/lsof-iPn.txt", "pnonstd/lsof-c0.txt", NULL
	};
	const struct pk_sock *s;
	struct pk_sock_reader *r;
	size_t i;
	int rc;

	for (i = 0; files[i] != NULL; i++) {
		r = pk_sock_open(testdata_path(files[i]), NULL);
		while ((rc = pk_sock_next(r, &s)) == PK_OK)
			;
		assert_int(rc, PK_EOF);
		assert_true(pk_sock_records(r) >= 11);
		pk_sock_free(r);
	}
}

TEST(test_netstat_tulpn)
{
	static const char text[] =
"(Not all processes could be identified, non-owned process info\n"
" will not be shown, you would have to be root to see it all.)\n"
"Active Internet connections (only servers)\n"
"Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n"
"tcp        0      0 0.0.0.0:8888            0.0.0.0:*               LISTEN      28074/http (dev),x  \n"
"tcp6       0      0 :::22                   :::*                    LISTEN      28071/sshd          \n"
"tcp6       0      0 fe80::77:2:9100         :::*                    LISTEN      -                   \n"
"tcp6       0      0 10.77.4.2:80            10.77.4.2:51826         TIME_WAIT   -                   \n"
"tcp6       0      0 ::1:5432                ::1:60000               ESTABLISHED 28080/python3       \n"
"udp        0      0 0.0.0.0:53              0.0.0.0:*                           28082/socat         \n"
"udp6       0      0 :::5353                 :::*                                28084/python3       \n"
"raw6       0      0 :::58                   :::*                    7           -                   \n"
"Active UNIX domain sockets (only servers)\n"
"Proto RefCnt Flags       Type       State         I-Node   PID/Program name     Path\n"
"unix  2      [ ACC ]     STREAM     LISTENING     5680841  28073/python3        /tmp/s\n";
	static const char *const want[] = {
		"tcp 0.0.0.0 8888 listen L - http (dev),x/28074/-1 - @5",
		"tcp * 22 listen L - sshd/28071/-1 - @6",
		"tcp fe80::77:2 9100 listen L - - - @7",
		"tcp ::ffff:10.77.4.2 80 time-wait - ::ffff:10.77.4.2:51826 - - @8",
		"tcp ::1 5432 established - ::1:60000 python3/28080/-1 - @9",
		"udp 0.0.0.0 53 unconn L - socat/28082/-1 - @10",
		"udp * 5353 unconn L - python3/28084/-1 - @11",
		NULL
	};
	struct pk_sock_reader *r = expect(text, NULL, want, PK_EOF);

	if (r != NULL) {
		assert_int(pk_sock_format(r), PK_FMT_NETSTAT);
		assert_int(pk_sock_skipped(r), 2);
	}
	pk_sock_free(r);
	assert_str(pk_format_name(PK_FMT_NETSTAT), "netstat");
}

TEST(test_netstat_e_o_and_headerless)
{
	static const char eo[] =
"Proto Recv-Q Send-Q Local Address           Foreign Address         State       User       Inode      PID/Program name     Timer\n"
"tcp6       0      0 10.77.4.2:80            10.77.4.2:51826         TIME_WAIT   0          0          -                    timewait (59.91/0/0)\n"
"udp6       0      0 fe80::77:2:123          :::*                                0          5680821    28083/python3        off (0.00/0/0)\n"
"udp        0      0 10.0.0.1:5000           10.0.0.2:53             ESTABLISHED 0          5680822    7/a b (c)            off (0.00/0/0)\n";
	static const char *const ewant[] = {
		"tcp ::ffff:10.77.4.2 80 time-wait - ::ffff:10.77.4.2:51826 - 0 @2",
		"udp fe80::77:2 123 unconn L - python3/28083/-1 0 @3",
		"udp 10.0.0.1 5000 established - 10.0.0.2:53 a b (c)/7/-1 0 @4",
		NULL
	};
	/* Made up: the header cut off by grep LISTEN. */
	static const char bare[] =
"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      812/sshd            \n"
"tcp6       0      0 :::22                   :::*                    LISTEN      -                   \n";
	static const char *const bwant[] = {
		"tcp 0.0.0.0 22 listen L - sshd/812/-1 - @1",
		"tcp * 22 listen L - - - @2",
		NULL
	};

	expect_free(eo, NULL, ewant, PK_EOF);
	expect_free(bare, NULL, bwant, PK_EOF);
}

TEST(test_netstat_bad_lines)
{
	static const char hdr[] =
"Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n";
	static const char *const cases[][2] = {
		{ "tcp6       0      0 fd77:aaaa:bbbb:cccc::22 :::*                    LISTEN      28230/socat         \n",
		  "t:2: netstat may have cut \"fd77:aaaa:bbbb:cccc::22\" to fit its 23 columns (use netstat -W)" },
		{ "tcp        0      0 0.0.0.0:22              0.0.0.0:*                           812/sshd\n",
		  "t:2: unknown netstat socket state" },
		{ "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      sshd\n",
		  "t:2: bad netstat PID/Program name" },
		{ "tcp        x      0 0.0.0.0:22              0.0.0.0:*               LISTEN      -\n",
		  "t:2: Recv-Q and Send-Q must be numbers" },
		{ "tcp        0      0 0.0.0.0:22\n",
		  "t:2: missing columns in netstat line" },
		{ "icmp       0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      -\n",
		  "t:2: not a netstat socket line" },
	};
	static const char *const none[] = { NULL };
	char text[512], msg[400];
	const struct pk_error *e;
	struct pk_sock_reader *r;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		(void)snprintf(text, sizeof(text), "%s%s", hdr, cases[i][0]);
		r = expect(text, NULL, none, PK_ERR_FORMAT);
		if (r == NULL)
			continue;
		e = pk_sock_error(r);
		(void)snprintf(msg, sizeof(msg), "%s:%lu: %s", e->file, e->line,
		    e->msg);
		assert_str(msg, cases[i][1]);
		pk_sock_free(r);
	}
}

TEST_MAIN(test_ss_family, test_lsof_family,
    test_ss_tulnp_header_netid, test_ss_tunap_established,
    test_ss_ltn_no_netid, test_ss_no_header_no_netid,
    test_ss_no_header_netid, test_ss_address_shapes, test_ss_port_names,
    test_ss_port_name_errors, test_ss_users_several, test_ss_users_odd_names,
    test_ss_name_with_newline, test_ss_unix_and_other_families,
    test_ss_bad_lines, test_ss_truncated, test_lsof_numeric, test_lsof_names,
    test_lsof_escapes, test_lsof_errors, test_lsof_f, test_lsof_f0,
    test_lsof_f_chosen, test_lsof_f_errors, test_not_a_dump,
    test_fixture_files, test_netstat_tulpn, test_netstat_e_o_and_headerless,
    test_netstat_bad_lines)
