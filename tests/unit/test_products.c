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
 * holds (it starts over): every answer is still the text's own.
 */
TEST(test_split_memo)
{
	struct pk_products *pp = load();
	char in[64], want[64];
	int i, ok = 1;

	if (!assert_true(pp != NULL))
		return;
	for (i = 0; i < 3000 && ok; i++) {
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
    test_read_errors)
