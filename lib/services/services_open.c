/*
 * services_open.c - find and load nmap-services in one call, the way
 * every tool that resolves port names or ranks ports needs it.
 */
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "services/services.h"

/*
 * A load of a located file failed: the path is freed on return, so keep
 * a copy in err itself, after the message, for err->file to point at.
 * When it does not fit, the file goes by the generic name.
 */
static void
keep_path(struct pk_error *err, const char *path)
{
	size_t m = strlen(err->msg), p = strlen(path);

	if (m + 1 + p + 1 > sizeof(err->msg)) {
		err->file = "nmap-services";
		return;
	}
	memcpy(err->msg + m + 1, path, p + 1);
	err->file = err->msg + m + 1;
}

struct pk_services *
pk_services_open(const char *file, const char *datadir,
    const struct pk_limits *lim, struct pk_error *err)
{
	return pk_services_open_ports(file, datadir, lim, NULL, err);
}

struct pk_services *
pk_services_open_ports(const char *file, const char *datadir,
    const struct pk_limits *lim, const struct pk_portset *want,
    struct pk_error *err)
{
	struct pk_services *svc;
	char *path;

	if (file != NULL)
		return pk_services_load_ports(file, lim, want, err);
	if ((path = pk_services_locate(datadir, err)) == NULL) {
		/* No file is not a bad file: let the caller tell them apart. */
		if (err != NULL && err->status == PK_ERR_IO)
			err->file = NULL;
		return NULL;
	}
	svc = pk_services_load_ports(path, lim, want, err);
	if (svc == NULL && err != NULL)
		keep_path(err, path);
	free(path);
	return svc;
}
