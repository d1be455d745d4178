/*
 * Unit tests for tools/fe: the messages, exit statuses and write-error
 * handling every tool relies on.  Helpers that exit run in a child
 * process whose stdout and stderr go to temporary files.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fe/fe.h"
#include "harness.h"

struct run {
	int	 status;		/* exit status, or 128 + signal */
	char	 out[1024];
	char	 err[1024];
};

enum { OUT_FILE, OUT_FULL, OUT_BROKEN_PIPE };

/* Arguments for the child bodies below. */
static const char *arg_s;
static int arg_status;

static int
tmpfile_fd(void)
{
	char path[] = "/tmp/pk-test-fe.XXXXXX";
	int fd;

	if ((fd = mkstemp(path)) >= 0)
		unlink(path);
	return fd;
}

static void
slurp(int fd, char *buf, size_t len)
{
	ssize_t n;

	n = pread(fd, buf, len - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	close(fd);
}

static void
redirect_stdout(int mode, int outfd)
{
	int p[2];

	if (mode == OUT_FULL)
		outfd = open("/dev/full", O_WRONLY);
	else if (mode == OUT_BROKEN_PIPE && pipe(p) == 0) {
		/* The parent of a tool may ignore SIGPIPE: see EPIPE. */
		signal(SIGPIPE, SIG_IGN);
		close(p[0]);
		outfd = p[1];
	}
	dup2(outfd, STDOUT_FILENO);
}

/* Run body in a child as a tool named "pcat"; the child exits 0 after. */
static void
run_child(void (*body)(void), int mode, struct run *r)
{
	int ofd = tmpfile_fd(), efd = tmpfile_fd(), st;
	pid_t pid;

	memset(r, 0, sizeof(*r));
	fflush(stdout);
	if ((pid = fork()) == 0) {
		redirect_stdout(mode, ofd);
		dup2(efd, STDERR_FILENO);
		fe_setprogname("/usr/bin/pcat");
		body();
		exit(0);
	}
	waitpid(pid, &st, 0);
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	slurp(ofd, r->out, sizeof(r->out));
	slurp(efd, r->err, sizeof(r->err));
}

static void
body_warnings(void)
{
	fe_warnx("hello %d", 3);
	fe_warn_at("a.xml", 12, "bad %s", "tag");
	fe_warn_at("a.xml", 0, "no line");
	fe_warn_at(NULL, 7, "no file");
}

static void
body_errx(void)
{
	fe_errx(3, "cannot open '%s'", "x");
}

static void
body_tryhelp(void)
{
	fe_tryhelp();
}

static void
body_version(void)
{
	fe_print_version();
}

static void
body_pkerr(void)
{
	struct pk_error e = { PK_ERR_TRUNCATED, "scan.xml", 1234, 5, "" };

	snprintf(e.msg, sizeof(e.msg), "unexpected end of file");
	fe_warn_pkerr(&e);
	e.msg[0] = '\0';
	e.file = "<stdin>";
	e.line = 0;
	fe_warn_pkerr(&e);
}

static void
body_ulong(void)
{
	printf("%lu\n", fe_parse_ulong(arg_s, 1, 65535, "port"));
}

static void
body_double(void)
{
	printf("%g\n", fe_parse_double(arg_s, 0.0, 1.0, "ratio"));
}

static void
body_close(void)
{
	printf("data\n");
	exit(fe_close_stdout(arg_status));
}

TEST(test_progname)
{
	fe_setprogname("/usr/local/bin/ptop");
	assert_str(fe_progname(), "ptop");
	fe_setprogname(NULL);
	assert_str(fe_progname(), "ptop");
	fe_setprogname("pdiff");
	assert_str(fe_progname(), "pdiff");
}

TEST(test_warnings_format)
{
	struct run r;

	run_child(body_warnings, OUT_FILE, &r);
	assert_int(r.status, 0);
	assert_str(r.out, "");
	assert_str(r.err, "pcat: hello 3\n"
	    "pcat: a.xml:12: bad tag\n"
	    "pcat: a.xml: no line\n"
	    "pcat: no file\n");
}

TEST(test_errx_exits_with_status)
{
	struct run r;

	run_child(body_errx, OUT_FILE, &r);
	assert_int(r.status, 3);
	assert_str(r.err, "pcat: cannot open 'x'\n");
}

TEST(test_tryhelp)
{
	struct run r;

	run_child(body_tryhelp, OUT_FILE, &r);
	assert_int(r.status, 2);
	assert_str(r.out, "");
	assert_str(r.err, "Try 'pcat --help' for more information.\n");
}

TEST(test_version)
{
	struct run r;

	run_child(body_version, OUT_FILE, &r);
	assert_int(r.status, 0);
	assert_str(r.out, "pcat (portkit) " PK_VERSION "\n");
	assert_str(r.err, "");
}

TEST(test_pkerr_house_format)
{
	char want[512];
	struct run r;

	run_child(body_pkerr, OUT_FILE, &r);
	snprintf(want, sizeof(want), "pcat: scan.xml:1234: unexpected end of "
	    "file\npcat: <stdin>: %s\n", pk_strerror(PK_ERR_TRUNCATED));
	assert_str(r.err, want);
}

TEST(test_parse_ulong_accepts)
{
	struct run r;

	arg_s = "65535";
	run_child(body_ulong, OUT_FILE, &r);
	assert_int(r.status, 0);
	assert_str(r.out, "65535\n");
	assert_int(fe_parse_ulong("1", 1, 1, "n"), 1);
	assert_int(fe_parse_ulong("007", 0, 10, "n"), 7);
}

static void
ulong_rejects(const char *s, const char *err)
{
	struct run r;

	arg_s = s;
	run_child(body_ulong, OUT_FILE, &r);
	assert_int(r.status, 2);
	assert_str(r.out, "");
	assert_str(r.err, err);
}

TEST(test_parse_ulong_rejects)
{
	ulong_rejects("", "pcat: invalid port: ''\n");
	ulong_rejects("-1", "pcat: invalid port: '-1'\n");
	ulong_rejects("+1", "pcat: invalid port: '+1'\n");
	ulong_rejects(" 1", "pcat: invalid port: ' 1'\n");
	ulong_rejects("1x", "pcat: invalid port: '1x'\n");
	ulong_rejects("0",
	    "pcat: port out of range: '0' (must be 1..65535)\n");
	ulong_rejects("70000",
	    "pcat: port out of range: '70000' (must be 1..65535)\n");
	ulong_rejects("184467440737095516160", "pcat: port out of range: "
	    "'184467440737095516160' (must be 1..65535)\n");
}

static void
double_check(const char *s, int status, const char *out, const char *err)
{
	struct run r;

	arg_s = s;
	run_child(body_double, OUT_FILE, &r);
	assert_int(r.status, status);
	assert_str(r.out, out);
	assert_str(r.err, err);
}

TEST(test_parse_double)
{
	double_check("0.5", 0, "0.5\n", "");
	double_check("1e-3", 0, "0.001\n", "");
	double_check("1", 0, "1\n", "");
	double_check("inf", 2, "", "pcat: invalid ratio: 'inf'\n");
	double_check("nan", 2, "", "pcat: invalid ratio: 'nan'\n");
	double_check("0x1", 2, "", "pcat: invalid ratio: '0x1'\n");
	double_check("1e", 2, "", "pcat: invalid ratio: '1e'\n");
	double_check(".", 2, "", "pcat: invalid ratio: '.'\n");
	double_check("1.5", 2, "",
	    "pcat: ratio out of range: '1.5' (must be 0..1)\n");
	double_check("1e999", 2, "",
	    "pcat: ratio out of range: '1e999' (must be 0..1)\n");
}

TEST(test_close_stdout_returns_status)
{
	struct run r;

	arg_status = 1;
	run_child(body_close, OUT_FILE, &r);
	assert_int(r.status, 1);
	assert_str(r.out, "data\n");
	assert_str(r.err, "");
}

TEST(test_close_stdout_write_error)
{
	struct run r;

	arg_status = 0;
	run_child(body_close, OUT_FULL, &r);
	assert_int(r.status, 2);
	assert_str(r.err, "pcat: write error: No space left on device\n");
}

TEST(test_close_stdout_ignores_epipe)
{
	struct run r;

	arg_status = 5;
	run_child(body_close, OUT_BROKEN_PIPE, &r);
	assert_int(r.status, 5);
	assert_str(r.err, "");
}

TEST_MAIN(test_progname, test_warnings_format, test_errx_exits_with_status,
    test_tryhelp, test_version, test_pkerr_house_format,
    test_parse_ulong_accepts, test_parse_ulong_rejects, test_parse_double,
    test_close_stdout_returns_status, test_close_stdout_write_error,
    test_close_stdout_ignores_epipe)
