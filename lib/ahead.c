/*
 * ahead.c - parse on one core while the caller works on the other.
 *
 * pcat spends about as long writing rows as parsing the scan, so with
 * pk_read_opts.parse_ahead a thread runs the format reader's pump and
 * hands complete hosts over through a short queue; the caller takes them
 * with pk_reader_next as before.  The thread owns everything the pump
 * touches (the input, the host being built, the reader's own queue and
 * spare slots, the scan records, the error); the caller owns the lent
 * host, the merge and the duplicate checks.  Slots cross under the lock
 * only: ready ones to the caller, used ones back.
 *
 * Only inputs whose reads cannot wait on another process (regular files,
 * memory) get a thread, for the reason prefetch.c gives: a reader freed
 * early must be able to stop the thread and wait for it.
 */
#if defined(__linux__)
/* sched_getcpu and thread CPU masks; the name is the one glibc reads. */
#define _GNU_SOURCE	/* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#endif
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ahead.h"
#include "dupcheck.h"
#include "input.h"

/*
 * Hosts cross in batches of host records (or BATCH_HOSTS hosts), so
 * that the lock is taken once a batch, not once a host.  The first batch
 * is FIRST_BYTES and each next one twice the last, so that the caller
 * starts early, up to a cap.  The thread stops while READY_MAX batches
 * wait; with the batch the caller holds and the one being built, that
 * bounds what is in flight to four caps.  Big batches run about 5%
 * faster (on a 61 MB file: a slot comes back to the thread once it has
 * left the caller's cache), but all of that memory is touched for the
 * first time, a page fault per page: 512 KiB batches cost 0.6 ms more
 * than 128 KiB ones on a 6 MB file.  So the cap is a 32nd of the input,
 * from CAP_MIN to CAP_MAX.
 */
#define FIRST_BYTES	((size_t)16 << 10)
#define CAP_MIN		((size_t)64 << 10)
#define CAP_MAX		((size_t)512 << 10)
#define BATCH_HOSTS	1024
#define READY_MAX	2
#define SPIN_NS		1000000L

struct pk_ahead {
	pthread_t	 thread;
	pthread_mutex_t	 lock;
	pthread_cond_t	 ready_cv;	/* a batch is ready, or done */
	pthread_cond_t	 space_cv;	/* a batch was taken, or stop */
	struct pk_hslot	*ready;		/* published hosts, oldest first */
	struct pk_hslot	*rtail;
	struct pk_hslot	*used;		/* recycled by the caller */
	struct pk_hslot	*utail;
	int		 waiting;	/* the caller sleeps on ready_cv */
	/*
	 * Written under the lock; atomic because a waiting side spins on
	 * them without it (ahead_spin).
	 */
	atomic_uint	 nbatches;	/* batches in ready */
	atomic_int	 done;		/* the pump ended: r->final is set */
	atomic_int	 stop;
#if defined(__linux__)
	cpu_set_t	 cpus;		/* the caller's CPUs, for the thread */
	int		 spread;	/* cpus is set: widen to it */
#endif
	/*
	 * The thread's alone: the batch being built, and its size; then
	 * the caller's alone: the batch it takes hosts from, and used
	 * slots.  Each on lines of its own (see reader_impl.h).
	 */
	_Alignas(PK_CACHE_LINE) struct pk_dupcheck *dups;
	size_t		 bbytes;
	size_t		 blimit;
	size_t		 bcap;
	unsigned	 bhosts;
	_Alignas(PK_CACHE_LINE) struct pk_hslot *taking;
	struct pk_hslot	*done_slots;
	struct pk_hslot	*done_tail;
};

/*
 * Count the hosts the last pump queued into the batch being built.
 * Their ports are checked for repeats here, where they are still in
 * this core's cache: the caller then checks only the hosts marked.
 */
static int
batch_full(struct pk_reader *r, struct pk_ahead *a, struct pk_hslot *from)
{
	struct pk_hslot *s;

	for (s = from != NULL ? from->next : r->queue; s != NULL; s = s->next) {
		a->bbytes += s->arena.used;
		a->bhosts++;
		if (a->dups != NULL)
			s->ports_once = pk_dupcheck_ports_once(a->dups,
			    s->hb.h);
	}
	return a->bbytes >= a->blimit || a->bhosts >= BATCH_HOSTS;
}

/* The caller may go on: a batch is ready, or the pump has ended. */
static int
can_take(struct pk_ahead *a)
{
	return atomic_load_explicit(&a->nbatches, memory_order_relaxed) != 0 ||
	    atomic_load_explicit(&a->done, memory_order_relaxed) != 0;
}

/* The thread may go on: there is room for a batch, or it must stop. */
static int
can_fill(struct pk_ahead *a)
{
	return atomic_load_explicit(&a->nbatches, memory_order_relaxed) <
	    READY_MAX || atomic_load_explicit(&a->stop, memory_order_relaxed);
}

/*
 * Wait up to SPIN_NS for go(a), yielding the CPU meanwhile rather than
 * sleeping.  Some kernels wake a sleeping thread on its waker's CPU (the
 * bench machine's packs virtual CPUs: sched_vcpu_pack), and the two
 * threads then share one CPU for the rest of the run: with plain
 * condition variables one pcat run in three on the bench's 6 MB -oG file
 * used 100% CPU, not 180%, and took 20 ms, not 13.  The spin costs at
 * most a millisecond of CPU a wait; reading without the lock only saves
 * a sleep, the same test under the lock still decides.
 */
static void
ahead_spin(struct pk_ahead *a, int (*go)(struct pk_ahead *))
{
	struct timespec t0, t;
	unsigned i;

	if (clock_gettime(CLOCK_MONOTONIC, &t0) != 0)
		return;
	for (i = 1; !go(a); i++) {
		(void)sched_yield();
		if (i % 16 != 0 || clock_gettime(CLOCK_MONOTONIC, &t) != 0)
			continue;
		if ((t.tv_sec - t0.tv_sec) * 1000000000L +
		    (t.tv_nsec - t0.tv_nsec) > SPIN_NS)
			return;
	}
}

/* Move the pump's queue, a batch, to the ready list (lock held). */
static void
ahead_publish(struct pk_reader *r, struct pk_ahead *a)
{
	if (r->queue == NULL)
		return;
	if (a->rtail != NULL)
		a->rtail->next = r->queue;
	else
		a->ready = r->queue;
	a->rtail = r->qtail;
	r->queue = r->qtail = NULL;
	a->nbatches++;
	a->blimit = a->blimit < a->bcap / 2 ? a->blimit * 2 : a->bcap;
	a->bbytes = 0;
	a->bhosts = 0;
}

/*
 * Take back the slots the caller used, for the next hosts (lock held):
 * one splice.  Each is reset when it is taken again (pk_rd_host_begin),
 * so that neither side walks slots the other side last touched.
 */
static void
ahead_reclaim(struct pk_reader *r, struct pk_ahead *a)
{
	if (a->used == NULL)
		return;
	a->utail->next = r->spare;
	r->spare = a->used;
	a->used = a->utail = NULL;
}

/* Wait for room; 0 to go on, -1 when told to stop. */
static int
ahead_wait_room(struct pk_reader *r, struct pk_ahead *a)
{
	int stop;

	ahead_spin(a, can_fill);
	pthread_mutex_lock(&a->lock);
	while (!can_fill(a))
		pthread_cond_wait(&a->space_cv, &a->lock);
	ahead_reclaim(r, a);
	stop = a->stop;
	pthread_mutex_unlock(&a->lock);
	return stop ? -1 : 0;
}

/*
 * Start the thread on another CPU than the caller's; -1 when the caller
 * may run on one CPU only, where a thread could not gain.  A new thread
 * starts on its creator's CPU, and two threads that both stay busy look
 * cache-hot to the load balancer, which may then leave them sharing one
 * CPU while another idles.  The mask lasts only until the thread runs:
 * ahead_widen gives it back the caller's CPUs.
 */
static int
ahead_attr_away(struct pk_ahead *a, pthread_attr_t *attr)
{
#if defined(__linux__)
	cpu_set_t away;
	int cpu;

	if (sched_getaffinity(0, sizeof(a->cpus), &a->cpus) != 0)
		return 0;
	if (CPU_COUNT(&a->cpus) < 2)
		return -1;
	if ((cpu = sched_getcpu()) < 0)
		return 0;
	away = a->cpus;
	CPU_CLR(cpu, &away);
	if (pthread_attr_setaffinity_np(attr, sizeof(away), &away) == 0)
		a->spread = 1;
#else
	(void)a;
	(void)attr;
#endif
	return 0;
}

/* In the thread: the caller's CPUs again, now that it runs on its own. */
static void
ahead_widen(struct pk_ahead *a)
{
#if defined(__linux__)
	if (a->spread)
		(void)pthread_setaffinity_np(pthread_self(), sizeof(a->cpus),
		    &a->cpus);
#else
	(void)a;
#endif
}

static void *
ahead_main(void *arg)
{
	struct pk_reader *r = arg;
	struct pk_ahead *a = r->ahead;
	struct pk_hslot *last = NULL;
	int rc;

	ahead_widen(a);
	if (ahead_wait_room(r, a) == -1)
		return NULL;
	for (;;) {
		rc = r->ops->pump(r);
		if (rc != PK_OK && r->final == 0)
			r->final = rc;
		if (!batch_full(r, a, last) && r->final == 0) {
			last = r->qtail;
			continue;
		}
		last = NULL;
		pthread_mutex_lock(&a->lock);
		ahead_publish(r, a);
		a->done = r->final != 0;
		if (a->waiting)
			pthread_cond_signal(&a->ready_cv);
		pthread_mutex_unlock(&a->lock);
		if (r->final != 0 || ahead_wait_room(r, a) == -1)
			return NULL;
	}
}

static int
ahead_spawn(struct pk_ahead *a, struct pk_reader *r)
{
	pthread_attr_t attr;
	int rc;

	if (pthread_attr_init(&attr) != 0)
		return -1;
	rc = ahead_attr_away(a, &attr);
	if (rc == 0)
		rc = pthread_create(&a->thread, &attr, ahead_main, r);
	(void)pthread_attr_destroy(&attr);
	return rc == 0 ? 0 : -1;
}

static size_t
batch_cap(uint64_t size)
{
	if (size / 32 < CAP_MIN)
		return CAP_MIN;
	return size / 32 < CAP_MAX ? (size_t)(size / 32) : CAP_MAX;
}

int
pk_ahead_start(struct pk_reader *r)
{
	struct pk_ahead *a;

	if ((a = aligned_alloc(PK_CACHE_LINE, sizeof(*a))) == NULL)
		return -1;
	memset(a, 0, sizeof(*a));
	atomic_init(&a->nbatches, 0);
	atomic_init(&a->done, 0);
	atomic_init(&a->stop, 0);
	a->blimit = FIRST_BYTES;
	a->bcap = batch_cap(pk_input_size(r->in));
	if (r->opts.warn != NULL && (a->dups = pk_dupcheck_new(0)) == NULL)
		goto fail_alloc;
	if (pthread_mutex_init(&a->lock, NULL) != 0)
		goto fail_alloc;
	if (pthread_cond_init(&a->ready_cv, NULL) != 0)
		goto fail_lock;
	if (pthread_cond_init(&a->space_cv, NULL) != 0)
		goto fail_ready;
	r->ahead = a;
	if (ahead_spawn(a, r) == 0)
		return 0;
	r->ahead = NULL;
	pthread_cond_destroy(&a->space_cv);
fail_ready:
	pthread_cond_destroy(&a->ready_cv);
fail_lock:
	pthread_mutex_destroy(&a->lock);
fail_alloc:
	pk_dupcheck_free(a->dups);
	free(a);
	return -1;
}

/*
 * The caller's side: hosts come from the batch it holds; when that is
 * used up, every ready batch is taken at once and the used slots go back
 * in the same visit.
 */
int
pk_ahead_next(struct pk_reader *r, struct pk_hslot **out)
{
	struct pk_ahead *a = r->ahead;
	struct pk_hslot *s;

	if (a->taking == NULL) {
		ahead_spin(a, can_take);
		pthread_mutex_lock(&a->lock);
		if (a->done_slots != NULL) {
			a->done_tail->next = a->used;
			if (a->used == NULL)
				a->utail = a->done_tail;
			a->used = a->done_slots;
			a->done_slots = a->done_tail = NULL;
		}
		while (!can_take(a)) {
			a->waiting = 1;
			pthread_cond_wait(&a->ready_cv, &a->lock);
			a->waiting = 0;
		}
		a->taking = a->ready;
		a->ready = a->rtail = NULL;
		if (a->nbatches >= READY_MAX)
			pthread_cond_signal(&a->space_cv);
		a->nbatches = 0;
		pthread_mutex_unlock(&a->lock);
	}
	if ((s = a->taking) != NULL) {
		a->taking = s->next;
		s->next = NULL;
	}
	*out = s;
	/* Once done, r->final was set before the lock was last let go. */
	return s != NULL ? PK_OK : r->final;
}

/* A slot the caller is done with, returned with the next take. */
void
pk_ahead_recycle(struct pk_reader *r, struct pk_hslot *s)
{
	struct pk_ahead *a = r->ahead;

	if (a->done_slots == NULL)
		a->done_tail = s;
	s->next = a->done_slots;
	a->done_slots = s;
}

/* Stop and join the thread; every slot goes back to the reader's lists. */
void
pk_ahead_stop(struct pk_reader *r)
{
	struct pk_ahead *a = r->ahead;
	struct pk_hslot *s;

	if (a == NULL)
		return;
	pthread_mutex_lock(&a->lock);
	a->stop = 1;
	pthread_cond_signal(&a->space_cv);
	pthread_mutex_unlock(&a->lock);
	(void)pthread_join(a->thread, NULL);
	ahead_publish(r, a);
	ahead_reclaim(r, a);
	for (s = a->taking; s != NULL && s->next != NULL; s = s->next)
		continue;
	if (s != NULL) {
		s->next = a->ready;
		a->ready = a->taking;
	}
	r->queue = a->ready;
	for (r->qtail = r->queue; r->qtail != NULL && r->qtail->next != NULL;
	    r->qtail = r->qtail->next)
		continue;
	while ((s = a->done_slots) != NULL) {
		a->done_slots = s->next;
		s->next = r->spare;
		r->spare = s;
	}
	pthread_cond_destroy(&a->space_cv);
	pthread_cond_destroy(&a->ready_cv);
	pthread_mutex_destroy(&a->lock);
	pk_dupcheck_free(a->dups);
	free(a);
	r->ahead = NULL;
}
