/*
 * prefetch.c - inflate on one core while the parser runs on another.
 *
 * Decompressing gzip costs about as much as parsing the XML it holds, so
 * for a compressed regular file a thread inflates a few buffers ahead and
 * the reader takes them as they fill.  Only regular files get a thread:
 * a read from a pipe may block for ever, and a reader that is freed early
 * must be able to stop the thread and wait for it.  A process allowed
 * one CPU gets no thread: it would only take turns with the parser.
 */
#define _GNU_SOURCE	/* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "input/prefetch.h"

#define PF_BUFS		4
#define PF_BUFSIZE	((size_t)256 << 10)

struct pf_buf {
	char		*data;
	size_t		 len;		/* bytes filled */
	size_t		 off;		/* bytes taken */
};

struct pk_prefetch {
	gzFile		 gz;
	pthread_t	 thread;
	pthread_mutex_t	 lock;
	pthread_cond_t	 filled;	/* a buffer filled, or done */
	pthread_cond_t	 emptied;	/* a buffer freed, or stop */
	struct pf_buf	 bufs[PF_BUFS];
	unsigned	 head;		/* next buffer to take */
	unsigned	 count;		/* buffers filled, not yet taken */
	int		 done;		/* the thread read its last */
	int		 failed;	/* gzread returned -1 */
	int		 stop;
	int		 zerr;
	int		 errnum;
	char		 msg[128];
};

static void
pf_record_end(struct pk_prefetch *pf, int failed)
{
	const char *m = gzerror(pf->gz, &pf->zerr);

	pf->errnum = errno;
	pf->failed = failed;
	(void)strncpy(pf->msg, m != NULL ? m : "", sizeof(pf->msg) - 1);
}

static void *
pf_main(void *arg)
{
	struct pk_prefetch *pf = arg;
	struct pf_buf *b;
	unsigned tail = 0;
	int n;

	for (;;) {
		pthread_mutex_lock(&pf->lock);
		while (pf->count == PF_BUFS && !pf->stop)
			pthread_cond_wait(&pf->emptied, &pf->lock);
		if (pf->stop) {
			pthread_mutex_unlock(&pf->lock);
			return NULL;
		}
		pthread_mutex_unlock(&pf->lock);
		/* The slot at tail is free and only this thread fills it. */
		b = &pf->bufs[tail];
		n = gzread(pf->gz, b->data, (unsigned)PF_BUFSIZE);
		pthread_mutex_lock(&pf->lock);
		if (n <= 0) {
			pf_record_end(pf, n < 0);
			pf->done = 1;
			pthread_cond_signal(&pf->filled);
			pthread_mutex_unlock(&pf->lock);
			return NULL;
		}
		b->len = (size_t)n;
		b->off = 0;
		tail = (tail + 1) % PF_BUFS;
		pf->count++;
		pthread_cond_signal(&pf->filled);
		pthread_mutex_unlock(&pf->lock);
	}
}

static void
pf_free(struct pk_prefetch *pf)
{
	unsigned i;

	for (i = 0; i < PF_BUFS; i++)
		free(pf->bufs[i].data);
	free(pf);
}

/* May this process run on two CPUs at once? */
static int
pf_cpus_allowed(void)
{
#ifdef CPU_COUNT
	cpu_set_t cpus;

	if (sched_getaffinity(0, sizeof(cpus), &cpus) == 0)
		return CPU_COUNT(&cpus) >= 2;
#endif
	return 1;
}

struct pk_prefetch *
pk_prefetch_start(gzFile gz)
{
	struct pk_prefetch *pf;
	unsigned i;

	if (!pf_cpus_allowed() || (pf = calloc(1, sizeof(*pf))) == NULL)
		return NULL;
	pf->gz = gz;
	for (i = 0; i < PF_BUFS; i++)
		if ((pf->bufs[i].data = malloc(PF_BUFSIZE)) == NULL) {
			pf_free(pf);
			return NULL;
		}
	if (pthread_mutex_init(&pf->lock, NULL) != 0)
		goto fail_mutex;
	if (pthread_cond_init(&pf->filled, NULL) != 0)
		goto fail_filled;
	if (pthread_cond_init(&pf->emptied, NULL) != 0)
		goto fail_emptied;
	if (pthread_create(&pf->thread, NULL, pf_main, pf) != 0)
		goto fail_thread;
	return pf;

fail_thread:
	pthread_cond_destroy(&pf->emptied);
fail_emptied:
	pthread_cond_destroy(&pf->filled);
fail_filled:
	pthread_mutex_destroy(&pf->lock);
fail_mutex:
	pf_free(pf);
	return NULL;
}

long
pk_prefetch_read(struct pk_prefetch *pf, void *dst, size_t n)
{
	struct pf_buf *b;
	size_t k;

	pthread_mutex_lock(&pf->lock);
	while (pf->count == 0 && !pf->done)
		pthread_cond_wait(&pf->filled, &pf->lock);
	if (pf->count == 0) {
		pthread_mutex_unlock(&pf->lock);
		return pf->failed ? -1 : 0;
	}
	b = &pf->bufs[pf->head];
	pthread_mutex_unlock(&pf->lock);
	/* The head buffer is ours until we hand it back. */
	k = b->len - b->off < n ? b->len - b->off : n;
	memcpy(dst, b->data + b->off, k);
	b->off += k;
	if (b->off == b->len) {
		pthread_mutex_lock(&pf->lock);
		pf->head = (pf->head + 1) % PF_BUFS;
		pf->count--;
		pthread_cond_signal(&pf->emptied);
		pthread_mutex_unlock(&pf->lock);
	}
	return (long)k;
}

void
pk_prefetch_status(const struct pk_prefetch *pf, int *zerr, const char **msg,
    int *errnum)
{
	*zerr = pf->zerr;
	*msg = pf->msg;
	*errnum = pf->errnum;
}

void
pk_prefetch_stop(struct pk_prefetch *pf)
{
	if (pf == NULL)
		return;
	pthread_mutex_lock(&pf->lock);
	pf->stop = 1;
	pthread_cond_signal(&pf->emptied);
	pthread_mutex_unlock(&pf->lock);
	(void)pthread_join(pf->thread, NULL);
	pthread_cond_destroy(&pf->filled);
	pthread_cond_destroy(&pf->emptied);
	pthread_mutex_destroy(&pf->lock);
	pf_free(pf);
}
