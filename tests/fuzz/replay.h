/*
 * replay.h - the plain main() every fuzz target gets outside libFuzzer.
 *
 * Built without PK_LIBFUZZER (gcc, make check), a target replays the
 * files named on its command line through LLVMFuzzerTestOneInput, so
 * the regression corpora in testdata/fuzz/ run under the sanitizers
 * without clang.  A directory argument replays every file in it.  Exit
 * status 0 means every input was handled; a crash is the sanitizer's.
 */
#ifndef PK_FUZZ_REPLAY_H
#define PK_FUZZ_REPLAY_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef PK_LIBFUZZER
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int
replay_file(const char *path)
{
	unsigned char *buf = NULL, *nb;
	size_t len = 0, cap = 0, n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return 2;
	}
	do {
		if (len == cap) {
			cap = cap == 0 ? 65536 : cap * 2;
			if ((nb = realloc(buf, cap)) == NULL) {
				fprintf(stderr, "%s: out of memory\n", path);
				free(buf);
				(void)fclose(fp);
				return 2;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	if (ferror(fp)) {
		perror(path);
		free(buf);
		(void)fclose(fp);
		return 2;
	}
	(void)fclose(fp);
	/* An exact-size copy, so ASan sees reads past the end. */
	nb = malloc(len > 0 ? len : 1);
	if (nb == NULL) {
		free(buf);
		return 2;
	}
	if (len > 0)
		memcpy(nb, buf, len);
	free(buf);
	(void)LLVMFuzzerTestOneInput(nb, len);
	free(nb);
	return 0;
}

static int
replay_path(const char *path)
{
	struct dirent *de;
	struct stat sb;
	char sub[4096];
	DIR *d;
	int st = 0;

	if (stat(path, &sb) == -1) {
		perror(path);
		return 2;
	}
	if (!S_ISDIR(sb.st_mode))
		return replay_file(path);
	if ((d = opendir(path)) == NULL) {
		perror(path);
		return 2;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		(void)snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
		if (replay_file(sub) != 0)
			st = 2;
	}
	(void)closedir(d);
	return st;
}

int
main(int argc, char *argv[])
{
	int i, st = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++)
		if (replay_path(argv[i]) != 0)
			st = 2;
	return st;
}
#endif /* !PK_LIBFUZZER */

#endif /* PK_FUZZ_REPLAY_H */
