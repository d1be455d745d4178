/*
 * nmapdir.c - find one of nmap's data files (nmap-services,
 * nmap-service-probes) where nmap 7.93 itself would look.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/nmapdir.h"

/* 1 when dir/sub/name is readable; the path goes to *out. */
static int
try_dir(const char *dir, const char *sub, const char *name, char **out)
{
	size_t n;
	char *p;

	if (dir == NULL || *dir == '\0')
		return 0;
	n = strlen(dir) + strlen(sub) + strlen(name) + 2;
	if ((p = malloc(n)) == NULL)
		return -1;
	(void)snprintf(p, n, "%s%s/%s", dir, sub, name);
	if (access(p, R_OK) == 0) {
		*out = p;
		return 1;
	}
	free(p);
	return 0;
}

/* ~user/.nmap from the password database, as nmap does (not $HOME). */
static int
try_home(uid_t uid, const char *name, char **out)
{
	struct passwd pw, *res = NULL;
	char buf[4096];

	if (getpwuid_r(uid, &pw, buf, sizeof(buf), &res) != 0 || res == NULL)
		return 0;
	return try_dir(pw.pw_dir, "/.nmap", name, out);
}

/* The directory of the nmap on PATH, and its ../share/nmap. */
static int
try_exe(const char *name, char **out)
{
	const char *path = getenv("PATH"), *e;
	char dir[4096], exe[4200];
	int rc;

	for (; path != NULL && *path != '\0'; path = *e ? e + 1 : e) {
		e = strchr(path, ':');
		if (e == NULL)
			e = path + strlen(path);
		if (e == path || (size_t)(e - path) >= sizeof(dir))
			continue;
		memcpy(dir, path, (size_t)(e - path));
		dir[e - path] = '\0';
		(void)snprintf(exe, sizeof(exe), "%s/nmap", dir);
		if (access(exe, X_OK) != 0)
			continue;
		if ((rc = try_dir(dir, "", name, out)) != 0)
			return rc;
		return try_dir(dir, "/../share/nmap", name, out);
	}
	return 0;
}

int
pk_nmapdir_find(const char *datadir, const char *name, char **out)
{
	static const char *const sys[] = { "/usr/share/nmap",
	    "/usr/local/share/nmap" };
	size_t i;
	int rc;

	rc = try_dir(datadir, "", name, out);
	if (rc == 0)
		rc = try_dir(getenv("NMAPDIR"), "", name, out);
	if (rc == 0)
		rc = try_home(getuid(), name, out);
	if (rc == 0 && getuid() != geteuid())
		rc = try_home(geteuid(), name, out);
	if (rc == 0)
		rc = try_exe(name, out);
	for (i = 0; rc == 0 && i < sizeof(sys) / sizeof(sys[0]); i++)
		rc = try_dir(sys[i], "", name, out);
	return rc;
}
