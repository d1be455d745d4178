/*
 * test_products.c - grepable output's joined version field split with
 * the product names of an nmap-service-probes file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "scan/products.h"

/* A few match lines in nmap-service-probes' own syntax. */
static const char probes[] =
"# comment\n"
"Probe TCP NULL q||\n"
"match ssh m|^SSH-([\\d.]+)-OpenSSH_([\\w._-]+)|s p/OpenSSH/ v/$2/ "
    "i/protocol $1/ cpe:/a:openbsd:openssh:$2/a\n"
"match ssh m|^SSH-2.0-OpenSSH_9| p/OpenSSH/ v/9/\n"
"match smtp m|^220 .* ESMTP Postfix| p/Postfix smtpd/ h/x/\n"
"match http m|^HTTP/1\\.[01] \\d\\d\\d.*Server: Apache/([\\d.]+)|s "
    "p/Apache httpd/ v/$1/\n"
"match http m|Tomcat| p/Apache Tomcat/\n"
"match http m|Tomcat (\\w+)| p/Apache Tomcat $1/\n"
"match http m|AXIS (\\w+)| p/AXIS $1 camera httpd/ v/$2/\n"
"match ftp m|^220 OS/2| p|IBM OS/2 ftpd| v/$1/\n"
"match sip m|^SIP/2.0 (\\w+)| p/$1 SIP/\n"
"match any m|^(\\w+) (\\w+)| p/$1 $P(2)/\n"
"softmatch redis m|^-ERR| p/Redis key-value store/\n"
"match x m|y| v/only a version/\n";

static struct pk_products *
load(void)
{
	char path[] = "/tmp/test_products.XXXXXX";
	struct pk_error err;
	struct pk_products *p;
	FILE *fp;
	int fd;

	if ((fd = mkstemp(path)) < 0 || (fp = fdopen(fd, "w")) == NULL)
		return NULL;
	fputs(probes, fp);
	fclose(fp);
	fp = fopen(path, "r");
	unlink(path);
	if (fp == NULL)
		return NULL;
	p = pk_products_read(fp, &err);
	fclose(fp);
	return p;
}

/* "product|version|extrainfo" (- for absent), and whether it was split. */
static const char *
split_hint(struct pk_products *p, const char *in, unsigned hint)
{
	static char out[512];
	const char *pr, *ve, *ex;
	char buf[256];
	int rc;

	snprintf(buf, sizeof(buf), "%s", in);
	rc = pk_products_split(p, buf, strlen(buf), hint, &pr, &ve, &ex);
	snprintf(out, sizeof(out), "%d %s|%s|%s", rc, pr ? pr : "-",
	    ve ? ve : "-", ex ? ex : "-");
	return out;
}

static const char *
split(struct pk_products *p, const char *in)
{
	return split_hint(p, in, 0);
}

TEST(test_split_known)
{
	struct pk_products *pp = load();

	if (!assert_true(pp != NULL))
		return;
	assert_str(split(pp, "OpenSSH 9.2p1 Debian 2+deb12u3 (protocol 2.0)"),
	    "1 OpenSSH|9.2p1 Debian 2+deb12u3|protocol 2.0");
	assert_str(split(pp, "OpenSSH"), "1 OpenSSH|-|-");
	/* Again: the memo's answer is the one worked out. */
	assert_str(split(pp, "OpenSSH 9.2p1 Debian 2+deb12u3 (protocol 2.0)"),
	    "1 OpenSSH|9.2p1 Debian 2+deb12u3|protocol 2.0");
	assert_str(split(pp, "OpenSSH"), "1 OpenSSH|-|-");
	assert_str(split(pp, "OpenSSH (protocol 2.0)"),
	    "1 OpenSSH|-|protocol 2.0");
	assert_str(split(pp, "Postfix smtpd"), "1 Postfix smtpd|-|-");
	assert_str(split(pp, "Apache httpd 2.4.57 ((Debian))"),
	    "1 Apache httpd|2.4.57|(Debian)");
	assert_str(split(pp, "Redis key-value store 7.0.11"),
	    "1 Redis key-value store|7.0.11|-");
	/* The literal name wins over one with a substitution. */
	assert_str(split(pp, "Apache Tomcat 9.0.1"),
	    "1 Apache Tomcat|9.0.1|-");
	/* $1 is one word; '|' is how grepable output writes '/'. */
	assert_str(split(pp, "AXIS 2100 camera httpd 1.2 (a (b) c)"),
	    "1 AXIS 2100 camera httpd|1.2|a (b) c");
	assert_str(split(pp, "IBM OS|2 ftpd 4.1"), "1 IBM OS/2 ftpd|4.1|-");
	assert_str(split(pp, "Polycom SIP 3.1"), "1 Polycom SIP|3.1|-");
	pk_products_free(pp);
}

TEST(test_split_unsettled)
{
	struct pk_products *pp = load();

	if (!assert_true(pp != NULL))
		return;
	/* No known name: whole, in version. */
	assert_str(split(pp, "Frobnicator 1.0 (x)"),
	    "0 -|Frobnicator 1.0 (x)|-");
	assert_str(split(pp, "OpenSSHd 9.2"), "0 -|OpenSSHd 9.2|-");
	assert_str(split(pp, "Open\tSSH"), "0 -|Open\tSSH|-");
	/* Not a single space where the fields meet: unsure. */
	assert_str(split(pp, "OpenSSH  9.2"), "0 -|OpenSSH  9.2|-");
	assert_str(split(pp, "OpenSSH 9.2  (x)"), "0 -|OpenSSH 9.2  (x)|-");
	/* Only an extrainfo needs no name. */
	assert_str(split(pp, "(protocol 2.0)"), "1 -|-|protocol 2.0");
	assert_str(split(NULL, "(protocol 2.0)"), "1 -|-|protocol 2.0");
	assert_str(split(NULL, "OpenSSH 9.2"), "0 -|OpenSSH 9.2|-");
	assert_str(split(pp, "OpenSSH 9.2 (x"), "1 OpenSSH|9.2 (x|-");
	assert_str(split(pp, ""), "0 -||-");
	pk_products_free(pp);
}

/*
 * Texts that change under the same hint, and more of them than the memo
 * holds (its slots grow, then it starts over): every answer is still the
 * text's own.
 */
TEST(test_split_memo)
{
	struct pk_products *pp = load();
	char in[64], want[64];
	int i, ok = 1;

	if (!assert_true(pp != NULL))
		return;
	for (i = 0; i < 3600 && ok; i++) {
		if (i % 3 == 0) {
			snprintf(in, sizeof(in), "OpenSSH %d.%d (x)", i % 7,
			    i / 3);
			snprintf(want, sizeof(want), "1 OpenSSH|%d.%d|x", i % 7,
			    i / 3);
		} else if (i % 3 == 1) {
			snprintf(in, sizeof(in), "Apache Tomcat %d", i % 5);
			snprintf(want, sizeof(want), "1 Apache Tomcat|%d|-",
			    i % 5);
		} else {
			snprintf(in, sizeof(in), "IBM OS|2 ftpd");
			snprintf(want, sizeof(want), "1 IBM OS/2 ftpd|-|-");
		}
		ok = assert_str(split_hint(pp, in, (unsigned)i % 4), want);
	}
	pk_products_free(pp);
}

/*
 * Many names, some hostile lines, read from a stream of unknown size
 * (fmemopen: the arrays start small and grow) and from a file (sized
 * at once): the same splits either way.
 */
static char *
many_lines(size_t *len)
{
	size_t cap = 1 << 20, n = 0, i;
	char *b;
	int k;

	if ((b = malloc(cap)) == NULL)
		return NULL;
	for (k = 0; k < 5000; k++)
		n += (size_t)snprintf(b + n, cap - n, k % 10 == 0 ?
		    "match x m|^x%d| p/$1 Thing%d/\n" :
		    "softmatch x m=^y%d=i p|Name%d httpd| v/1/\n", k, k);
	/* The pattern not closed; a NUL ending the line before the name. */
	n += (size_t)snprintf(b + n, cap - n, "match x m|^a p/Never/\n");
	memcpy(b + n, "match x m|a|\0 p/Hidden/\n", 24);
	n += 24;
	/* Lines that end early: a name is never read across a newline. */
	n += (size_t)snprintf(b + n, cap - n, "match x m\nmatch\nmatch x m|"
	    "a| p/Broken\nOff/\nmatch y m|a\n| p/Across/\n");
	/* A line longer than the read buffer (64 KiB). */
	n += (size_t)snprintf(b + n, cap - n, "match x m|");
	for (i = 0; i < 100000; i++)
		b[n++] = 'a';
	n += (size_t)snprintf(b + n, cap - n, "| p/Longline/\n");
	/* A first word too long to be indexed; no newline at the end. */
	b[n++] = 'm';
	n += (size_t)snprintf(b + n, cap - n, "atch x m|b| p/");
	for (i = 0; i < 300; i++)
		b[n++] = 'W';
	n += (size_t)snprintf(b + n, cap - n, " x/ v/1/\nmatch z m|c| p/Last/");
	*len = n;
	return b;
}

static void
check_many(struct pk_products *pp)
{
	const char *pr, *ve, *ex;
	char in[400];

	if (!assert_true(pp != NULL))
		return;
	assert_str(split(pp, "Name4321 httpd 1.0"), "1 Name4321 httpd|1.0|-");
	assert_str(split(pp, "Name1 httpd"), "1 Name1 httpd|-|-");
	assert_str(split(pp, "Name2|x"), "0 -|Name2|x|-");
	assert_str(split(pp, "foo Thing30 2"), "1 foo Thing30|2|-");
	assert_str(split(pp, "foo Thing31 2"), "0 -|foo Thing31 2|-");
	assert_str(split(pp, "Never 1"), "0 -|Never 1|-");
	assert_str(split(pp, "Hidden 1"), "0 -|Hidden 1|-");
	assert_str(split(pp, "Broken 1"), "0 -|Broken 1|-");
	assert_str(split(pp, "Off 1"), "0 -|Off 1|-");
	assert_str(split(pp, "Across 1"), "0 -|Across 1|-");
	assert_str(split(pp, "Longline 2"), "1 Longline|2|-");
	assert_str(split(pp, "Last 2 (x)"), "1 Last|2|x");
	memset(in, 'W', 300);
	snprintf(in + 300, sizeof(in) - 300, " x 1");
	assert_int(pk_products_split(pp, in, strlen(in), 0, &pr, &ve, &ex), 0);
	assert_true(ve == in && pr == NULL && strlen(in) == 304);
	pk_products_free(pp);
}

TEST(test_read_many)
{
	char path[] = "/tmp/test_products.XXXXXX";
	struct pk_error err;
	size_t len = 0;
	char *b;
	FILE *fp;
	int fd;

	if (!assert_true((b = many_lines(&len)) != NULL))
		return;
	if (assert_true((fp = fmemopen(b, len, "r")) != NULL)) {
		check_many(pk_products_read(fp, &err));
		fclose(fp);
	}
	if (assert_true((fd = mkstemp(path)) >= 0)) {
		if (assert_true(write(fd, b, len) == (ssize_t)len) &&
		    assert_true(lseek(fd, 0, SEEK_SET) == 0) &&
		    assert_true((fp = fdopen(fd, "r")) != NULL)) {
			check_many(pk_products_read(fp, &err));
			fclose(fp);
		} else
			close(fd);
		unlink(path);
	}
	free(b);
}

/* A stream that cannot be read through is an error, not fewer names. */
TEST(test_read_errors)
{
	struct pk_error err;
	FILE *fp;

	if (!assert_true((fp = fopen("/", "r")) != NULL))
		return;
	memset(&err, 0, sizeof(err));
	assert_true(pk_products_read(fp, &err) == NULL);
	assert_int(err.status, PK_ERR_IO);
	assert_str(err.msg, "read error");
	fclose(fp);
	pk_products_free(NULL);
}

TEST_MAIN(test_split_known, test_split_unsettled, test_split_memo,
    test_read_many, test_read_errors)
