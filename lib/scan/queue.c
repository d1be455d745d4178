/*
 * queue.c - the reader's host slots: building, queueing, handing out.
 *
 * Format readers build a host into a slot and commit it to the queue;
 * the pull iterator (lib/reader/) takes slots from the queue and gives
 * them back when the caller asks for the next host.  Errors are recorded
 * here too, so that every format reports a cut input the same way.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan/queue.h"

static void
slot_list_free(struct pk_hslot *s)
{
	struct pk_hslot *next;

	for (; s != NULL; s = next) {
		next = s->next;
		pk_arena_destroy(&s->arena);
		free(s);
	}
}

int
pk_rd_fail(struct pk_reader *r, int status, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pk_error_vset(&r->err, status, line, fmt, ap);
	va_end(ap);
	r->err.file = r->name;
	r->final = status;
	/* Every reader says the same of a cut input: what it kept. */
	if (status == PK_ERR_TRUNCATED) {
		size_t n = strlen(r->err.msg);

		(void)snprintf(r->err.msg + n, sizeof(r->err.msg) - n,
		    ": kept %lu complete host%s", pk_rd_kept(r),
		    pk_rd_kept(r) == 1 ? "" : "s");
	}
	return status;
}

void
pk_rd_warn(struct pk_reader *r, unsigned long line, const char *fmt, ...)
{
	struct pk_error w;
	va_list ap;
	size_t n;

	if (r->opts.warn == NULL)
		return;
	memset(&w, 0, sizeof(w));
	(void)snprintf(w.msg, sizeof(w.msg), "warning: ");
	n = strlen(w.msg);
	va_start(ap, fmt);
	(void)vsnprintf(w.msg + n, sizeof(w.msg) - n, fmt, ap);
	va_end(ap);
	w.status = PK_OK;
	w.file = r->name;
	w.line = line;
	r->opts.warn(r->opts.warn_arg, &w);
}

/* Complete hosts delivered or waiting: what a truncated input kept. */
unsigned long
pk_rd_kept(const struct pk_reader *r)
{
	return r->ncommit;
}

int
pk_rd_fail_input(struct pk_reader *r)
{
	const struct pk_error *e = pk_input_error(r->in);

	if (e->status == PK_ERR_TRUNCATED) {
		pk_rd_host_abort(r);
		return pk_rd_fail(r, e->status, e->line, "%.160s", e->msg);
	}
	r->err = *e;
	r->err.file = r->name;
	r->final = e->status;
	return e->status;
}

/* A slot is reset once, when it is taken again (pk_rd_host_begin). */
static void
slot_recycle(struct pk_reader *r, struct pk_hslot *s)
{
	s->next = r->spare;
	r->spare = s;
}

struct pk_hb *
pk_rd_host_begin(struct pk_reader *r)
{
	struct pk_hslot *s = r->building;

	if (s == NULL && (s = r->spare) != NULL)
		r->spare = s->next;
	/* A spare too is reset now, not when recycled: by its next user. */
	if (s != NULL)
		pk_arena_reset(&s->arena);
	else if ((s = calloc(1, sizeof(*s))) != NULL)
		pk_arena_init(&s->arena, r->opts.limits.max_host_bytes);
	if (s == NULL) {
		(void)pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
		return NULL;
	}
	s->next = NULL;
	r->building = s;
	if (pk_hb_begin(&s->hb, &s->arena) == -1) {
		(void)pk_rd_fail(r, PK_ERR_NOMEM, 0, "out of memory");
		return NULL;
	}
	s->hb.h->scan = r->scan;
	return &s->hb;
}

void
pk_rd_host_abort(struct pk_reader *r)
{
	if (r->building != NULL) {
		slot_recycle(r, r->building);
		r->building = NULL;
	}
}

int
pk_rd_host_commit(struct pk_reader *r)
{
	struct pk_hslot *s = r->building;

	if (s == NULL)
		return PK_ERR_USAGE;
	if (s->arena.over) {
		pk_rd_host_abort(r);
		return pk_rd_fail(r, PK_ERR_LIMIT, s->hb.h->line,
		    "host record exceeds %zu bytes",
		    r->opts.limits.max_host_bytes);
	}
	if (pk_hb_finish(&s->hb) == -1) {
		unsigned long line = s->hb.h->line;

		pk_rd_host_abort(r);
		return pk_rd_fail(r, PK_ERR_FORMAT, line,
		    "host without an address");
	}
	r->building = NULL;
	r->ncommit++;
	s->next = NULL;
	if (r->qtail != NULL)
		r->qtail->next = s;
	else
		r->queue = s;
	r->qtail = s;
	return PK_OK;
}

struct pk_scan *
pk_rd_scan_new(struct pk_reader *r)
{
	struct pk_scan *s;

	s = pk_arena_zalloc(&r->scan_arena, sizeof(*s));
	if (s == NULL)
		return NULL;
	s->format = r->format;
	s->start = s->end = -1;
	s->elapsed = -1;
	s->hosts_up = s->hosts_down = s->hosts_total = -1;
	s->docno = ++r->ndocs;
	r->scan = s;
	return s;
}

char *
pk_rd_scan_str(struct pk_reader *r, const char *s, size_t n)
{
	return pk_arena_strndup(&r->scan_arena, s, n);
}

/* Free every slot and the scan records: the reader is going away. */
void
pk_rd_queue_free(struct pk_reader *r)
{
	slot_list_free(r->queue);
	slot_list_free(r->spare);
	slot_list_free(r->lent);
	slot_list_free(r->building);
	pk_arena_destroy(&r->scan_arena);
}

/* Give the slot the caller held back, for the next host to reuse. */
void
pk_rd_release(struct pk_reader *r)
{
	if (r->lent != NULL) {
		slot_recycle(r, r->lent);
		r->lent = NULL;
	}
}

/* The next queued host, pumping as needed; NULL and final at the end. */
struct pk_hslot *
pk_rd_take(struct pk_reader *r)
{
	struct pk_hslot *s;
	int rc;

	while (r->queue == NULL && r->final == 0) {
		rc = r->ops->pump(r);
		if (rc != PK_OK && r->final == 0)
			r->final = rc;
	}
	if ((s = r->queue) != NULL) {
		r->queue = s->next;
		if (r->queue == NULL)
			r->qtail = NULL;
		s->next = NULL;
	}
	return s;
}

