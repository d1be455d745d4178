/*
 * fe_err.c - program name and diagnostics for the tools, in the err(3)
 * format made portable: "prog: [file[:line]: ]message".
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fe/fe.h"

/* Tools are single-threaded; the name is set once at the top of main. */
static const char *progname = "portkit";

void
fe_setprogname(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	progname = slash != NULL && slash[1] != '\0' ? slash + 1 : argv0;
}

const char *
fe_progname(void)
{
	return progname;
}

static void	vwarn_at(const char *, unsigned long, const char *, va_list)
		    FE_PRINTF(3, 0);

static void
vwarn_at(const char *file, unsigned long line, const char *fmt, va_list ap)
{
	/* Flush data first so a message lands after what came before it. */
	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	if (file != NULL && line != 0)
		fprintf(stderr, "%s:%lu: ", file, line);
	else if (file != NULL)
		fprintf(stderr, "%s: ", file);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
fe_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(NULL, 0, fmt, ap);
	va_end(ap);
}

void
fe_warn_at(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(file, line, fmt, ap);
	va_end(ap);
}

void
fe_errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(NULL, 0, fmt, ap);
	va_end(ap);
	exit(status);
}

void
fe_warn_pkerr(const struct pk_error *err)
{
	const char *msg;

	msg = err->msg[0] != '\0' ? err->msg : pk_strerror(err->status);
	fe_warn_at(err->file, err->line, "%s", msg);
}

void
fe_tryhelp(void)
{
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	exit(2);
}

void
fe_print_version(void)
{
	printf("%s (portkit) %s\n", progname, PK_VERSION);
	exit(fe_close_stdout(0));
}

_Noreturn void
fe_nomem(void)
{
	fe_errx(2, "out of memory");
}

struct pk_reader *
fe_reader_open(const char *path, const struct pk_read_opts *opts)
{
	struct pk_reader *r;

	if ((r = pk_reader_open(path, opts)) == NULL)
		fe_nomem();
	return r;
}

/* A reader's warning (file, line, "warning: ..."), in the house format. */
static void
fe_reader_warning(void *arg, const struct pk_error *w)
{
	(void)arg;
	fe_warn_pkerr(w);
}

void
fe_read_opts_init(struct pk_read_opts *opts)
{
	pk_read_opts_init(opts);
	opts->warn = fe_reader_warning;
	/* Only pcat --scripts prints the trees (its elements field). */
	opts->skip_script_trees = 1;
}

struct pk_services *
fe_dump_services(const char *path)
{
	struct pk_services *svc;
	struct pk_error err;

	memset(&err, 0, sizeof(err));
	svc = pk_services_open(path, NULL, NULL, &err);
	if (svc == NULL && err.file != NULL) {
		fe_warn_pkerr(&err);
		exit(2);
	}
	return svc;
}
