/*
 * command.c - the command lines a section offers for what it leaves out
 * ("pcat --up --state open a.xml b.xml"), with the inputs quoted for the
 * shell.  They are shown as text, escaped like any other string.
 */
#include <stdlib.h>
#include <string.h>

#include "report/report_impl.h"

/* Append s to the growing string *buf (of *len, *cap bytes). */
static int
cat(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (rp_grow(buf, cap, *len + n + 1, 1) != 0)
		return -1;
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

/* " name", in single quotes unless it is plain. */
static int
cat_quoted(char **buf, size_t *len, size_t *cap, const char *s)
{
	const char *p;
	int rc;

	if (cat(buf, len, cap, " ", 1) != 0)
		return -1;
	if (*s != '\0' && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=+,@%-") == strlen(s))
		return cat(buf, len, cap, s, strlen(s));
	rc = cat(buf, len, cap, "'", 1);
	for (p = s; *p != '\0' && rc == 0; p++)
		rc = *p == '\'' ? cat(buf, len, cap, "'\\''", 4) :
		    cat(buf, len, cap, p, 1);
	return rc == 0 ? cat(buf, len, cap, "'", 1) : -1;
}

static int
wanted(const struct rp_input *in, int which, int since)
{
	if (in->since != since)
		return 0;
	if (which == RP_CMD_FW)
		return in->role != RP_SCAN;
	return in->role != RP_ACK;
}

char *
rp_command(const struct pk_report *rp, const char *prefix, int which)
{
	char *buf = NULL;
	size_t len = 0, cap = 0, i;
	int side, rc;

	rc = cat(&buf, &len, &cap, prefix, strlen(prefix));
	for (side = which == RP_CMD_DIFF; side >= 0 && rc == 0; side--) {
		if (which == RP_CMD_DIFF)
			rc = cat(&buf, &len, &cap, side ? " -a" : " -b", 3);
		for (i = 0; i < rp->nin && rc == 0; i++)
			if (wanted(&rp->in[i], which, side))
				rc = cat_quoted(&buf, &len, &cap,
				    rp->in[i].name);
	}
	if (rc != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}
