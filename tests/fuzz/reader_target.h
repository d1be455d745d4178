/*
 * reader_target.h - the body shared by the scan reader fuzz targets.
 *
 * The input goes through pk_reader_open_mem exactly as a file would go
 * through pk_reader_open: gzip data is staged and read by zlib, the
 * format is detected from the content, and every host delivered is
 * checked against the guarantees of portkit.h, duplicated, expanded and
 * written out in every format, so a host that reaches a tool malformed
 * is a finding too (abort), not only a crash.
 */
#ifndef PK_FUZZ_READER_TARGET_H
#define PK_FUZZ_READER_TARGET_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portkit.h"
#include "replay.h"

/* A decompressed budget keeps gzip bombs within -timeout=1. */
#define FUZZ_MAX_INPUT	((uint64_t)4 << 20)

static void
check_port(const struct pk_port *p)
{
	if (pk_proto_name(p->proto) == NULL || p->state == NULL)
		abort();
	if (p->proto == PK_PROTO_IP ? p->port > 255 :
	    p->port < 1 || p->port > 65535)
		abort();
}

static void
check_host(const struct pk_host *h)
{
	size_t i;

	if (h->host == NULL && h->mac == NULL)
		abort();
	if (h->scan == NULL)
		abort();
	for (i = 0; i < h->nports; i++)
		check_port(&h->ports[i]);
	for (i = 0; i < h->naddrs; i++)
		if (h->addrs[i].addr == NULL)
			abort();
}

static int
count_port(void *arg, const struct pk_port *p)
{
	/*
	 * Known and reported: lib/extraports.c expands "0" in a ports list
	 * to TCP port 0, which <port portid="0"> would refuse
	 * (tests/hostile/cases: extraports_port0).  Tolerated here so that
	 * fuzzing goes on finding other things.
	 */
	if (p->port == 0 && p->proto != PK_PROTO_IP && p->state != NULL) {
		++*(unsigned long *)arg;
		return 0;
	}
	check_port(p);
	++*(unsigned long *)arg;
	return 0;
}

/* Script records (pcat --scripts) with their trees as JSON, too. */
struct script_out {
	struct pk_rowctx *rc;
	struct pk_writer *w;
};

static void
write_scripts(struct script_out *so, const struct pk_host *h,
    const struct pk_port *p, const struct pk_script *sc, size_t n)
{
	const struct pk_value *v;
	size_t i;

	for (i = 0; so->rc != NULL && so->w != NULL && i < n; i++)
		if ((v = pk_rowctx_fill_script(so->rc, h, p, &sc[i],
		    "fuzz")) != NULL)
			(void)pk_writer_row(so->w, v);
}

static void
write_host(struct pk_writer **w, struct pk_rowctx *rc, const struct pk_host *h,
    struct script_out *so)
{
	size_t i;

	for (i = 0; i < h->nports; i++) {
		(void)pk_writer_row(w[i % PK_OUT_LIST],
		    pk_rowctx_fill(rc, h, &h->ports[i], "fuzz"));
		write_scripts(so, h, &h->ports[i], h->ports[i].scripts,
		    h->ports[i].nscripts);
	}
	write_scripts(so, h, NULL, h->hostscripts, h->nhostscripts);
}

static void
use_host(const struct pk_host *h, struct pk_writer **w,
    struct pk_rowctx *rc, struct script_out *so)
{
	struct pk_host *d;
	unsigned long n = 0;

	check_host(h);
	(void)pk_extraports_foreach(h, count_port, &n);
	if ((d = pk_host_dup(h)) != NULL) {
		if (d->nports != h->nports || d->naddrs != h->naddrs)
			abort();
		pk_host_free(d);
	}
	if (rc != NULL)
		write_host(w, rc, h, so);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct pk_writer *w[PK_OUT_LIST] = { NULL };
	const struct pk_host *h;
	const struct pk_field *f;
	struct pk_read_opts opts;
	struct pk_rowctx *rc;
	struct pk_reader *r;
	struct script_out so = { NULL, NULL };
	size_t nf;
	int i, st;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	pk_read_opts_init(&opts);
	opts.limits.max_input_bytes = FUZZ_MAX_INPUT;
	opts.merge = size > 0 && (data[size - 1] & 1);
	rc = pk_rowctx_new(PK_REC_PORT, "all", NULL);
	if (rc != NULL) {
		f = pk_rowctx_fields(rc, &nf);
		for (i = 0; i < PK_OUT_LIST; i++)
			w[i] = pk_writer_new(null, (enum pk_outfmt)i, f, nf,
			    PK_WR_CSV_SAFE);
	}
	if ((so.rc = pk_rowctx_new(PK_REC_SCRIPT, "all", NULL)) != NULL) {
		f = pk_rowctx_fields(so.rc, &nf);
		so.w = pk_writer_new(null, PK_OUT_JSONL, f, nf, 0);
	}
	if ((r = pk_reader_open_mem(data, size, "fuzz", &opts)) == NULL)
		abort();
	while ((st = pk_reader_next(r, &h)) == PK_OK)
		use_host(h, w, rc, &so);
	if (st != PK_EOF && (st >= 0 || pk_reader_error(r)->msg[0] == '\0'))
		abort();		/* every error must say why */
	if (pk_reader_hosts(r) > 0 && pk_reader_scan(r) == NULL)
		abort();
	pk_reader_free(r);
	for (i = 0; i < PK_OUT_LIST; i++) {
		(void)pk_writer_flush(w[i]);
		pk_writer_free(w[i]);
	}
	pk_rowctx_free(rc);
	(void)pk_writer_flush(so.w);
	pk_writer_free(so.w);
	pk_rowctx_free(so.rc);
	return 0;
}

#endif /* PK_FUZZ_READER_TARGET_H */
