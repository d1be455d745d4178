/*
 * arena.c - bump allocation for records that die together.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

#define ARENA_ALIGN	16
#define ARENA_CHUNK	((size_t)16 << 10)

struct pk_arena_chunk {
	struct pk_arena_chunk *next;
	size_t		 size;		/* usable bytes after the header */
	/* Keep the payload aligned whatever the header size. */
	_Alignas(ARENA_ALIGN) char data[];
};

static size_t
round_up(size_t n)
{
	return (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
}

void
pk_arena_init(struct pk_arena *a, size_t limit)
{
	memset(a, 0, sizeof(*a));
	a->limit = limit;
}

static int
arena_new_chunk(struct pk_arena *a, size_t need)
{
	struct pk_arena_chunk *c;
	size_t size = ARENA_CHUNK;

	if (a->head != NULL && a->head->size * 2 > size)
		size = a->head->size * 2;
	/* A request near SIZE_MAX must fail, not wrap size to 0 forever. */
	if (need > (SIZE_MAX - sizeof(*c)) / 2)
		return -1;
	while (size < need)
		size *= 2;
	c = malloc(sizeof(*c) + size);
	if (c == NULL)
		return -1;
	c->size = size;
	c->next = a->head;
	a->head = c;
	a->cur = c->data;
	a->end = c->data + size;
	return 0;
}

/* Over the limit, or a new chunk needed: off the common path. */
static void * __attribute__((noinline))
arena_alloc_slow(struct pk_arena *a, size_t n)
{
	void *p;

	if (n == 0 || (a->limit != 0 && a->used + n > a->limit)) {
		a->over = 1;
		return NULL;
	}
	if ((size_t)(a->end - a->cur) < n && arena_new_chunk(a, n) == -1) {
		a->over = 1;
		return NULL;
	}
	p = a->cur;
	a->cur += n;
	a->used += n;
	a->last = p;
	return p;
}

/* The common path, inlined where the arena copies a string. */
static inline void *
arena_take(struct pk_arena *a, size_t n)
{
	void *p;

	n = round_up(n == 0 ? 1 : n);
	if (n == 0 || (a->limit != 0 && a->used + n > a->limit) ||
	    (size_t)(a->end - a->cur) < n)
		return arena_alloc_slow(a, n);
	p = a->cur;
	a->cur += n;
	a->used += n;
	a->last = p;
	return p;
}

void *
pk_arena_alloc(struct pk_arena *a, size_t n)
{
	return arena_take(a, n);
}

void *
pk_arena_zalloc(struct pk_arena *a, size_t n)
{
	void *p = pk_arena_alloc(a, n);

	if (p != NULL)
		memset(p, 0, n);
	return p;
}

char *
pk_arena_strndup(struct pk_arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		return NULL;
	p = arena_take(a, n + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *
pk_arena_grow(struct pk_arena *a, void *old, size_t oldn, size_t newn)
{
	size_t oldr = round_up(oldn), newr = round_up(newn);
	void *p;

	if (old != NULL && old == a->last &&
	    (char *)old + oldr == a->cur &&
	    (size_t)(a->end - (char *)old) >= newr &&
	    (a->limit == 0 || a->used - oldr + newr <= a->limit)) {
		/* The latest block can simply be extended. */
		a->cur = (char *)old + newr;
		a->used = a->used - oldr + newr;
		return old;
	}
	p = pk_arena_alloc(a, newn);
	if (p != NULL && old != NULL && oldn > 0)
		memcpy(p, old, oldn < newn ? oldn : newn);
	return p;
}

void
pk_arena_reset(struct pk_arena *a)
{
	struct pk_arena_chunk *c, *next;

	if (a->head == NULL)
		return;
	/* The newest chunk is the largest: keep it, free the rest. */
	for (c = a->head->next; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head->next = NULL;
	a->cur = a->head->data;
	a->end = a->head->data + a->head->size;
	a->last = NULL;
	a->used = 0;
	a->over = 0;
}

void
pk_arena_destroy(struct pk_arena *a)
{
	struct pk_arena_chunk *c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	memset(a, 0, sizeof(*a));
}
