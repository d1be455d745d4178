/*
 * test_ahead.c - pk_read_opts.parse_ahead: a grepable scan read with the
 * parse-ahead thread must give the same hosts, warnings and errors, in
 * the same order, as one read without it.  The scans are the real host
 * lines of testdata/basic-sV.gnmap repeated under other addresses until
 * they are several megabytes, enough for the thread to start.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "harness.h"

#define NHOSTS	20000		/* about 8 MB of host lines */

struct text {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

static void
text_add(struct text *t, const char *s)
{
	size_t n = strlen(s);

	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		if ((t->s = realloc(t->s, t->cap)) == NULL)
			abort();
	}
	memcpy(t->s + t->len, s, n + 1);
	t->len += n;
}

/*
 * The scan: basic-sV's two host lines for 10.77.<i/250>.<i%250+1>; dup
 * is a host whose port 22 is listed twice (a warning), bad one whose
 * Ports field is broken (the error); 0 for none.
 */
static void
make_scan(struct text *t, int dup, int bad)
{
	static const char ports[] = "Ports: 21/open/tcp//ftp//vsftpd 3.0.3/, "
	    "22/open/tcp//ssh//OpenSSH 9.2p1 Debian 2+deb12u3 (protocol "
	    "2.0)/, 25/open/tcp//smtp//Postfix smtpd/, 80/open/tcp//http//"
	    "nginx 1.22.1/, 443/open/tcp//ssl|http//nginx 1.22.1/, 8080/open/"
	    "tcp//http//nginx 1.22.1/";
	char line[600];
	int i;

	memset(t, 0, sizeof(*t));
	text_add(t, "# Nmap 7.93 scan initiated Mon Nov 23 20:22:24 2026 as: "
	    "nmap -sV -T4 -p 21,22,25,80,443,8080 -oA testdata/basic-sV "
	    "10.77.0.0/16\n");
	for (i = 1; i <= NHOSTS; i++) {
		(void)snprintf(line, sizeof(line), "Host: 10.77.%d.%d ()\t"
		    "Status: Up\nHost: 10.77.%d.%d ()\t%s%s%s\n", i / 250,
		    i % 250 + 1, i / 250, i % 250 + 1, ports,
		    i == dup ? ", 22/open/tcp//ssh///" : "",
		    i == bad ? ", 99/open" : "");
		text_add(t, line);
	}
	text_add(t, "# Nmap done at Mon Nov 23 20:22:36 2026 -- 65536 IP "
	    "addresses (20000 hosts up) scanned in 12.33 seconds\n");
}

/* What a read saw: a digest of every host, the warnings, the end. */
struct seen {
	unsigned long	 hosts;
	unsigned long	 sum;
	int		 rc;
	struct pk_error	 err;
	char		 warns[512];
};

static void
on_warn(void *arg, const struct pk_error *w)
{
	struct seen *s = arg;
	size_t n = strlen(s->warns);

	(void)snprintf(s->warns + n, sizeof(s->warns) - n, "%lu %s;",
	    w->line, w->msg);
}

static unsigned long
digest(unsigned long sum, const char *s)
{
	while (s != NULL && *s != '\0')
		sum = sum * 31 + (unsigned char)*s++;
	return sum * 7 + 1;
}

static unsigned long
host_digest(unsigned long sum, const struct pk_host *h)
{
	size_t i;

	sum = digest(sum, h->host);
	sum = digest(sum, h->status);
	for (i = 0; i < h->nports; i++) {
		sum = sum * 131 + h->ports[i].port;
		sum = digest(sum, h->ports[i].state);
		sum = digest(sum, h->ports[i].service);
		sum = digest(sum, h->ports[i].tunnel);
		sum = digest(sum, h->ports[i].version);
	}
	return sum;
}

/* Read t[0..len) with or without the thread, stopping after stop hosts. */
static void
read_scan(const struct text *t, size_t len, int ahead, unsigned long stop,
    struct seen *s)
{
	struct pk_read_opts o;
	struct pk_reader *r;
	const struct pk_host *h;

	memset(s, 0, sizeof(*s));
	pk_read_opts_init(&o);
	o.parse_ahead = ahead;
	o.warn = on_warn;
	o.warn_arg = s;
	if ((r = pk_reader_open_mem(t->s, len, "big", &o)) == NULL)
		abort();
	while (s->hosts < stop && (s->rc = pk_reader_next(r, &h)) == PK_OK) {
		s->hosts++;
		s->sum = host_digest(s->sum, h);
	}
	s->err = *pk_reader_error(r);
	pk_reader_free(r);
}

static void
same_read(const struct text *t, size_t len, unsigned long stop,
    unsigned long hosts, int rc)
{
	struct seen a, b;

	read_scan(t, len, 0, stop, &a);
	read_scan(t, len, 1, stop, &b);
	assert_int(a.hosts, hosts);
	assert_int(a.rc, rc);
	assert_int(b.hosts, a.hosts);
	assert_true(b.sum == a.sum);
	assert_int(b.rc, a.rc);
	assert_int(b.err.status, a.err.status);
	assert_int(b.err.line, a.err.line);
	assert_str(b.err.msg, a.err.msg);
	assert_str(b.warns, a.warns);
}

TEST(test_ahead_whole_scan)
{
	struct text t;

	make_scan(&t, 0, 0);
	same_read(&t, t.len, (unsigned long)-1, NHOSTS, PK_EOF);
	free(t.s);
}

/*
 * A scan with a repeated port at host dup and a broken entry at host bad
 * (0: none): the same either way, and what the threaded read said.
 */
static void
ahead_case(int dup, int bad, unsigned long hosts, int rc, const char *warns,
    unsigned long line, const char *msg)
{
	struct text t;
	struct seen s;

	make_scan(&t, dup, bad);
	same_read(&t, t.len, (unsigned long)-1, hosts, rc);
	read_scan(&t, t.len, 1, (unsigned long)-1, &s);
	assert_str(s.warns, warns);
	assert_int(s.err.line, line);
	assert_str(s.err.msg, msg);
	free(t.s);
}

TEST(test_ahead_warning_late)
{
	ahead_case(15000, 0, NHOSTS, PK_EOF, "30000 warning: port 22/tcp of "
	    "10.77.60.1 listed twice;", 0, "");
}

TEST(test_ahead_error_late)
{
	ahead_case(0, 12345, 12344, PK_ERR_FORMAT, "", 24691,
	    "incomplete port entry \"99/open\"");
}

/* In the thread's first batch: the caller must still see them in order. */
TEST(test_ahead_early)
{
	ahead_case(2, 4, 3, PK_ERR_FORMAT, "4 warning: port 22/tcp of "
	    "10.77.0.3 listed twice;", 9, "incomplete port entry \"99/open\"");
}

TEST(test_ahead_truncated)
{
	struct text t;
	struct seen s;
	const char *cut;

	make_scan(&t, 0, 0);
	/* Inside host 17000's Ports line: the hosts before it are kept. */
	cut = strstr(t.s, "Host: 10.77.68.1 ()\tPorts: ");
	if (!assert_true(cut != NULL))
		return;
	same_read(&t, (size_t)(cut - t.s) + 40, (unsigned long)-1, 16999,
	    PK_ERR_TRUNCATED);
	read_scan(&t, (size_t)(cut - t.s) + 40, 1, (unsigned long)-1, &s);
	assert_int(s.err.line, 34001);
	assert_str(s.err.msg, "truncated scan: last line cut short: kept "
	    "16999 complete hosts");
	free(t.s);
}

/* Freed early, with the thread still parsing: no hang, nothing leaked. */
TEST(test_ahead_free_early)
{
	struct text t;

	make_scan(&t, 0, 0);
	same_read(&t, t.len, 5000, 5000, PK_OK);
	same_read(&t, t.len, 1, 1, PK_OK);
	free(t.s);
}

TEST_MAIN(test_ahead_whole_scan, test_ahead_warning_late,
    test_ahead_error_late, test_ahead_early, test_ahead_truncated,
    test_ahead_free_early)
