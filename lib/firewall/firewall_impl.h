/*
 * firewall_impl.h - what the parts of the firewall engine share (internal).
 *
 * infer.c holds the per-port verdict table and the scan roles, hold.c
 * the compact held side (port runs, interned strings, the host table),
 * firewall.c the sweep that turns two hosts' runs into rows, segments
 * and a summary.  listening.c, the sockets of a dump against a scan,
 * shares only pk_fwi_grow; fields.c and text.c turn results into rows
 * and text.
 */
#ifndef PK_FIREWALL_IMPL_H
#define PK_FIREWALL_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "base/hash.h"
#include "portkit.h"

enum { SLOT_SYN, SLOT_ACK, SLOT_UDP, SLOT_UDPV, NSLOTS };

#define NSTRS		255		/* interned strings; code 0 = none */
#define NONE		0x20000u	/* past every port */
#define SHORT_LIST	32		/* longer port lists, and lists of */
#define SHORT_COUNT	16		/* more ports, become counts */

/* Ports lo..hi of one slot with one state and reason (interned codes). */
struct fw_run {
	uint16_t	 lo;
	uint16_t	 hi;
	uint8_t		 state;
	uint8_t		 reason;
};

/*
 * Every held host carries these, so counts are 32 bits: a slot's runs
 * cover at most 65536 ports once fused, and growth past 2^31 fails.
 */
struct fw_runs {
	struct fw_run	*v;
	uint32_t	 n;
	uint32_t	 cap;
};

struct fw_held {
	char		*addr;
	struct fw_runs	 slot[NSLOTS];
	uint32_t	 unlisted[NSLOTS]; /* folded ports without a port
					   list (grepable input);
					   saturating */
	uint8_t		 present;	/* slots whose scan held the host */
	uint8_t		 down;		/* slots whose scan saw it down */
	uint8_t		 matched;
};

struct fw_range {
	uint32_t	 lo;
	uint32_t	 hi;
};

struct fw_ranges {
	struct fw_range	*v;
	size_t		 n;
	size_t		 cap;
	unsigned long	 count;
};

/* Summary parts, in the order the summary line names them. */
enum { P_DROP, P_SYNDROP, P_REJECT, P_FILTERED, P_OPEN, P_RESET,
	P_CLOSEDFW, P_INCONS, P_UDPFILT, P_UDPOF, P_UDPOPEN, P_SYNONLY,
	P_ACKONLY, NPARTS };


/*
 * Host kinds, in the order the total line names them.  SYN and ACK
 * probes alone cannot prove a stateful firewall: each K_AMB_ kind is
 * evidence that two kinds of filter explain, with the probe that would
 * tell them apart.
 */
enum { K_AMB_NONSYN, K_AMB_BOTH, K_AMB_LOOSE, K_STATELESS, K_FILTERED,
	K_RULES, K_NONE, K_SYNONLY, K_ACKONLY, K_SYNUP, K_ACKUP, K_DOWN,
	NKINDS };


/* A row while it is built: its evidence codes and its ports. */
struct fw_rowx {
	int		 proto;
	uint8_t		 code[4];	/* SYN state, reason, ACK state,
					   reason; UDP uses the first two */
	int		 verdict;
	struct fw_ranges r;
	size_t		 off;		/* port list in text */
};

struct pk_fw {
	char		*strs[NSTRS + 1];
	unsigned	 nstrs;
	struct pk_index	 ix;		/* address -> its place in order */
	struct fw_held	**order;
	size_t		 norder;
	size_t		 ordercap;
	size_t		 unmatched;
	size_t		 mem;
	struct fw_held	 cur;		/* the streamed host */
	struct fw_rowx	*rx;
	size_t		 nrx;
	size_t		 caprx;
	size_t		 maxrx;		/* slots of rx initialised */
	struct pk_fw_row *rows;
	size_t		 caprows;
	struct pk_fw_seg *segs;
	size_t		 nsegs;
	size_t		 capsegs;
	struct fw_ranges parts[NPARTS];
	char		*text;
	size_t		 textlen;
	size_t		 textcap;
	int		 nomem;
	struct pk_fw_host out;
	unsigned long	 kinds[NKINDS];
	unsigned long	 hosts;
	char		 line[256];
};

/* The string of an interned code; NULL for code 0. */
static inline const char *
fw_str(const struct pk_fw *fw, uint8_t code)
{
	return code == 0 ? NULL : fw->strs[code];
}

/* How a filtered port was filtered: 0 unknown, 1 no answer, 2 ICMP. */
int		 pk_fwi_filter_kind(const char *reason);
/* Grow *vp (elements of size sz) to hold n + 1; 0 or -1. */
int		 pk_fwi_grow(void *vp, size_t *cap, size_t n, size_t sz);
/* Turn a host into runs in hd (whose slots may already hold others). */
int		 pk_fwi_host_runs(struct pk_fw *fw, struct fw_held *hd,
		    const struct pk_host *h, const struct pk_fw_roles *ro);
/* The held host of addr, or NULL. */
struct fw_held	*pk_fwi_lookup(const struct pk_fw *fw, const char *addr);
/* The key a host is held under: first address, else MAC, else "". */
const char	*pk_fwi_host_key(const struct pk_host *h);
/* Free what hd holds, not hd itself. */
void		 pk_fwi_held_free(struct fw_held *hd);

#endif /* PK_FIREWALL_IMPL_H */
