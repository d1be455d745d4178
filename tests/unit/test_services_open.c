/*
 * test_services_open.c - pk_services_open: an explicit file, or the one
 * pk_services_locate finds, with errors naming the file either way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "portkit.h"
#include "harness.h"

/* A directory holding nmap-services with text; path gets the file. */
static int
make_dir(char *dir, char *path, size_t len, const char *text)
{
	FILE *fp;

	if (mkdtemp(dir) == NULL)
		return -1;
	(void)snprintf(path, len, "%s/nmap-services", dir);
	if ((fp = fopen(path, "w")) == NULL)
		return -1;
	(void)fputs(text, fp);
	return fclose(fp);
}

static void
remove_dir(const char *dir, const char *path)
{
	(void)unlink(path);
	(void)rmdir(dir);
}

TEST(test_open_file)
{
	char dir[] = "/tmp/test_svcopen.XXXXXX", path[64];
	struct pk_error err;
	struct pk_services *svc;

	if (!assert_int(make_dir(dir, path, sizeof(path),
	    "ssh\t22/tcp\t0.182286\n"), 0))
		return;
	memset(&err, 0, sizeof(err));
	svc = pk_services_open(path, "/nonexistent", NULL, &err);
	if (assert_true(svc != NULL)) {
		assert_str(pk_services_name(svc), path);
		assert_str(pk_services_get(svc, PK_PROTO_TCP, 22)->name,
		    "ssh");
	}
	pk_services_free(svc);
	remove_dir(dir, path);
}

TEST(test_open_missing_file)
{
	struct pk_error err;
	struct pk_services *svc;

	memset(&err, 0, sizeof(err));
	svc = pk_services_open("/nonexistent/services", NULL, NULL, &err);
	assert_true(svc == NULL);
	assert_int(err.status, PK_ERR_IO);
	assert_str(err.file, "/nonexistent/services");
	assert_str(err.msg, "cannot open: No such file or directory");
}

TEST(test_open_located)
{
	char dir[] = "/tmp/test_svcopen.XXXXXX", path[64];
	struct pk_error err;
	struct pk_services *svc;

	if (!assert_int(make_dir(dir, path, sizeof(path),
	    "http\t80/tcp\t0.484143\n"), 0))
		return;
	memset(&err, 0, sizeof(err));
	svc = pk_services_open(NULL, dir, NULL, &err);
	if (assert_true(svc != NULL)) {
		assert_str(pk_services_name(svc), path);
		assert_str(pk_services_get(svc, PK_PROTO_TCP, 80)->name,
		    "http");
	}
	pk_services_free(svc);
	remove_dir(dir, path);
}

/* The located path is freed inside; err->file must still name it. */
TEST(test_open_located_bad)
{
	char dir[] = "/tmp/test_svcopen.XXXXXX", path[64];
	struct pk_error err;
	struct pk_services *svc;

	if (!assert_int(make_dir(dir, path, sizeof(path),
	    "http\t80/tcp\t0.5\nssh\t99999/tcp\t0.1\n"), 0))
		return;
	memset(&err, 0, sizeof(err));
	svc = pk_services_open(NULL, dir, NULL, &err);
	assert_true(svc == NULL);
	assert_int(err.status, PK_ERR_FORMAT);
	assert_int(err.line, 2);
	assert_str(err.file, path);
	assert_str(err.msg, "port out of range 0..65535 in '99999/tcp'");
	/* No err at all is fine too. */
	assert_true(pk_services_open(NULL, dir, NULL, NULL) == NULL);
	remove_dir(dir, path);
}

/*
 * Only the ports asked for are kept, the first line of a repeated one
 * among them; the lines left out are checked all the same.
 */
TEST(test_open_ports)
{
	char dir[] = "/tmp/test_svcopen.XXXXXX", path[64];
	struct pk_portset *want = pk_portset_new();
	const struct pk_service *const *r;
	struct pk_error err;
	struct pk_services *svc;
	size_t n;

	if (!assert_true(want != NULL) || !assert_int(make_dir(dir, path,
	    sizeof(path), "http\t80/tcp\t0.484143\nssh\t22/tcp\t0.182286\n"
	    "www\t80/tcp\t0.1\ndomain\t53/udp\t0.2\n"), 0)) {
		pk_portset_free(want);
		return;
	}
	pk_portset_add(want, PK_PROTO_TCP, 80, 80);
	pk_portset_add(want, PK_PROTO_UDP, 53, 53);
	pk_portset_add(want, PK_PROTO_TCP, 443, 443);
	memset(&err, 0, sizeof(err));
	svc = pk_services_open_ports(NULL, dir, NULL, want, &err);
	if (assert_true(svc != NULL)) {
		assert_str(pk_services_get(svc, PK_PROTO_TCP, 80)->name,
		    "http");
		assert_str(pk_services_get(svc, PK_PROTO_UDP, 53)->name,
		    "domain");
		assert_true(pk_services_get(svc, PK_PROTO_TCP, 22) == NULL);
		assert_true(pk_services_get(svc, PK_PROTO_TCP, 443) == NULL);
		assert_int(pk_services_duplicates(svc), 1);
		r = pk_services_ranked(svc, PK_PROTO_TCP, &n);
		if (assert_int(n, 1))
			assert_int(r[0]->port, 80);
	}
	pk_services_free(svc);
	remove_dir(dir, path);
	memcpy(dir + sizeof(dir) - 7, "XXXXXX", 6);
	if (!assert_int(make_dir(dir, path, sizeof(path),
	    "http\t80/tcp\t0.5\nssh\t99999/tcp\t0.1\n"), 0)) {
		pk_portset_free(want);
		return;
	}
	svc = pk_services_open_ports(path, NULL, NULL, want, &err);
	assert_true(svc == NULL);
	assert_int(err.line, 2);
	assert_str(err.msg, "port out of range 0..65535 in '99999/tcp'");
	remove_dir(dir, path);
	pk_portset_free(want);
}

TEST_MAIN(test_open_file, test_open_missing_file, test_open_located,
    test_open_located_bad, test_open_ports)
