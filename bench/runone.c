/*
 * runone.c - run one command and write its wall time, CPU time and peak
 * RSS to a file, for bench/run.
 *
 *	runone OUT command [arg ...]
 *
 * OUT gets one line, "wall_us cpu_us maxrss_kib": wall time from fork to
 * the child's end (CLOCK_MONOTONIC), user + system CPU time of the child
 * and whatever it waited for (wait4's rusage, microseconds), and its
 * peak RSS.  bash's times builtin and /usr/bin/time report CPU time in
 * milliseconds or hundredths, too coarse for a 2 ms run, and a timer
 * process counted with its child adds its own start-up to every figure.
 * The exit status is the command's, or 128 + the signal that ended it;
 * 127 when it could not be run.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long
usec(struct timeval tv)
{
	return (long long)tv.tv_sec * 1000000 + tv.tv_usec;
}

int
main(int argc, char *argv[])
{
	struct timespec t0, t1;
	struct rusage ru;
	FILE *out;
	pid_t pid;
	int st;

	if (argc < 3) {
		fprintf(stderr, "usage: runone OUT command [arg ...]\n");
		return 127;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) == -1) {
		perror("runone: fork");
		return 127;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "runone: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &st, 0, &ru) == -1)
		if (errno != EINTR) {
			perror("runone: wait4");
			return 127;
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if ((out = fopen(argv[1], "w")) == NULL) {
		perror(argv[1]);
		return 127;
	}
	fprintf(out, "%lld %lld %ld\n",
	    (long long)(t1.tv_sec - t0.tv_sec) * 1000000 +
	    (t1.tv_nsec - t0.tv_nsec) / 1000,
	    usec(ru.ru_utime) + usec(ru.ru_stime), ru.ru_maxrss);
	if (fclose(out) != 0) {
		perror(argv[1]);
		return 127;
	}
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}
