/*
 * vsplit.c - the nmap-service-probes a line reader splits version texts
 * with, found and opened.
 *
 * -oG's version field and -oN's VERSION column hold the same string,
 * "OpenSSH 9.2p1 Debian 2+deb12u3 (protocol 2.0)", so both readers split
 * it with the same names and the same rules (products.c).  The names
 * come from nmap-service-probes, read at the first such text of a
 * reader, so that scans without -sV never pay for it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/nmapdir.h"
#include "scan/products.h"
#include "scan/queue.h"

int
pk_vsplit_open(struct pk_reader *r, unsigned long line, FILE **fpp)
{
	const char *path = r->opts.probes;
	char *found = NULL;
	int rc, enomem;

	*fpp = NULL;
	if (path == NULL) {
		rc = pk_nmapdir_find(NULL, "nmap-service-probes", &found);
		if (rc < 0)
			return pk_rd_fail(r, PK_ERR_NOMEM, line,
			    "out of memory");
		if (rc == 0)
			return PK_OK;
		path = found;
	}
	*fpp = fopen(path, "r");
	enomem = *fpp == NULL && errno == ENOMEM;
	free(found);
	/* Not there (or not ours to read): the texts stay whole. */
	return enomem ? pk_rd_fail(r, PK_ERR_NOMEM, line, "out of memory") :
	    PK_OK;
}
