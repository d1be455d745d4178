/*
 * fe_filter.c - filter options given to a pk_filter, with the words a
 * front end uses when it refuses an argument: "-p: ...", "bad --service
 * pattern ... at offset N: ...", "--match wants FIELD=REGEX".
 */
#include <string.h>

#include "fe/fe.h"

/* The option names a criterion is set by, with its setter. */
static const struct {
	const char	*opt;
	int		(*set)(struct pk_filter *, const char *,
			    struct pk_error *);
	int		 prefix;	/* messages read "-p: ..." */
} setters[] = {
	{ "-p", pk_filter_ports, 1 },
	{ "--host", pk_filter_net, 0 },
	{ "--proto", pk_filter_protos, 0 },
	{ "--service", pk_filter_service, 0 },
	{ "--state", pk_filter_states, 0 }
};

/* A pattern or argument refused: say so and exit 2. */
static _Noreturn void
refused(const char *opt, int prefix, const char *arg,
    const struct pk_error *err)
{
	if (err->status == PK_ERR_NOMEM)
		fe_nomem();
	if (err->column != 0)
		fe_errx(2, "bad %s pattern \"%s\" at offset %lu: %s", opt,
		    arg, err->column - 1, err->msg);
	if (prefix)
		fe_errx(2, "%s: %s", opt, err->msg);
	fe_errx(2, "%s", err->msg);
}

void
fe_filter_set(struct pk_filter *f, const char *opt, const char *arg)
{
	struct pk_error err;
	size_t i;

	for (i = 0; i < sizeof(setters) / sizeof(setters[0]); i++) {
		if (strcmp(setters[i].opt, opt) != 0)
			continue;
		if (setters[i].set(f, arg, &err) != PK_OK)
			refused(opt, setters[i].prefix, arg, &err);
		return;
	}
	fe_errx(2, "no filter option %s", opt);
}

void
fe_filter_match(struct pk_filter *f, int kind, const char *arg)
{
	struct pk_error err;
	const char *eq = strchr(arg, '=');
	char name[64];
	size_t n;
	int rc;

	n = eq != NULL ? (size_t)(eq - arg) : 0;
	if (n == 0)
		fe_errx(2, "--match wants FIELD=REGEX, not \"%s\"", arg);
	if (n >= sizeof(name))
		n = sizeof(name) - 1;
	memcpy(name, arg, n);
	name[n] = '\0';
	if (kind < 0)
		rc = pk_filter_sock_match(f, name, eq + 1, &err);
	else
		rc = pk_filter_match(f, kind, name, eq + 1, &err);
	if (rc != PK_OK)
		refused("--match", 1, eq + 1, &err);
}
