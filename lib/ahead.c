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
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ahead.h"
#include "dupcheck.h"

/*
 * Hosts cross in batches of about BATCH_BYTES of host records (or
 * BATCH_HOSTS hosts): a thread put to sleep and woken costs some tens of
 * microseconds on a virtual machine, too much per host.  The first batch
 * is FIRST_BYTES and each next one twice the last, so that the caller
 * starts early on a small file too.  The thread stops while READY_MAX
 * batches wait; with the batch the caller holds and the one being built,
 * that bounds what is in flight to a few megabytes.
 */
#define FIRST_BYTES	((size_t)16 << 10)
#define BATCH_BYTES	((size_t)512 << 10)
#define BATCH_HOSTS	1024
#define READY_MAX	2

struct pk_ahead {
	pthread_t	 thread;
	pthread_mutex_t	 lock;
	pthread_cond_t	 ready_cv;	/* a batch is ready, or done */
	pthread_cond_t	 space_cv;	/* a batch was taken, or stop */
	struct pk_hslot	*ready;		/* published hosts, oldest first */
	struct pk_hslot	*rtail;
	unsigned	 nbatches;	/* batches in ready */
	struct pk_hslot	*used;		/* recycled by the caller */
	struct pk_hslot	*utail;
	int		 done;		/* the pump ended: r->final is set */
	int		 stop;
	int		 waiting;	/* the caller sleeps on ready_cv */
	/*
	 * The thread's alone: the batch being built, and its size; then
	 * the caller's alone: the batch it takes hosts from, and used
	 * slots.  Each on lines of its own (see reader_impl.h).
	 */
	_Alignas(PK_CACHE_LINE) struct pk_dupcheck *dups;
	size_t		 bbytes;
	size_t		 blimit;
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
	a->blimit = a->blimit < BATCH_BYTES / 2 ? a->blimit * 2 : BATCH_BYTES;
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

	pthread_mutex_lock(&a->lock);
	while (a->nbatches >= READY_MAX && !a->stop)
		pthread_cond_wait(&a->space_cv, &a->lock);
	ahead_reclaim(r, a);
	stop = a->stop;
	pthread_mutex_unlock(&a->lock);
	return stop ? -1 : 0;
}

static void *
ahead_main(void *arg)
{
	struct pk_reader *r = arg;
	struct pk_ahead *a = r->ahead;
	struct pk_hslot *last = NULL;
	int rc;

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

int
pk_ahead_start(struct pk_reader *r)
{
	struct pk_ahead *a;

	if ((a = aligned_alloc(PK_CACHE_LINE, sizeof(*a))) == NULL)
		return -1;
	memset(a, 0, sizeof(*a));
	a->blimit = FIRST_BYTES;
	if (r->opts.warn != NULL && (a->dups = pk_dupcheck_new(0)) == NULL) {
		free(a);
		return -1;
	}
	if (pthread_mutex_init(&a->lock, NULL) != 0) {
		pk_dupcheck_free(a->dups);
		free(a);
		return -1;
	}
	if (pthread_cond_init(&a->ready_cv, NULL) != 0)
		goto fail_lock;
	if (pthread_cond_init(&a->space_cv, NULL) != 0)
		goto fail_ready;
	r->ahead = a;
	if (pthread_create(&a->thread, NULL, ahead_main, r) == 0)
		return 0;
	r->ahead = NULL;
	pthread_cond_destroy(&a->space_cv);
fail_ready:
	pthread_cond_destroy(&a->ready_cv);
fail_lock:
	pthread_mutex_destroy(&a->lock);
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
		pthread_mutex_lock(&a->lock);
		if (a->done_slots != NULL) {
			a->done_tail->next = a->used;
			if (a->used == NULL)
				a->utail = a->done_tail;
			a->used = a->done_slots;
			a->done_slots = a->done_tail = NULL;
		}
		while (a->ready == NULL && !a->done) {
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
