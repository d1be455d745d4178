/*
 * fe_io.c - checking standard output at the end of a tool, after
 * util-linux close_stdout, but called explicitly from main.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fe/fe.h"

int
fe_close_stdout(int status)
{
	int fd, failed;

	errno = 0;
	failed = fflush(stdout) != 0 || ferror(stdout);
	/*
	 * Closing a duplicate catches errors that some file systems (NFS)
	 * report only at close, and leaves stdout usable for exit().
	 */
	if (!failed && (fd = dup(fileno(stdout))) >= 0 && close(fd) != 0)
		failed = 1;
	if (!failed || errno == EPIPE)
		return status;
	if (errno != 0)
		fe_warnx("write error: %s", strerror(errno));
	else
		fe_warnx("write error");
	exit(2);
}
