/*
 * fe_data.c - portkit's data files (pnonstd's tables and the port
 * table): where they are, and loading them, for every tool that judges
 * where services listen or what a port is for.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fe/fe.h"

/* make install's share/portkit (the Makefile gives it from DATADIR). */
#ifndef FE_DATADIR
#define FE_DATADIR	"/usr/local/share/portkit"
#endif

const char *
fe_tables_dir(const char *given, char *buf, size_t sz)
{
	static const char *const dirs[] = {
		FE_DATADIR, "/usr/local/share/portkit", "/usr/share/portkit",
		NULL
	};
	static const char *const near[] = {
		"../share/portkit", "../data", "../../data", "../../../data", NULL
	};
	const char *env = getenv("PORTKIT_DATADIR");
	char exe[PATH_MAX], probe[PATH_MAX + 64], *slash;
	ssize_t n;
	size_t i;

	if (given != NULL)
		return given;
	if (env != NULL && *env != '\0')
		return env;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (i = 0; near[i] != NULL; i++) {
			(void)snprintf(buf, sz, "%s/%s", exe, near[i]);
			(void)snprintf(probe, sizeof(probe), "%s/nonstd-map.tsv",
			    buf);
			if (access(probe, R_OK) == 0)
				return buf;
		}
	}
	for (i = 0; dirs[i] != NULL; i++)
		if (access(dirs[i], R_OK) == 0)
			return dirs[i];
	return NULL;
}

/* A table file refused: say where, to the column when known, and exit 2. */
static _Noreturn void
table_fail(const struct pk_error *err)
{
	if (err->column > 0)
		fe_warn_at(err->file, err->line, "column %lu: %s",
		    err->column, err->msg);
	else
		fe_warn_pkerr(err);
	exit(2);
}

void
fe_nonstd_load(struct pk_nonstd *ns, enum pk_ns_table t, const char *path)
{
	struct pk_error err;

	memset(&err, 0, sizeof(err));
	if (pk_nonstd_load(ns, t, path, &err) != PK_OK)
		table_fail(&err);
}

void
fe_nonstd_tables(struct pk_nonstd *ns, const char *dir)
{
	/* What is exposed comes from the port table (fe_ports_open). */
	static const char *const files[] = {
		"nonstd-map.tsv", "nonstd-equiv.tsv"
	};
	char path[PATH_MAX + 64];
	size_t i;

	for (i = 0; i < 2; i++) {
		(void)snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		fe_nonstd_load(ns, (enum pk_ns_table)i, path);
	}
}

static void
ports_load(struct pk_ports *pt, const char *path)
{
	struct pk_error err;

	memset(&err, 0, sizeof(err));
	if (pk_ports_load(pt, path, &err) != PK_OK) {
		if (err.status == PK_ERR_NOMEM)
			fe_nomem();
		table_fail(&err);
	}
}

struct pk_ports *
fe_ports_open(const char *dir, const char *user, int need)
{
	char dirbuf[PATH_MAX + 32], path[PATH_MAX + 64];
	struct pk_ports *pt;

	if (dir == NULL)
		dir = fe_tables_dir(NULL, dirbuf, sizeof(dirbuf));
	path[0] = '\0';
	if (dir != NULL)
		(void)snprintf(path, sizeof(path), "%s/port-categories", dir);
	if ((dir == NULL || access(path, R_OK) != 0) && user == NULL) {
		if (need)
			fe_errx(2, "no port table (port-categories) found: "
			    "use --port-table FILE or set PORTKIT_DATADIR");
		fe_warnx("no port table (port-categories) found: the category "
		    "field is empty (set PORTKIT_DATADIR or use --port-table "
		    "FILE)");
		return NULL;
	}
	if ((pt = pk_ports_new()) == NULL)
		fe_nomem();
	if (dir != NULL && access(path, R_OK) == 0)
		ports_load(pt, path);
	if (user != NULL)
		ports_load(pt, user);
	return pt;
}
