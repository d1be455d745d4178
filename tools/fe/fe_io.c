/*
 * fe_io.c - standard output: checking it at the end of a tool, after
 * util-linux close_stdout, but called explicitly from main; the field
 * list --list-fields prints.
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

/*
 * A write that failed as it happened: a reader that went away (tool |
 * head) is not worth a word, anything else is a write error.
 */
_Noreturn void
fe_write_failed(void)
{
	if (errno == EPIPE)
		exit(2);
	fe_errx(2, "write error: %s", strerror(errno));
}

size_t
fe_stdin_once(const char *const paths[], size_t n, size_t seen)
{
	size_t i;

	for (i = 0; i < n; i++)
		seen += strcmp(paths[i], "-") == 0;
	if (seen > 1)
		fe_errx(2, "standard input (-) given more than once");
	return seen;
}

void
fe_list_fields(const struct pk_field *f, size_t n)
{
	static const char *const types[] = { "string", "integer", "number",
	    "json" };
	size_t i;

	for (i = 0; i < n; i++)
		printf("%-12s %-8s %s\n", f[i].name, types[f[i].type],
		    f[i].desc);
	exit(fe_close_stdout(0));
}
