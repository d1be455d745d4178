/*
 * reading.h - helpers the reader tests share (test_gnmap, test_normal,
 * test_truncate): a file in memory, draining a reader, the error a
 * rejected input must end with, and a tiny nmap-service-probes file.
 * Include it after portkit.h and harness.h.
 */
#ifndef PK_TEST_READING_H
#define PK_TEST_READING_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The whole of path in memory (not NUL-terminated), or NULL. */
static inline char *
th_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) != NULL &&
	    fread(buf, 1, (size_t)n, f) == (size_t)n)
		*len = (size_t)n;
	else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* Read every host; returns the final status, *n the hosts seen. */
static inline int
th_drain(struct pk_reader *r, unsigned long *n)
{
	const struct pk_host *h;
	int rc;

	*n = 0;
	while ((rc = pk_reader_next(r, &h)) == PK_OK)
		(*n)++;
	return rc;
}

/*
 * r must end with status at line after delivering nhosts hosts, saying
 * msg.  Returns its error for more checks, NULL when r is NULL.
 */
static inline const struct pk_error *
th_rejects(struct pk_reader *r, int status, unsigned long line,
    unsigned long nhosts, const char *msg)
{
	const struct pk_error *e;
	unsigned long n;
	char want[300];

	/* Every reader ends a truncation message with what it kept. */
	if (status == PK_ERR_TRUNCATED) {
		(void)snprintf(want, sizeof(want), "%s: kept %lu complete "
		    "host%s", msg, nhosts, nhosts == 1 ? "" : "s");
		msg = want;
	}
	if (!assert_true(r != NULL))
		return NULL;
	assert_int(th_drain(r, &n), status);
	assert_int(n, nhosts);
	e = pk_reader_error(r);
	assert_int(e->line, line);
	assert_str(e->msg, msg);
	return e;
}

/*
 * A probes file in path (a mkstemp template) naming one product,
 * OpenSSH, for the version split.  0, or -1 when it cannot be written.
 */
static inline int
th_ssh_probes(char *path)
{
	FILE *fp;
	int fd;

	if ((fd = mkstemp(path)) < 0 || (fp = fdopen(fd, "w")) == NULL)
		return -1;
	fputs("match ssh m|^SSH-2.0-OpenSSH_(\\S+)| p/OpenSSH/ v/$1/\n", fp);
	fclose(fp);
	return 0;
}

#endif /* PK_TEST_READING_H */
