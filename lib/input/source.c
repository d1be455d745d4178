/*
 * source.c - an input opened and recognised before a reader takes it.
 *
 * A tool that accepts scans and socket dumps alike must know which one a
 * file holds before it picks a reader, and standard input cannot be
 * opened twice.  A source opens the input once, looks at its first bytes
 * without consuming them, and is then handed whole to the right reader.
 */
#include <stdlib.h>
#include <string.h>

#include "input/source.h"

#define SNIFF_BYTES	4096

struct pk_source {
	char		*name;
	struct pk_input	*in;
	struct pk_error	 err;
	enum pk_format	 format;
	int		 sniffed;
};

static struct pk_source *
source_new(const char *name)
{
	struct pk_source *src = calloc(1, sizeof(*src));

	if (src != NULL && (src->name = strdup(name)) == NULL) {
		free(src);
		src = NULL;
	}
	if (src != NULL)
		src->err.file = src->name;
	return src;
}

static struct pk_source *
source_attach(struct pk_source *src, struct pk_input *in)
{
	src->in = in;
	if (in == NULL) {
		src->err.file = src->name;
		src->sniffed = 1;	/* nothing to look at */
	}
	return src;
}

struct pk_source *
pk_source_open(const char *path, const struct pk_limits *lim)
{
	struct pk_source *src;

	src = source_new(strcmp(path, "-") == 0 ? "<stdin>" : path);
	if (src == NULL)
		return NULL;
	return source_attach(src, pk_input_open(path, src->name, lim,
	    &src->err));
}

struct pk_source *
pk_source_open_fd(int fd, const char *name, const struct pk_limits *lim)
{
	struct pk_source *src;

	src = source_new(name != NULL ? name : "<fd>");
	if (src == NULL)
		return NULL;
	return source_attach(src, pk_input_open_fd(fd, src->name, lim,
	    &src->err));
}

enum pk_format
pk_source_format(struct pk_source *src)
{
	const char *p;
	size_t n;
	int rc;

	if (src->sniffed)
		return src->format;
	src->sniffed = 1;
	rc = pk_input_peek(src->in, SNIFF_BYTES, &p, &n);
	if (rc == PK_OK)
		src->format = pk_format_detect(p, n);
	else if (rc != PK_EOF)
		src->err = *pk_input_error(src->in);
	src->err.file = src->name;
	return src->format;
}

const struct pk_error *
pk_source_error(const struct pk_source *src)
{
	return &src->err;
}

const char *
pk_source_name(const struct pk_source *src)
{
	return src->name;
}

void
pk_source_free(struct pk_source *src)
{
	if (src == NULL)
		return;
	pk_input_free(src->in);
	free(src->name);
	free(src);
}

struct pk_input *
pk_source_take(struct pk_source *src, struct pk_error *err)
{
	struct pk_input *in = src->in;

	*err = src->err;
	if (in == NULL && err->status == 0)
		err->status = PK_ERR_IO;
	src->in = NULL;
	pk_source_free(src);
	return in;
}
