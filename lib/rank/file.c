/*
 * file.c - count a scan file into a ranking, and keep no host table
 * when the file shows it needs none.
 *
 * One nmap run lists each host once, so a ranking that reads nothing
 * but one named file of nmap output needs no host table, and its memory
 * stays proportional to the keys.  masscan output repeats a host per
 * port, and a file of several runs (--append-output) may repeat any
 * host: the first is tracked from its first host on, the second is
 * counted again with tracking once its second run begins.  Standard
 * input cannot be read twice, so it is tracked.
 */
#include <string.h>

#include "rank/rank_impl.h"
#include "base/error.h"

#define RANK_AGAIN	2		/* rank_read: count the file again */

/* Empty rk again, keeping its key and states. */
static int
rank_restart(struct pk_rank *rk)
{
	struct pk_rank *fresh = pk_rank_new(rk->key, rk->states), old;

	if (fresh == NULL)
		return PK_ERR_NOMEM;
	old = *rk;
	*rk = *fresh;
	*fresh = old;
	pk_rank_free(fresh);
	return PK_OK;
}

/*
 * Before the host counted n-th: drop the host table at the first host
 * of an nmap run (*one_run), and say RANK_AGAIN when a second run
 * begins after that.
 */
static int
rank_guess(struct pk_rank *rk, const struct pk_host *h, unsigned long n,
    int *one_run)
{
	const struct pk_scan *s = h->scan;

	if (n == 1 && s != NULL && s->scanner != NULL &&
	    strcmp(s->scanner, "nmap") == 0 &&
	    pk_rank_set_distinct(rk, 1) == PK_OK)
		*one_run = 1;
	return *one_run && s != NULL && s->docno > 1 ? RANK_AGAIN : PK_OK;
}

/* Out of memory, said of the input. */
static int
rank_nomem(const struct pk_rank_input *in, struct pk_error *err)
{
	pk_error_set(err, PK_ERR_NOMEM, 0, "out of memory");
	if (err != NULL)
		err->file = in->name;
	return PK_ERR_NOMEM;
}

/* One pass over the file; the reader's status, or RANK_AGAIN. */
static int
rank_read(struct pk_rank *rk, const char *path, int guess,
    const struct pk_read_opts *opts, struct pk_rank_input *in,
    struct pk_error *err)
{
	struct pk_reader *r = pk_reader_open(path, opts);
	const struct pk_host *h;
	int rc, one_run = 0;

	if (r == NULL)
		return rank_nomem(in, err);
	while ((rc = pk_reader_next(r, &h)) == PK_OK) {
		if (guess && rank_guess(rk, h, pk_reader_hosts(r),
		    &one_run) == RANK_AGAIN) {
			pk_reader_free(r);
			return RANK_AGAIN;
		}
		if (pk_rank_add(rk, h) == PK_ERR_NOMEM) {
			rc = rank_nomem(in, err);
			break;
		}
	}
	if (rc != PK_EOF && rc != PK_ERR_NOMEM && err != NULL) {
		*err = *pk_reader_error(r);
		err->file = in->name;	/* the reader's copy goes with it */
	}
	in->records = pk_reader_hosts(r);
	in->tracking = one_run ? PK_RANK_ONE_RUN : rk->distinct ?
	    PK_RANK_DISTINCT : PK_RANK_TRACKED;
	pk_reader_free(r);
	return rc == PK_EOF ? PK_OK : rc;
}

int
pk_rank_add_file(struct pk_rank *rk, const char *path, unsigned flags,
    const struct pk_read_opts *opts, struct pk_rank_input *in,
    struct pk_error *err)
{
	struct pk_rank_input mine;
	int is_stdin = strcmp(path, "-") == 0, guess, rc;

	if (in == NULL)
		in = &mine;
	memset(in, 0, sizeof(*in));
	in->name = is_stdin ? "<stdin>" : path;
	guess = (flags & PK_RANK_ALONE) && !is_stdin && !rk->distinct &&
	    !rk->started;
	if ((rc = rank_read(rk, path, guess, opts, in, err)) != RANK_AGAIN)
		return rc;
	if (rank_restart(rk) != PK_OK)
		return rank_nomem(in, err);
	return rank_read(rk, path, 0, opts, in, err);
}
