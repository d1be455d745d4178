/*
 * portkit.h - the public interface of libportkit.
 *
 * libportkit streams what port scanners and socket listings print (Nmap
 * XML and grepable output, masscan XML, nmap-services files, ss and lsof
 * dumps), gzip-compressed or not, and hosts the analysis engines that the
 * portkit tools front.
 *
 * Ownership, one rule for the whole API:
 *   Functions returning const pointers lend: the object stays valid until
 *   the next call on the same handle (for readers: the next *_next call)
 *   or until the handle is freed.  *_open, *_new and *_dup return objects
 *   the caller owns, released by the matching *_free; every *_free accepts
 *   NULL.  Functions that return a plain char * return malloc'ed memory
 *   the caller frees with free(3).
 *
 * Status codes are frozen: numbers are never reused or renumbered, new
 * ones are only appended.  PK_OK is 0, PK_EOF is 1, errors are negative.
 * The library never prints, never exits and holds no global mutable state;
 * handles are independent and may be used from different threads as long
 * as one handle is used by one thread at a time.
 */
#ifndef PORTKIT_H
#define PORTKIT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PK_VERSION		"0.1.0"
#define PK_VERSION_NUMBER	100	/* major * 10000 + minor * 100 + patch */

/* --- Status codes and errors (lib/base/error.c) ----------------------- */

enum pk_status {
	PK_OK = 0,
	PK_EOF = 1,			/* no more records */
	PK_ERR_IO = -1,			/* read or write failed (errno kept) */
	PK_ERR_FORMAT = -2,		/* input is not what it claims to be */
	PK_ERR_LIMIT = -3,		/* input exceeds a documented limit */
	PK_ERR_NOMEM = -4,		/* allocation failed */
	PK_ERR_TRUNCATED = -5,		/* input ends early; complete records
					   before the cut were delivered */
	PK_ERR_GZIP = -6,		/* corrupt or truncated gzip stream */
	PK_ERR_UNKNOWN_FORMAT = -7,	/* content matches no known format */
	PK_ERR_USAGE = -8		/* invalid argument to a library call */
};

/*
 * Where and why the last call on a handle failed.  file is the input's
 * name ("<stdin>" for standard input), line and column are 1-based and 0
 * when unknown.  Valid until the next call on that handle.
 */
struct pk_error {
	int		 status;
	const char	*file;
	unsigned long	 line;
	unsigned long	 column;
	char		 msg[256];
};

/* A short constant description of a status code, never NULL. */
const char	*pk_strerror(int status);

/* --- Formats ------------------------------------------------------------ */

enum pk_format {
	PK_FMT_UNKNOWN = 0,
	PK_FMT_NMAP_XML = 1,		/* nmap -oX */
	PK_FMT_MASSCAN_XML = 2,		/* masscan -oX */
	PK_FMT_GNMAP = 3,		/* nmap -oG */
	PK_FMT_SERVICES = 4,		/* nmap-services */
	PK_FMT_SS = 5,			/* ss -tulnp and friends */
	PK_FMT_LSOF = 6,		/* lsof -i, lsof -i -F */
	PK_FMT_MASSCAN_LIST = 7,	/* masscan -oL */
	PK_FMT_MASSCAN_JSON = 8,	/* masscan -oJ (and -oD) */
	PK_FMT_NMAP_NORMAL = 9,		/* nmap -oN (or its standard output) */
	PK_FMT_HOSTPORT = 10,		/* host:port lists (naabu, one-liners) */
	PK_FMT_NETSTAT = 11		/* net-tools netstat -tulpn and friends */
};

/*
 * "nmap-xml", "masscan-xml", "gnmap", "services", "ss", "lsof",
 * "masscan-list", "masscan-json", "nmap-normal", "hostport", "netstat",
 * "unknown".
 */
const char	*pk_format_name(enum pk_format fmt);

/*
 * Guess the format of decompressed content from its first bytes (a few
 * KiB are plenty).  Never reads past len.
 */
enum pk_format	 pk_format_detect(const void *buf, size_t len);

/* --- Protocols ---------------------------------------------------------- */

enum pk_proto {
	PK_PROTO_TCP = 0,
	PK_PROTO_UDP = 1,
	PK_PROTO_SCTP = 2,
	PK_PROTO_IP = 3,		/* nmap -sO: port is the protocol number */
	PK_PROTO_COUNT = 4
};

/* "tcp", "udp", "sctp", "ip"; NULL for an out-of-range value. */
const char	*pk_proto_name(int proto);
/* The enum value for a protocol name (case-sensitive), or -1. */
int		 pk_proto_parse(const char *name);

/* --- Limits on untrusted input ------------------------------------------ */

/*
 * Every reader enforces these caps; exceeding one is PK_ERR_LIMIT naming
 * the limit.  Zero in a field selects the default shown.
 */
struct pk_limits {
	size_t		 max_tag_bytes;	  /* one XML tag:      8 MiB */
	size_t		 max_attrs;	  /* attributes a tag:    64 */
	unsigned	 max_depth;	  /* element nesting:     64 */
	size_t		 max_host_bytes;  /* one host's record: 64 MiB */
	size_t		 max_line_bytes;  /* one text line:      4 MiB */
	uint64_t	 max_input_bytes; /* decompressed: unlimited (0) */
};

#define PK_DEF_MAX_TAG_BYTES	((size_t)8 << 20)
#define PK_DEF_MAX_ATTRS	64
#define PK_DEF_MAX_DEPTH	64
#define PK_DEF_MAX_HOST_BYTES	((size_t)64 << 20)
#define PK_DEF_MAX_LINE_BYTES	((size_t)4 << 20)

/* --- The scan model ----------------------------------------------------- */

/*
 * Everything below is lent by a reader.  Absent strings are NULL, absent
 * integers are -1.  Strings are NUL-terminated UTF-8 exactly as the input
 * had them (entities decoded); they may contain any character, so writers
 * escape them.
 */

struct pk_scaninfo {
	const char	*type;		/* syn, connect, ack, udp, ... */
	const char	*protocol;	/* tcp, udp, sctp, ip */
	long		 numservices;
	const char	*services;	/* nmap -p form: "1,3-4,6-7" */
};

struct pk_scan {
	enum pk_format	 format;
	const char	*scanner;	/* "nmap", "masscan" */
	const char	*args;
	const char	*version;
	const char	*xmloutputversion;
	long long	 start;		/* seconds since the epoch */
	const char	*startstr;
	struct pk_scaninfo *scaninfo;
	size_t		 nscaninfo;
	/* From <runstats>; known only once the reader returned PK_EOF. */
	int		 finished;	/* 1: <finished> seen, 0: not */
	long long	 end;
	const char	*exit;		/* "success", "error" */
	const char	*errormsg;
	double		 elapsed;	/* seconds, -1 absent */
	long		 hosts_up;
	long		 hosts_down;
	long		 hosts_total;
	unsigned	 docno;		/* 1-based document number in a
					   file holding several runs */
};

enum pk_addrtype {
	PK_ADDR_IPV4 = 0,
	PK_ADDR_IPV6 = 1,
	PK_ADDR_MAC = 2
};

struct pk_addr {
	enum pk_addrtype type;
	const char	*addr;		/* checked with inet_pton / MAC syntax */
	const char	*vendor;	/* MAC vendor, or NULL */
};

struct pk_hostname {
	const char	*name;
	const char	*type;		/* "user", "PTR", or NULL */
};

/*
 * One node of a script's structured output (Nmap XML): an <elem>, whose
 * value is its text ("" when empty), or a <table>, whose value is NULL
 * and whose children are its <table> and <elem> nodes in file order.
 * key is the key attribute, NULL when the node has none.  Nesting is
 * bounded by pk_limits.max_depth, the whole by max_host_bytes.
 */
struct pk_script_elem {
	const char	*key;
	const char	*value;
	struct pk_script_elem *children;
	size_t		 nchildren;
};

/*
 * A script result.  masscan banners are scripts too: id "banner",
 * output "TYPE: TEXT" with TEXT as masscan writes it (bytes outside
 * printable ASCII and <>&\"' as \xHH), and elems the two <elem>s
 * "type" and "banner".
 */
struct pk_script {
	const char	*id;
	const char	*output;
	struct pk_script_elem *elems;	/* top-level nodes, or NULL */
	size_t		 nelems;
};

struct pk_port {
	int		 proto;		/* enum pk_proto */
	unsigned	 port;		/* 1..65535 (0..255 for ip) */
	const char	*state;		/* open, closed, filtered, unfiltered,
					   open|filtered, closed|filtered */
	const char	*reason;
	int		 reason_ttl;
	const char	*service;	/* <service name=> */
	const char	*product;
	const char	*version;
	const char	*extrainfo;
	const char	*ostype;
	const char	*hostname;	/* <service hostname=> */
	const char	*devicetype;
	const char	*tunnel;	/* "ssl" or NULL */
	const char	*method;	/* "table", "probed" */
	int		 conf;		/* 0..10 */
	const char	*owner;		/* gnmap ident owner */
	const char	*rpcinfo;	/* gnmap rpc field */
	const char	**cpe;
	size_t		 ncpe;
	struct pk_script *scripts;
	size_t		 nscripts;
	unsigned long	 line;		/* input line of its entry; 0 unknown */
};

struct pk_extrareason {
	const char	*reason;
	long		 count;
	const char	*proto;		/* NULL when the input did not say */
	const char	*ports;		/* nmap -p form, or NULL (nmap < 7.9x) */
};

struct pk_extraports {
	const char	*state;
	long		 count;
	struct pk_extrareason *reasons;
	size_t		 nreasons;
};

struct pk_osmatch {
	const char	*name;
	int		 accuracy;	/* 0..100 */
};

struct pk_host {
	const struct pk_scan *scan;	/* the run this host belongs to */
	const char	*host;		/* first IP address; never a MAC;
					   NULL only for a MAC-only host */
	const char	*mac;		/* first MAC address or NULL */
	const char	*hostname;	/* first hostname or NULL */
	const char	*status;	/* "up", "down", "unknown"; NULL when
					   the input has none (masscan) */
	const char	*status_reason;
	int		 status_reason_ttl;
	long long	 starttime;
	long long	 endtime;
	unsigned long	 line;		/* input line where the host began */
	struct pk_addr	*addrs;
	size_t		 naddrs;
	struct pk_hostname *hostnames;
	size_t		 nhostnames;
	struct pk_port	*ports;
	size_t		 nports;
	struct pk_extraports *extraports;
	size_t		 nextraports;
	struct pk_osmatch *osmatches;
	size_t		 nosmatches;
	struct pk_script *hostscripts;
	size_t		 nhostscripts;
};

/*
 * A deep copy of a host that the caller owns (pdiff keeps one side this
 * way).  Its scan pointer is NULL: scan data belongs to the reader.
 * Returns NULL when out of memory.
 */
struct pk_host	*pk_host_dup(const struct pk_host *h);
void		 pk_host_free(struct pk_host *h);

/* --- Readers (lib/reader/, lib/nmap/, lib/gnmap/) ------------------------ */

struct pk_reader;

struct pk_read_opts {
	struct pk_limits limits;
	int		 merge;		/* masscan, host:port lists: fold
					   records of one address into one
					   host (holds them in memory) */
	int		 skip_script_trees; /* Nmap XML: leave each script's
					   <table>/<elem> tree out (elems
					   NULL), which saves time on -sC
					   scans; its output text stays */
	/*
	 * Warnings: a port listed twice in one host, and with dup_hosts a
	 * host listed again (which keeps every address seen: memory grows
	 * with the number of hosts); an <extrareasons> port list that does
	 * not parse or holds another number of ports than its count, which
	 * is then dropped (ports NULL) whether warn is set or not.  Records are never merged; both are
	 * delivered and warn is called with status PK_OK, file, line and
	 * a message beginning "warning: ".  NULL: no checks at all.
	 * Nmap XML: a character reference to a character XML forbids in
	 * an attribute value (nmap 7.94 writes them into service names)
	 * is read as U+FFFD (warn is called once a file, at the first);
	 * anywhere else it is an error.
	 */
	void		(*warn)(void *arg, const struct pk_error *w);
	void		*warn_arg;
	int		 dup_hosts;
	/*
	 * Grepable output joins product, version and extrainfo in one
	 * field, normal output in its VERSION column; both are split with
	 * the product names of this nmap-service-probes file, read at the
	 * first such field.  NULL (the default) finds the file as
	 * pk_services_locate finds nmap-services; "" keeps the field
	 * whole, in version.  Without the file, or when no known name
	 * begins the field, it stays whole too (only a lone
	 * "(extrainfo)" is split off).
	 */
	const char	*probes;
	/*
	 * Where a parsed copy of that file is kept, so that it is parsed
	 * once per version of it (keyed by its device, inode, size, mtime
	 * and ctime) rather than in every run.  NULL (the default):
	 * $XDG_CACHE_HOME/portkit when that is an absolute path, else
	 * $HOME/.cache/portkit, none when neither is set or the process is
	 * set-id; "": no cache, nothing read or written; any other string:
	 * that directory.  Missing directories are made with mode 0700.  A
	 * copy is used only when it is a regular file of the effective
	 * user that no one else may write, and all of it checks out;
	 * anything else, or failing to write one, is silently the parse.
	 */
	const char	*probes_cache;
};

/* Fill opts with the defaults (all fields 0 or NULL, limits filled). */
void		 pk_read_opts_init(struct pk_read_opts *opts);

/*
 * Open a scan for reading host by host.  path "-" is standard input.
 * gzip is detected by its magic bytes and read through zlib, the format
 * from the content (Nmap XML, masscan XML, Nmap grepable).  opts may be
 * NULL for the defaults.  Returns NULL only when out of memory; other
 * failures (missing file, unknown format) are reported by the first
 * pk_reader_next() and pk_reader_error().
 */
struct pk_reader *pk_reader_open(const char *path,
		    const struct pk_read_opts *opts);
/* The same on an open descriptor, which the reader does not close. */
struct pk_reader *pk_reader_open_fd(int fd, const char *name,
		    const struct pk_read_opts *opts);
/* The same on a memory buffer, which must outlive the reader. */
struct pk_reader *pk_reader_open_mem(const void *buf, size_t len,
		    const char *name, const struct pk_read_opts *opts);

/*
 * Deliver the next host in *out (lent until the next call).  Returns
 * PK_OK with a host, PK_EOF at the clean end, or an error.  After
 * PK_ERR_TRUNCATED every complete host before the cut has been delivered;
 * pk_reader_hosts() says how many.  Any error is final.
 */
int		 pk_reader_next(struct pk_reader *r, const struct pk_host **out);

/* The current run's scan data (lent); NULL before the first host. */
const struct pk_scan *pk_reader_scan(const struct pk_reader *r);
enum pk_format	 pk_reader_format(const struct pk_reader *r);
const struct pk_error *pk_reader_error(const struct pk_reader *r);
const char	*pk_reader_name(const struct pk_reader *r);
/* Hosts delivered so far. */
unsigned long	 pk_reader_hosts(const struct pk_reader *r);
void		 pk_reader_free(struct pk_reader *r);

/* --- Sources: inputs recognised before a reader takes them (lib/input/) */

/*
 * A source opens an input once ("-" is standard input), gzip or not, and
 * tells its format from the first bytes without consuming them, so that
 * a tool can hand it to the reader that fits: pk_reader_open_source for
 * scans, pk_sock_open_source for ss and lsof dumps.  lim may be NULL for
 * the defaults; it governs the byte layer (line length, decompressed
 * size) of whichever reader takes the source.
 */
struct pk_source;

/* NULL only when out of memory; open errors show in pk_source_format. */
struct pk_source *pk_source_open(const char *path,
		    const struct pk_limits *lim);
struct pk_source *pk_source_open_fd(int fd, const char *name,
		    const struct pk_limits *lim);
/*
 * The format of the content.  PK_FMT_UNKNOWN when it could not be read
 * (pk_source_error says why; status 0 there means unrecognised or
 * empty content).
 */
enum pk_format	 pk_source_format(struct pk_source *src);
const struct pk_error *pk_source_error(const struct pk_source *src);
const char	*pk_source_name(const struct pk_source *src);
/* Free a source no reader took. */
void		 pk_source_free(struct pk_source *src);
/*
 * A scan reader on the source, which it takes over (src is consumed,
 * whatever happens).  Otherwise as pk_reader_open.
 */
struct pk_reader *pk_reader_open_source(struct pk_source *src,
		    const struct pk_read_opts *opts);

/* --- Port specifications (lib/scan/portspec.c) -------------------------- */

/* A set of ports per protocol (a bitmap: 8 KiB per protocol). */
struct pk_portset;

struct pk_portset *pk_portset_new(void);
void		 pk_portset_free(struct pk_portset *ps);
void		 pk_portset_add(struct pk_portset *ps, int proto,
		    unsigned lo, unsigned hi);
int		 pk_portset_has(const struct pk_portset *ps, int proto,
		    unsigned port);
/* Number of ports in the set for proto, or for all when proto is -1. */
size_t		 pk_portset_count(const struct pk_portset *ps, int proto);
/*
 * Parse nmap's -p syntax into ps: "22", "1-1000", "-", "-1024", "60000-",
 * "T:80,443,U:53", "S:" for SCTP and "P:" for IP protocols.  Ports with no
 * prefix go to every protocol in the bitmask protos (1 << PK_PROTO_TCP
 * ...).  Numbers are strict decimal 0..65535.  On error returns
 * PK_ERR_FORMAT and writes a message to err when it is not NULL.
 */
int		 pk_portspec_parse(struct pk_portset *ps, const char *spec,
		    unsigned protos, struct pk_error *err);
/*
 * Compact the ports of proto into nmap's range form ("1-3,7,9"); with
 * proto -1, every non-empty protocol with its prefix ("T:22,80,U:53").
 * Returns a malloc'ed string ("" for an empty set), NULL out of memory.
 */
char		*pk_portspec_format(const struct pk_portset *ps, int proto);

/* --- Address networks (lib/scan/net.c) ---------------------------------- */

/* An IPv4 or IPv6 network: the first prefix bits of addr. */
struct pk_net {
	int		 family;	/* 4 or 6 */
	unsigned	 prefix;	/* 0..32 or 0..128 */
	unsigned char	 addr[16];	/* network byte order */
};

/*
 * Parse "10.0.0.0/8", "fd00::/8" or one address (a full-length prefix).
 * Bits past the prefix are kept and ignored.  PK_OK or PK_ERR_FORMAT.
 */
int		 pk_net_parse(struct pk_net *net, const char *s);
/* 1 when the address string addr lies in net, 0 otherwise or unparsable. */
int		 pk_net_contains(const struct pk_net *net, const char *addr);

/* --- Output writers (lib/out/) ------------------------------------------ */

enum pk_outfmt {
	PK_OUT_TEXT = 0,		/* aligned table for people */
	PK_OUT_TSV = 1,			/* header row, \t \n \r \\ escaped */
	PK_OUT_CSV = 2,			/* RFC 4180 */
	PK_OUT_JSONL = 3,		/* one JSON object per line */
	PK_OUT_MD = 4,			/* Markdown table */
	PK_OUT_LIST = 5			/* host:port ([v6]:port) */
};

/* "text", "tsv", ...; and the enum value for a name, or -1. */
const char	*pk_outfmt_name(int fmt);
int		 pk_outfmt_parse(const char *name);

enum pk_ftype {
	PK_FT_STR = 0,
	PK_FT_INT = 1,
	PK_FT_NUM = 2,			/* floating point */
	PK_FT_JSON = 3			/* JSON text: raw in jsonl, a string
					   in the other formats */
};

/* One column: name (lower_snake, stable), type, width hint, meaning. */
struct pk_field {
	const char	*name;
	enum pk_ftype	 type;
	int		 width;
	const char	*desc;
};

/* One cell.  set == 0 means absent (omitted in jsonl, empty elsewhere). */
struct pk_value {
	int		 set;
	const char	*s;
	long long	 i;
	double		 d;
};

#define PK_WR_NOHEADER	0x01		/* no header row */
#define PK_WR_CSV_SAFE	0x02		/* neutralise =+-@ formula prefixes */

struct pk_writer;

/*
 * PK_OUT_LIST prints only the columns named "host" and "port" as
 * host:port, or [host]:port when host holds a ':' (IPv6); rows without a
 * port print the host alone.
 *
 * A buffered row writer to out.  fields (lent, must outlive the writer)
 * gives the columns in order.  Output is flushed by pk_writer_flush and
 * pk_writer_free; text tables take their widths from the first rows.
 */
struct pk_writer *pk_writer_new(FILE *out, enum pk_outfmt fmt,
		    const struct pk_field *fields, size_t nfields,
		    unsigned flags);
/* Write one row of nfields values.  PK_ERR_IO on a write error. */
int		 pk_writer_row(struct pk_writer *w, const struct pk_value *vals);
int		 pk_writer_flush(struct pk_writer *w);
unsigned long	 pk_writer_rows(const struct pk_writer *w);
void		 pk_writer_free(struct pk_writer *w);

/*
 * Escaping a string for where it goes, the way the writers do it
 * (lib/out/escape.c), for callers that write more than rows:
 *
 *   PK_ESC_TEXT       what a terminal may show: C0 bytes, DEL, C1
 *                     controls and bytes that are not UTF-8 as \xHH
 *   PK_ESC_MD         the same, and Markdown's own syntax
 *                     (\ | * _ ` [ ] < > & ~) backslash-escaped
 *   PK_ESC_HTML       the text of an HTML element: & < > as entities;
 *                     tab, LF and CR kept (for <pre>), other controls and
 *                     bytes that are not UTF-8 as the text \xHH
 *   PK_ESC_HTML_ATTR  a quoted attribute value: as PK_ESC_HTML, and
 *                     " ' tab LF CR as entities too
 *
 * No escaping makes a string safe in a URL, a style or a script: never
 * put untrusted text there.
 */
enum pk_esc_ctx {
	PK_ESC_TEXT = 0,
	PK_ESC_MD = 1,
	PK_ESC_HTML = 2,
	PK_ESC_HTML_ATTR = 3
};

/*
 * Write s to out escaped for ctx.  PK_OK, PK_ERR_IO (errno kept) or
 * PK_ERR_USAGE for a NULL argument or an unknown context.
 */
int		 pk_escape(FILE *out, const char *s, int ctx);

/* --- What ports are for: the port table (lib/ports/) -------------------- */

/*
 * portkit's port table (data/port-categories, installed in
 * share/portkit; format in portkit-output(5)): the categories of a
 * port/proto (core, windows, database, web, remote-access, email,
 * file-transfer, vpn, or any name a user's file brings) and the service
 * the table knows it by.  The caller opens it and hands it to what needs
 * it (pk_rowctx_set_ports, pk_filter_set_ports, pk_rank_set_ports,
 * pk_nonstd_set_ports); nothing in the library reads it on its own.
 */
struct pk_ports;

struct pk_portcat {
	unsigned	 port;
	int		 proto;		/* enum pk_proto, never PK_PROTO_IP */
	const char	*category;	/* "core,remote-access"; "" for none */
	const char	*service;	/* NULL when the line names none */
};

/* An empty table; NULL when out of memory. */
struct pk_ports	*pk_ports_new(void);
/*
 * Add the lines of a table file ("-" reads standard input; gzip is
 * read too).  A line for a port/proto already in the table replaces it,
 * so a user's file read after the installed one overrides it.  PK_OK, or
 * an error with err's file, line and column; the lines before a bad
 * one stay in the table.
 */
int		 pk_ports_load(struct pk_ports *pt, const char *path,
		    struct pk_error *err);
/* The same from memory (name for errors); buf is not kept. */
int		 pk_ports_load_mem(struct pk_ports *pt, const void *buf,
		    size_t len, const char *name, struct pk_error *err);
void		 pk_ports_free(struct pk_ports *pt);
/* The line for port/proto, or NULL (also for a NULL table); lent. */
const struct pk_portcat *pk_ports_get(const struct pk_ports *pt, int proto,
		    unsigned port);
/* The i-th line by protocol, then port; NULL past the end.  Lent. */
const struct pk_portcat *pk_ports_at(const struct pk_ports *pt, size_t i);
/* Every category name the lines read named, first seen first (lent). */
const char *const *pk_ports_categories(const struct pk_ports *pt, size_t *n);
/*
 * 1 when the comma-separated list holds the category name[0..len), else
 * 0 (also for a NULL list).
 */
int		 pk_ports_list_has(const char *list, const char *name,
		    size_t len);
/*
 * The IANA range of a port: "well-known" (0-1023), "registered"
 * (1024-49151) or "dynamic" (49152-65535); NULL for PK_PROTO_IP, whose
 * port is a protocol number, and past 65535.  Static.
 */
const char	*pk_ports_iana_range(int proto, unsigned port);

/* --- Scan records as rows (lib/scan/record.c, lib/scan/extraports.c) --- */

/*
 * The fields a host or port becomes when written out; names are stable
 * and documented in portkit-output(5).
 */
enum pk_record_kind {
	PK_REC_PORT = 0,		/* one row per port */
	PK_REC_HOST = 1,		/* one row per host */
	PK_REC_SCRIPT = 2		/* one row per script result */
};

/* Every field of a kind, in documentation order (lent, static). */
const struct pk_field *pk_record_fields(int kind, size_t *n);
/* The number of the field called name[0..len), or -1. */
int		 pk_record_field_index(int kind, const char *name, size_t len);

/* A row maker: chosen fields plus scratch space for one row. */
struct pk_rowctx;

/*
 * list is a comma-separated list of field names ("all" expands to every
 * field), NULL for the default list.  NULL on error, with err set
 * (PK_ERR_USAGE for an unknown field).
 */
struct pk_rowctx *pk_rowctx_new(int kind, const char *list,
		    struct pk_error *err);
/* The chosen fields, in order, to hand to pk_writer_new (lent). */
const struct pk_field *pk_rowctx_fields(const struct pk_rowctx *rc,
		    size_t *n);
/*
 * The values of one row (lent until the next fill).  port is NULL for
 * host rows.  file names the input.  NULL when out of memory (a joined
 * list would otherwise come out incomplete).
 */
const struct pk_value *pk_rowctx_fill(struct pk_rowctx *rc,
		    const struct pk_host *h, const struct pk_port *port,
		    const char *file);
void		 pk_rowctx_free(struct pk_rowctx *rc);
/*
 * The values of a PK_REC_SCRIPT row: script sc of port p of h, or of the
 * host itself when p is NULL (a <hostscript>).  Lent as for
 * pk_rowctx_fill; NULL when out of memory or rc is of another kind.
 */
const struct pk_value *pk_rowctx_fill_script(struct pk_rowctx *rc,
		    const struct pk_host *h, const struct pk_port *p,
		    const struct pk_script *sc, const char *file);
/*
 * The port table the category field reads (lent: it must outlive rc).
 * Without one, or NULL, every port's category is empty.
 */
void		 pk_rowctx_set_ports(struct pk_rowctx *rc,
		    const struct pk_ports *pt);

/*
 * Call fn once for every port that the host's <extraports> ranges stand
 * for (Nmap 7.9x lists them in <extrareasons ports=...>), as a port with
 * state, reason and protocol filled in and no service.  Stops early and
 * returns what fn returned when that is not 0.  Returns PK_ERR_FORMAT
 * for a malformed range list.
 */
int		 pk_extraports_foreach(const struct pk_host *h,
		    int (*fn)(void *arg, const struct pk_port *p), void *arg);

/* --- nmap-services database (lib/services/) ----------------------------- */

/* One line of nmap-services: "name<TAB>port/proto<TAB>freq[<TAB># ...]". */
struct pk_service {
	const char	*name;
	int		 proto;		/* PK_PROTO_TCP, _UDP or _SCTP */
	unsigned	 port;		/* 0..65535 */
	double		 freq;		/* open-frequency, 0..1 */
	const char	*comment;	/* text after "# ", or NULL */
	unsigned long	 line;		/* line number in the file */
};

struct pk_services;

/*
 * Find nmap-services the way nmap 7.93 does: datadir (may be NULL),
 * $NMAPDIR, ~/.nmap of the real then the effective user, the directory
 * of the nmap on PATH and its ../share/nmap, /usr/share/nmap,
 * /usr/local/share/nmap.  Returns the malloc'ed path of the first
 * readable file, or NULL with err set (PK_ERR_IO: none found).
 */
char		*pk_services_locate(const char *datadir, struct pk_error *err);

/*
 * Load a services file strictly ("-" is standard input, gzip is read
 * transparently): port 0..65535 in decimal, protocol tcp, udp or sctp,
 * frequency a plain decimal in [0, 1], an optional "#" comment; blank and
 * "#" lines are skipped.  Any other line, a NUL byte or a line longer than
 * limits->max_line_bytes fails the whole load: NULL is returned and err
 * (when not NULL) names the file (err->file points to path or name),
 * line and column.  A repeated port/proto keeps its first line, as nmap
 * does.  limits may be NULL for the defaults.
 */
struct pk_services *pk_services_load(const char *path,
		    const struct pk_limits *limits, struct pk_error *err);
/* The same from memory; buf is not kept. */
struct pk_services *pk_services_load_mem(const void *buf, size_t len,
		    const char *name, const struct pk_limits *limits,
		    struct pk_error *err);
void		 pk_services_free(struct pk_services *svc);
/*
 * Locate and load in one call (lib/services/services_open.c): file when it is not
 * NULL, else the file pk_services_locate(datadir) finds.  NULL on error,
 * with err (when not NULL) saying which step failed: PK_ERR_IO with
 * err->file NULL when none was found (a tool may go on without), or the
 * load's error naming the file.  For a located file err->file points
 * into err itself, so read it before err is copied or reused.
 */
struct pk_services *pk_services_open(const char *file, const char *datadir,
		    const struct pk_limits *lim, struct pk_error *err);
/*
 * pk_services_open keeping only the entries of the ports in want (NULL:
 * all of them).  Every line is checked, and fails the load, as there,
 * and a repeated port/proto still counts as a duplicate; then
 * pk_services_get finds only those ports, and the rankings, by-name
 * lists and masses hold only them.  For a caller that looks up a few
 * ports it knows before the load (ptop ranking a scan): the tables of
 * every entry of nmap's 27,000-line file cost more than checking it.
 */
struct pk_services *pk_services_open_ports(const char *file,
		    const char *datadir, const struct pk_limits *lim,
		    const struct pk_portset *want, struct pk_error *err);

/* The name the file was loaded under ("<stdin>" for "-"). */
const char	*pk_services_name(const struct pk_services *svc);
/* Lines dropped because their port/proto was already defined. */
unsigned long	 pk_services_duplicates(const struct pk_services *svc);

/* The entry for port/proto in O(1), or NULL when the file has none. */
const struct pk_service *pk_services_get(const struct pk_services *svc,
		    int proto, unsigned port);
/*
 * Every entry registered under name (case-sensitive), all protocols,
 * by frequency descending then file order; *list (lent) gets the first.
 * Returns how many there are, 0 for an unknown name.
 */
size_t		 pk_services_byname(const struct pk_services *svc,
		    const char *name, const struct pk_service *const **list);

/*
 * The entries of proto in nmap's --top-ports order: frequency
 * descending, ties in file order (nmap's stable sort).  nmap's
 * "--top-ports N" is the first min(N, *n) of them and "--port-ratio R"
 * the first pk_services_top_ratio(svc, proto, R); nmap then scans them
 * in port order.  Lent; NULL with *n == 0 for a protocol outside the
 * file's three.
 */
const struct pk_service *const *pk_services_ranked(
		    const struct pk_services *svc, int proto, size_t *n);
/* How many entries of proto have a frequency >= ratio. */
size_t		 pk_services_top_ratio(const struct pk_services *svc,
		    int proto, double ratio);
/* The sum of the frequencies of proto (the open-frequency mass). */
double		 pk_services_mass(const struct pk_services *svc, int proto);

/*
 * A choice of ports from nmap-services (lib/services/top.c): a prefix of
 * each protocol's pk_services_ranked order, chosen by one figure, arg:
 *   PK_TOP_COUNT     the first arg entries, all of them when there are
 *                    fewer (nmap --top-ports)
 *   PK_TOP_RATIO     the entries of frequency >= arg (nmap --port-ratio)
 *   PK_TOP_COVERAGE  the fewest entries whose frequencies add up to at
 *                    least arg (0..1) of the protocol's mass; none when
 *                    the mass is 0
 * proto is PK_PROTO_TCP, _UDP or _SCTP, or -1 for all three in turn
 * where a function takes several protocols.
 */
enum pk_top_by {
	PK_TOP_COUNT = 0,
	PK_TOP_RATIO = 1,
	PK_TOP_COVERAGE = 2
};

/* How many of proto's ranked entries the choice takes (0: bad by). */
size_t		 pk_services_top(const struct pk_services *svc, int proto,
		    int by, double arg);
/*
 * The columns of a choice as a table: rank, port, proto, service, freq
 * and cum_share (the share of the protocol's mass covered by the entry
 * and those before it, to six decimals; absent when the mass is 0).
 * Lent, static.
 */
const struct pk_field *pk_services_top_fields(size_t *n);
/*
 * Write the chosen entries of proto (or -1) to w, a writer made with
 * pk_services_top_fields, in rank order.  PK_OK or the writer's error.
 */
int		 pk_services_top_write(const struct pk_services *svc,
		    int proto, int by, double arg, struct pk_writer *w);
/*
 * The chosen ports of proto (or -1) as one nmap -p argument, protocols
 * prefixed and ranges compacted ("T:22,80,U:53"; pk_portspec_format).
 * malloc'ed; NULL out of memory.
 */
char		*pk_services_top_spec(const struct pk_services *svc,
		    int proto, int by, double arg);

/* --- Port ranking (lib/rank/) ------------------------------------------- */

/*
 * Rank what scans found by the number of distinct up hosts: per port
 * ("80/tcp"), per detected service ("http", "ssl/http") or per product.
 * A host is identified by its first IP address (a MAC-only host by its
 * MAC) and its keys are the union of all its records, so a host scanned
 * twice counts once and masscan's one record per port counts one host.
 * Telling a repeated (host, key) from a new one takes a host table (24
 * bytes per distinct address) and a pair set (8 bytes per distinct
 * (host, key or detected name), at most half full); pk_rank_set_distinct
 * drops both when no host can appear in two records, leaving memory
 * proportional to the distinct keys and names only.  Ports folded into
 * <extraports> count for a port ranking when their state is counted.
 */
enum pk_rank_key {
	PK_RANK_PORT = 0,
	PK_RANK_SERVICE = 1,
	PK_RANK_PRODUCT = 2,
	PK_RANK_CATEGORY = 3		/* the port table's categories */
};

/*
 * "port", "service", "product", "category"; the enum value for a name,
 * or -1.
 */
const char	*pk_rank_key_name(int key);
int		 pk_rank_key_parse(const char *name);
/*
 * Parse a comma list of port states ("open,open|filtered") into a mask
 * for pk_rank_new.  Returns PK_OK or PK_ERR_FORMAT.
 */
int		 pk_rank_states_parse(const char *list, unsigned *mask);

/* A detected name under a key, with the hosts that showed it. */
struct pk_rank_sub {
	const char	*name;		/* port: service; service and
					   category: port/proto; product:
					   service */
	unsigned long	 hosts;
};

struct pk_rank_row {
	const char	*key;
	int		 proto;		/* PK_RANK_PORT: the port's; else -1 */
	unsigned	 port;
	unsigned long	 hosts;		/* distinct hosts with the key */
	const struct pk_rank_sub *subs;	/* most hosts first, then by name */
	size_t		 nsubs;
};

struct pk_rank;

/* A new, empty ranking; NULL out of memory or for a bad key or mask. */
struct pk_rank	*pk_rank_new(int key, unsigned states);
void		 pk_rank_free(struct pk_rank *rk);
/*
 * The port table a PK_RANK_CATEGORY ranking reads (lent: it must
 * outlive rk).  A counted port adds its host to each of its categories;
 * without a table nothing is counted under any.
 */
void		 pk_rank_set_ports(struct pk_rank *rk,
		    const struct pk_ports *pt);
/*
 * The caller's promise that no host is in two of the records added (one
 * nmap run lists each host once): every up record is a new host, and no
 * host table is kept.  Partial counts then list no addresses, and
 * pk_rank_merge ignores theirs.  Only before the first pk_rank_add or
 * pk_rank_merge: PK_ERR_USAGE after.
 */
int		 pk_rank_set_distinct(struct pk_rank *rk, int on);
/*
 * Count one host record.  Records whose status is not "up" are ignored.
 * Returns PK_OK for a new host, PK_EOF when the address was counted
 * before (the record's new keys are added to that host), or
 * PK_ERR_NOMEM.
 */
int		 pk_rank_add(struct pk_rank *rk, const struct pk_host *h);
/* How pk_rank_add_file counted its input's hosts. */
enum pk_rank_tracking {
	PK_RANK_TRACKED = 0,		/* a host table: repeats count once */
	PK_RANK_DISTINCT = 1,		/* pk_rank_set_distinct, by the caller */
	PK_RANK_ONE_RUN = 2		/* one nmap run: hosts not tracked */
};

/* What pk_rank_add_file read. */
struct pk_rank_input {
	const char	*name;		/* path, or "<stdin>" for "-" (lent
					   from path) */
	unsigned long	 records;	/* host records read */
	int		 tracking;	/* enum pk_rank_tracking */
};

/*
 * For pk_rank_add_file: path is the only input rk will count, and its
 * counts will not be written (pk_rank_write_counts would list no
 * hosts for a merge to check).
 */
#define PK_RANK_ALONE	0x01

/*
 * Count the scan at path into rk (lib/rank/file.c), read as
 * pk_reader_open reads it ("-" is standard input).  With PK_RANK_ALONE,
 * on a ranking that has counted nothing and was not promised distinct
 * hosts, a named file of nmap output, which lists each host once, is
 * counted without the host table; when a second run follows in the same
 * file (nmap --append-output), rk is emptied and the file counted again
 * with tracking.  masscan output and standard input keep the table.
 * opts (may be NULL) are the reader's options, its warnings among them.
 * in (may be NULL) says what was read.  Returns PK_OK, or the reader's
 * error or PK_ERR_NOMEM with err (may be NULL) set and err->file
 * pointing to in->name; after PK_ERR_TRUNCATED the complete hosts before
 * the cut are counted.
 */
int		 pk_rank_add_file(struct pk_rank *rk, const char *path,
		    unsigned flags, const struct pk_read_opts *opts,
		    struct pk_rank_input *in, struct pk_error *err);
/* Distinct up hosts, records of hosts counted before, bytes held. */
unsigned long	 pk_rank_hosts(const struct pk_rank *rk);
unsigned long	 pk_rank_duplicates(const struct pk_rank *rk);
size_t		 pk_rank_memory(const struct pk_rank *rk);
/*
 * The rows, by hosts descending, then port and protocol (ports) or key
 * (byte order).  Lent until the next call or pk_rank_free; NULL with
 * *n == 0 out of memory.
 */
const struct pk_rank_row *pk_rank_rows(struct pk_rank *rk, size_t *n);
/*
 * The ports the rows rank (none when the key is not the port), as a new
 * set the caller frees: what nmap-services must name to print them
 * (pk_services_open_ports).  NULL out of memory.
 */
struct pk_portset *pk_rank_ports(const struct pk_rank *rk);
/*
 * Write the partial counts as TSV ("# ptop counts 1" header, then hosts,
 * addr, key and sub lines), for pk_rank_merge in another process.  The
 * addr lines list the hosts counted (none under pk_rank_set_distinct),
 * so a merge can refuse overlaps.
 */
int		 pk_rank_write_counts(const struct pk_rank *rk, FILE *out);
/*
 * Add the counts in path (written by pk_rank_write_counts with the same
 * key and states; gzip and "-" accepted).  The sums equal one ranking of
 * all the inputs because a host already counted (from an earlier file,
 * or added with pk_rank_add) fails the merge with PK_ERR_USAGE.  Returns
 * PK_OK or an error in err, whose file points to path; after an error rk
 * holds a partial sum.
 */
int		 pk_rank_merge(struct pk_rank *rk, const char *path,
		    struct pk_error *err);
/*
 * A ranking as a table (lib/rank/table.c).  The columns of key: by port
 * rank, port, proto, hosts, share, service, detected, freq and lift; by
 * service or product rank, key, hosts, share and detected; with scan
 * non-zero a first column, scan, names the ranking.  Lent, static; NULL
 * with *n == 0 for a bad key.
 */
const struct pk_field *pk_rank_fields(int key, int scan, size_t *n);
/*
 * Write the first max rows of rk (0: all) to w, a writer made with
 * pk_rank_fields(rk's key, scan != NULL); scan is the scan column's
 * value.  share is hosts over pk_rank_hosts to six decimals; detected
 * the first five names with their hosts ("http(5),ssl/http(2)", then
 * ",..." when there are more).  For ports, svc (NULL: none) gives the
 * registered name, the frequency and the lift, share over frequency to
 * two decimals (absent for frequency 0).  Calls pk_rank_rows, so earlier
 * rows are no longer lent.  PK_OK, PK_ERR_NOMEM or the writer's error.
 */
int		 pk_rank_write(struct pk_rank *rk,
		    const struct pk_services *svc, const char *scan,
		    size_t max, struct pk_writer *w);

/* --- Socket dumps: ss and lsof (lib/sock/) ------------------------------ */

/*
 * A pull iterator over saved ss(8) and lsof(8) listings, one socket per
 * record, with the same contract as pk_reader: open, then pk_sock_next
 * until PK_EOF or an error, then pk_sock_free.  The format is detected
 * from the content (pk_format_detect: PK_FMT_SS, PK_FMT_LSOF or
 * PK_FMT_NETSTAT) and gzip
 * is read transparently.
 *
 * ss: "ss -tulnp", "-tunap", "-ltn" and the like, with or without the
 * header (-H) and the Netid column.  Without a Netid column the protocol
 * comes from the state: UNCONN is udp, every other state tcp.  Addresses
 * "0.0.0.0:22", "*:22", "[::]:22", "[fe80::1]%eth0:123", "0.0.0.0%lo:53"
 * and the old "::1:631"; the process column users:(("name",pid=N,fd=N),...)
 * with names holding spaces, commas, quotes or newlines (a name with a
 * newline continues on the next line).  Unix sockets (u_str ...) and
 * other families are skipped and counted, a unix path holding newlines
 * included; so are indented detail lines (ss -i, -e, sctp addresses).
 *
 * netstat (PK_FMT_NETSTAT): net-tools "netstat -tulpn", "-tunap" and the
 * like, with or without -e (User, Inode), -o (Timer), -W and -n, with or
 * without the header; notes netstat writes to standard error ("(Not all
 * processes could be identified...") are skipped.  An IPv6 wildcard "::"
 * (dual stack or IPv6-only: netstat does not say) is "*" with family 6,
 * as lsof writes it; an IPv4-mapped address printed as IPv4 on a tcp6
 * line is "::ffff:A.B.C.D"; an empty UDP State is "unconn"; the program
 * is argv[0] with its pid, absent for "-".  netstat without -W cuts an
 * address so that "addr:port" fits 23 columns: an end of exactly 23
 * bytes may be wrong and is PK_ERR_FORMAT.
 *
 * lsof: "lsof -i" with or without -P and -n.  COMMAND escapes (\xHH, \n,
 * \t, \r, \b, \f, \\) are decoded; IPv4/IPv6 TCP and UDP files are
 * records, other files are skipped and counted.  lsof output with TID
 * or TASKCMD columns (-K) is refused.  lsof's field output (-F with any
 * field set, -F0 with NUL after each field) is PK_FMT_LSOF as well and
 * gives the table's records; it needs the n and P fields.
 *
 * Ports printed as names (ss without -n, lsof without -P) are resolved
 * through opts->services: a name registered for exactly one port of the
 * protocol gives that port.  A name unknown there or registered for
 * several ports (nmap-services has http-alt on 591 and 8000, the system
 * database on 8080) falls back to getservbyname(3), which reads the
 * system's services database and is not thread-safe, when opts->netdb is
 * set; otherwise, or when that fails too, the line is an error naming the
 * port.  lsof without -n prints host names, which are kept as they are.
 *
 * A line that is none of the above is PK_ERR_FORMAT naming the line.
 * By default that error is final; with opts->skip_bad the next call goes
 * on after the bad line.  A record cut by the end of input (an unclosed
 * users:(( column, a unix path waiting for its inode) is PK_ERR_TRUNCATED
 * after every complete record.
 */
struct pk_sock_reader;

/* One process holding a socket (ss lists every one sharing it). */
struct pk_sock_proc {
	const char	*name;		/* kernel comm (ss) or COMMAND (lsof),
					   decoded; may hold any byte but NUL */
	long		 pid;
	long		 fd;		/* -1 when not given */
};

struct pk_sock {
	enum pk_format	 format;	/* PK_FMT_SS, _LSOF or _NETSTAT */
	int		 proto;		/* PK_PROTO_TCP or PK_PROTO_UDP */
	const char	*addr;		/* bind address without brackets or
					   zone: "0.0.0.0", "::", "*",
					   "fe80::1", or a host name (lsof
					   without -n) */
	const char	*zone;		/* "eth0" for fe80::1%eth0, or NULL */
	unsigned	 port;
	const char	*port_name;	/* the port as printed when it was a
					   name ("ssh"), else NULL */
	const char	*state;		/* "listen", "unconn", "established",
					   "time-wait", "close-wait",
					   "syn-sent", "syn-recv",
					   "fin-wait-1", "fin-wait-2",
					   "last-ack", "closing", "close";
					   NULL when the dump has none (lsof
					   UDP) */
	int		 listening;	/* 1: a tcp listener, or a socket
					   with no peer that takes datagrams */
	const char	*peer_addr;	/* NULL when there is no peer */
	const char	*peer_zone;
	long		 peer_port;	/* -1 when absent */
	const char	*process;	/* the first process, or NULL */
	long		 pid;		/* its pid, -1 when unknown */
	long		 fd;		/* its fd, -1 when unknown */
	const char	*user;		/* lsof USER, netstat -e User; NULL
					   for ss */
	const struct pk_sock_proc *procs; /* every process, first included */
	size_t		 nprocs;
	unsigned long	 line;		/* input line where the record began */
	int		 family;	/* 4, 6, or 0 when the dump does not
					   say: lsof's TYPE column (IPv4,
					   IPv6), else the address form in
					   ss ("*" is dual stack: 0) */
};

struct pk_sock_opts {
	struct pk_limits limits;
	const struct pk_services *services; /* resolves port names; lent,
					   must outlive the reader; NULL:
					   only opts->netdb resolves */
	int		 netdb;		/* 1: getservbyname(3) fallback */
	int		 skip_bad;	/* 1: a bad line is reported, then
					   skipped by the next call */
};

/* Fill opts with the defaults (no services, no netdb, errors final). */
void		 pk_sock_opts_init(struct pk_sock_opts *opts);

/*
 * Open a dump ("-" is standard input).  opts may be NULL for the
 * defaults.  Returns NULL only when out of memory; a missing file or an
 * input that is not an ss or lsof listing (PK_ERR_UNKNOWN_FORMAT, with
 * pk_sock_format telling what it is) is reported by the first
 * pk_sock_next.
 */
struct pk_sock_reader *pk_sock_open(const char *path,
		    const struct pk_sock_opts *opts);
/* The same on a descriptor, which the reader does not close. */
struct pk_sock_reader *pk_sock_open_fd(int fd, const char *name,
		    const struct pk_sock_opts *opts);
/* The same on a memory buffer, which must outlive the reader. */
struct pk_sock_reader *pk_sock_open_mem(const void *buf, size_t len,
		    const char *name, const struct pk_sock_opts *opts);
/* A dump reader on a source, which it takes over (see pk_source_open). */
struct pk_sock_reader *pk_sock_open_source(struct pk_source *src,
		    const struct pk_sock_opts *opts);
/*
 * Deliver the next socket in *out (lent until the next call).  Returns
 * PK_OK, PK_EOF at the clean end, or an error (see above).
 */
int		 pk_sock_next(struct pk_sock_reader *r,
		    const struct pk_sock **out);
/* The detected format (PK_FMT_UNKNOWN before the first pk_sock_next). */
enum pk_format	 pk_sock_format(const struct pk_sock_reader *r);
const struct pk_error *pk_sock_error(const struct pk_sock_reader *r);
const char	*pk_sock_name(const struct pk_sock_reader *r);
/* Records delivered, records of other families skipped, bad lines. */
unsigned long	 pk_sock_records(const struct pk_sock_reader *r);
unsigned long	 pk_sock_skipped(const struct pk_sock_reader *r);
unsigned long	 pk_sock_bad_lines(const struct pk_sock_reader *r);
void		 pk_sock_free(struct pk_sock_reader *r);

/*
 * Sockets as rows (lib/sock/sockrec.c), like pk_rowctx for scans: the fields
 * a socket becomes when written out, and a row maker.  list is a
 * comma-separated list of field names ("all" for every field), NULL for
 * the default "proto,host,port,state,process,pid,user".
 */
const struct pk_field *pk_sock_fields(size_t *n);
int		 pk_sock_field_index(const char *name, size_t len);

struct pk_sockrow;

struct pk_sockrow *pk_sockrow_new(const char *list, struct pk_error *err);
const struct pk_field *pk_sockrow_fields(const struct pk_sockrow *sr,
		    size_t *n);
/*
 * The values of one row (lent until the next fill); file names the input.
 * NULL when out of memory.
 */
const struct pk_value *pk_sockrow_fill(struct pk_sockrow *sr,
		    const struct pk_sock *s, const char *file);
void		 pk_sockrow_free(struct pk_sockrow *sr);

/* --- Record filters (lib/filter/) --------------------------------------- */

/*
 * Which records of scans and socket dumps to keep (pcat's filters).  A
 * filter is given its criteria once, each by its own call, then judges
 * one record at a time.  Every criterion given must hold; within one
 * (states, protocols, networks, all added up over repeated calls) any
 * item will do.  A filter with no criteria keeps everything.
 *
 * A criterion's call returns PK_OK, or an error with err (when not
 * NULL) holding the status, a NULL file and a message; nothing is added
 * then.  PK_ERR_USAGE means a NULL argument, PK_ERR_NOMEM that memory
 * ran out.
 */
struct pk_filter;

/* The criteria a filter holds, as pk_filter_criteria tells them. */
#define PK_FILTER_STATE		0x01	/* pk_filter_states */
#define PK_FILTER_PROTO		0x02	/* pk_filter_protos */
#define PK_FILTER_PORTS		0x04	/* pk_filter_ports */
#define PK_FILTER_SERVICE	0x08	/* pk_filter_service */
#define PK_FILTER_NET		0x10	/* pk_filter_net */
#define PK_FILTER_UP		0x20	/* pk_filter_up */
#define PK_FILTER_MATCH		0x40	/* pk_filter_match, _sock_match */
#define PK_FILTER_CATEGORY	0x80	/* pk_filter_category */

/* A filter with no criteria; NULL when out of memory. */
struct pk_filter *pk_filter_new(void);
void		 pk_filter_free(struct pk_filter *f);

/*
 * Port or socket states, a comma-separated list of "open", "closed",
 * "filtered", "unfiltered", "open|filtered", "closed|filtered" (ports)
 * and "listen", "unconn", "established", "time-wait", "close-wait",
 * "syn-sent", "syn-recv", "fin-wait-1", "fin-wait-2", "last-ack",
 * "closing", "close" (sockets).  PK_ERR_FORMAT for another word:
 * 'unknown port state "opened"'.
 */
int		 pk_filter_states(struct pk_filter *f, const char *list,
		    struct pk_error *err);
/*
 * Protocols, a comma-separated list of pk_proto_parse names.
 * PK_ERR_FORMAT for another word: 'unknown protocol "icmp"'.
 */
int		 pk_filter_protos(struct pk_filter *f, const char *list,
		    struct pk_error *err);
/*
 * Ports in nmap's -p syntax (pk_portspec_parse, every protocol for the
 * ports without a prefix), with its errors and messages.
 */
int		 pk_filter_ports(struct pk_filter *f, const char *spec,
		    struct pk_error *err);
/*
 * A network, "ADDR" or "ADDR/LEN", IPv4 or IPv6; hosts with an address
 * inside, and sockets bound inside, are kept.  PK_ERR_FORMAT for a bad
 * address ('bad address "10.0.0.300"') or length ("invalid prefix
 * length: 'x'", "prefix length out of range: '33' (must be 0..32)").
 */
int		 pk_filter_net(struct pk_filter *f, const char *net,
		    struct pk_error *err);
/*
 * Ports whose service name matches a PCRE2 pattern (unanchored); ports
 * without a name do not match.  A second call replaces the pattern.
 * PK_ERR_FORMAT when it does not compile: err->msg is PCRE2's reason
 * ("missing closing parenthesis") and err->column the 1-based position
 * in regex where PCRE2 stopped.
 */
int		 pk_filter_service(struct pk_filter *f, const char *regex,
		    struct pk_error *err);
/* Hosts whose status is "up" (or absent: masscan); on == 0 drops it. */
void		 pk_filter_up(struct pk_filter *f, int on);
/*
 * The port table that pk_filter_category and the category field of
 * pk_filter_match read (lent: it must outlive f).  Give it before
 * pk_filter_category.
 */
void		 pk_filter_set_ports(struct pk_filter *f,
		    const struct pk_ports *pt);
/*
 * Ports and sockets whose port/proto is in one of the categories of a
 * comma-separated list, in the table pk_filter_set_ports gave.
 * PK_ERR_FORMAT for a name the table does not know ('unknown category
 * "x"'), PK_ERR_USAGE without a table.
 */
int		 pk_filter_category(struct pk_filter *f, const char *list,
		    struct pk_error *err);
/*
 * Records of kind (PK_REC_PORT, PK_REC_HOST or PK_REC_SCRIPT) whose
 * field, as pk_rowctx_fill (or _fill_script) would give it (numbers in
 * decimal), matches a PCRE2
 * pattern; a record without a value for field does not match.  field
 * is looked up as pk_rowctx_new looks up a list, so its errors
 * (PK_ERR_USAGE: 'unknown field "nosuch"') come first, then the
 * pattern's as for pk_filter_service.  Matches of one kind apply only
 * to records of that kind (pk_filter_row).
 */
int		 pk_filter_match(struct pk_filter *f, int kind,
		    const char *field, const char *regex,
		    struct pk_error *err);
/* The same for sockets (pk_filter_sock), fields as pk_sockrow_new's. */
int		 pk_filter_sock_match(struct pk_filter *f, const char *field,
		    const char *regex, struct pk_error *err);
/* The PK_FILTER_* criteria given so far, or 0. */
unsigned	 pk_filter_criteria(const struct pk_filter *f);

/*
 * A pattern that PCRE2 gives up on (more than 1,000,000 steps, or out of
 * its memory) drops the record being judged, and from then on every
 * pattern fails, since an answer judged by half the rules would be wrong.
 * warn, when not NULL, is called once with status PK_ERR_LIMIT, a NULL
 * file, line 0 and a message naming the pattern, the field and PCRE2's
 * reason ('pattern "^(a|a)*$" on field service: match limit exceeded'),
 * so that the caller can stop and say so.
 */
void		 pk_filter_set_warn(struct pk_filter *f,
		    void (*warn)(void *arg, const struct pk_error *e),
		    void *arg);

/*
 * The judgements: 1 keeps the record, 0 drops it.
 *
 * pk_filter_host: --up and the networks, on the host alone.
 * pk_filter_port: states, protocols, ports and the service pattern, on
 * one port (of h->ports, or one that pk_extraports_foreach makes).
 * pk_filter_row: the matches of the record's kind (a port record when
 * p is not NULL, else a host record); file names the input, as for
 * pk_rowctx_fill.  PK_ERR_NOMEM when a value could not be made.
 * pk_filter_sock: states, protocols, ports, networks (the bind
 * address), then the socket matches; PK_ERR_NOMEM as pk_filter_row.
 */
int		 pk_filter_host(const struct pk_filter *f,
		    const struct pk_host *h);
int		 pk_filter_port(struct pk_filter *f, const struct pk_port *p);
int		 pk_filter_row(struct pk_filter *f, const struct pk_host *h,
		    const struct pk_port *p, const char *file);
int		 pk_filter_sock(struct pk_filter *f, const struct pk_sock *s,
		    const char *file);
/* How pk_filter_write_host makes rows. */
#define PK_FILTER_WR_HOSTS	0x01	/* one row per host, not per port */
#define PK_FILTER_WR_EXPAND	0x02	/* also the ports folded into
					   extraports (pk_extraports_foreach) */
#define PK_FILTER_WR_SCRIPTS	0x04	/* one row per script result */

/*
 * Write the records of h that f keeps to w, as rows that rc makes (its
 * kind PK_REC_HOST with PK_FILTER_WR_HOSTS, else PK_REC_PORT); file
 * names the input, as for pk_rowctx_fill.  Nothing is written unless
 * pk_filter_host keeps h.  Per port: a row for each port of h->ports,
 * then with PK_FILTER_WR_EXPAND each extraports port, that pk_filter_port
 * and pk_filter_row keep.  With PK_FILTER_WR_HOSTS: one row for the host
 * when pk_filter_row keeps it and one of its ports is kept, or f has no
 * criteria on ports (PK_FILTER_STATE, _PROTO, _PORTS, _SERVICE).
 * With PK_FILTER_WR_SCRIPTS (rc of kind PK_REC_SCRIPT): one row for each
 * script of each port kept as above, then one for each host script when
 * f has no criteria on ports, each kept by the PK_REC_SCRIPT matches.
 * Returns PK_OK; PK_ERR_FORMAT for a bad extraports port list (the rest
 * was written); PK_ERR_IO when pk_writer_row failed (errno as the write
 * left it) and PK_ERR_NOMEM, both at once.
 */
int		 pk_filter_write_host(struct pk_filter *f,
		    const struct pk_host *h, unsigned flags,
		    struct pk_rowctx *rc, struct pk_writer *w,
		    const char *file);
/* The same for a socket: its row by sr when pk_filter_sock keeps it. */
int		 pk_filter_write_sock(struct pk_filter *f,
		    const struct pk_sock *s, struct pk_sockrow *sr,
		    struct pk_writer *w, const char *file);

/* --- Scan comparison (lib/diff/) ---------------------------------------- */

/*
 * Compare two scans host by host, matched on the first IP address (the
 * MAC for a MAC-only host), never on hostnames.  Side A (PK_DIFF_A) is
 * held as compact hosts (only the compared fields, one block per host);
 * side B is streamed: each B host is compared with its A entry as it
 * comes and kept only when it differs.  Every A host must be added
 * before the first B host.
 */
#define PK_DIFF_A	0
#define PK_DIFF_B	1

/* What a change is about; names are the "field" column of pdiff. */
enum pk_diff_field {
	PK_DF_HOST = 0,			/* the host appeared or disappeared */
	PK_DF_STATUS = 1,		/* up, down */
	PK_DF_HOSTNAME = 2,		/* the set of hostnames */
	PK_DF_MAC = 3,
	PK_DF_OS = 4,			/* best OS match */
	PK_DF_EXTRAPORTS = 5,		/* states of the ports not listed */
	PK_DF_STATE = 6,		/* port state */
	PK_DF_REASON = 7,		/* port state reason, same state */
	PK_DF_SERVICE = 8,
	PK_DF_PRODUCT = 9,
	PK_DF_VERSION = 10,
	PK_DF_EXTRAINFO = 11,
	PK_DF_TUNNEL = 12,
	PK_DF_SCRIPT = 13,		/* script output (PK_DIFF_SCRIPTS) */
	PK_DF_SCANINFO = 14,		/* scan type or port set */
	PK_DF_COUNT = 15
};

/* "host", "status", ...; the enum value for name[0..len), or -1. */
const char	*pk_diff_field_name(int field);
int		 pk_diff_field_parse(const char *name, size_t len);

enum pk_diff_kind {
	PK_DC_ADDED = 0,		/* only B has it */
	PK_DC_REMOVED = 1,		/* only A has it */
	PK_DC_CHANGED = 2,		/* both have it, different */
	PK_DC_NOT_SCANNED = 3		/* one scan did not probe the port */
};

/* "added", "removed", "changed", "not-scanned". */
const char	*pk_diff_kind_name(int kind);

/*
 * One change.  proto and port are -1 for host and scan changes.  old and
 * new values are NULL when absent; a port's state taken from extraports
 * is the folded state.  script is the script id for PK_DF_SCRIPT.
 */
struct pk_diff_change {
	int		 field;		/* enum pk_diff_field */
	int		 kind;		/* enum pk_diff_kind */
	int		 proto;
	int		 port;
	const char	*script;
	const char	*old_value;
	const char	*new_value;
};

/*
 * A host with changes.  host is NULL for the scan-level entry (scaninfo
 * changes), which comes first when present; then hosts in address order
 * (IPv4, IPv6, MAC-only; numerically).  a and b are the host as each side
 * had it, reduced to the compared fields (NULL on the side that lacks
 * it); changes come host fields first, then ports by protocol and port.
 */
struct pk_diff_host {
	const char	*host;
	const struct pk_host *a;
	const struct pk_host *b;
	const struct pk_diff_change *changes;
	size_t		 nchanges;
};

#define PK_DIFF_OPEN_ONLY	0x01	/* only port changes involving open */
#define PK_DIFF_IGNORE_OF	0x02	/* open|filtered vs open or closed */
#define PK_DIFF_SCRIPTS		0x04	/* compare script output */
#define PK_DIFF_MERGE		0x08	/* hold B compact too and compare at
					   the end (B's scaninfo comes from
					   several inputs) */
#define PK_DIFF_NDIFF		0x10	/* also keep hosts that differ only
					   by ndiff's rules (-o ndiff) */

struct pk_diff_opts {
	unsigned	 ignore;	/* 1u << PK_DF_x: fields not compared */
	unsigned	 flags;		/* PK_DIFF_* */
};

struct pk_diff;

/* A new comparison; opts may be NULL.  NULL when out of memory. */
struct pk_diff	*pk_diff_new(const struct pk_diff_opts *opts);
void		 pk_diff_free(struct pk_diff *d);
/*
 * Record a run of side A or B (scaninfo, banner); pk_diff_add does it
 * for each host's run, call it again at the end of each input so that
 * inputs without hosts and the run's end time count.  PK_OK or NOMEM.
 */
int		 pk_diff_scan(struct pk_diff *d, int side,
		    const struct pk_scan *scan);
/*
 * Add a host of side A (merged with an earlier record of the same
 * address) or B (compared now, or held with PK_DIFF_MERGE; a B address
 * met again is merged with what was compared and compared again).
 * Returns PK_OK; PK_ERR_USAGE for an A host after B began, a host with
 * no address, or after pk_diff_finish; PK_ERR_NOMEM.
 */
int		 pk_diff_add(struct pk_diff *d, int side,
		    const struct pk_host *h);
/*
 * Side was truncated (its reader returned PK_ERR_TRUNCATED): a host the
 * other side has and it lacks was never reached, so it is not compared
 * (no changes) but counted by pk_diff_unreached.  Call it before the
 * first B host for side A, before pk_diff_finish for side B.  PK_OK or
 * PK_ERR_USAGE.
 */
int		 pk_diff_cut(struct pk_diff *d, int side);
/* Compare what is left and order the result.  PK_OK or PK_ERR_NOMEM. */
int		 pk_diff_finish(struct pk_diff *d);
/* The hosts with changes after pk_diff_finish (lent). */
const struct pk_diff_host *pk_diff_hosts(const struct pk_diff *d,
		    size_t *n);
/* Changes in all, and bytes held (compact hosts and changes). */
unsigned long	 pk_diff_changes(const struct pk_diff *d);
/* Hosts not compared after pk_diff_finish: missing on a cut side. */
unsigned long	 pk_diff_unreached(const struct pk_diff *d);
size_t		 pk_diff_memory(const struct pk_diff *d);

enum pk_diff_out {
	PK_DIFF_OUT_TEXT = 0,		/* pdiff's report, grouped by host */
	PK_DIFF_OUT_NDIFF = 1,		/* Nmap ndiff 7.93's text */
	PK_DIFF_OUT_NDIFF_XML = 2	/* ndiff --xml */
};

/*
 * Write the result after pk_diff_finish.  The ndiff formats judge with
 * ndiff's rules on the hosts pdiff found different.  PK_OK, PK_ERR_IO or
 * PK_ERR_NOMEM.
 */
int		 pk_diff_write(struct pk_diff *d, FILE *out, int fmt);

/* --- Port histories over many scans (lib/hist/) ------------------------- */

/*
 * Follow every host, protocol and port that any scan found open through
 * a series of scans handed over in time order (pk_hist_scan_time gives
 * each scan's time).  A host is matched on its first IP address, as in
 * pk_diff.  A scan says something about a port only when it probed it:
 * the host is in the scan and up, has port results, the scan covered the
 * protocol, and pdiff's rules (listed, folded into extraports, outside
 * the scan's port set) do not call it not scanned.  A port probed but
 * not listed (masscan lists open ports only) has no state.  A scan that
 * did not probe a port neither ends nor extends its runs.
 *
 * Memory holds one entry per host with a port ever open and one per such
 * port (about 60 bytes), never anything per scan; a history therefore
 * starts at the scan that first found the port open.  Records of one
 * host repeated within a scan are joined: a listed state beats a folded
 * one, which beats an unlisted one, and the later record wins a tie.
 *
 * With PK_HIST_CHANGES the engine keeps no histories: it compares each
 * scan with the one before as pk_diff_add does (pdiff's rules and
 * options), holding the previous scan and the current one compactly.
 */
#define PK_HIST_CHANGES	0x01

struct pk_hist_opts {
	unsigned	 flags;		/* PK_HIST_* */
	struct pk_diff_opts diff;	/* the comparisons of PK_HIST_CHANGES */
};

/* One port's history; strings lent until the next pk_hist_next. */
struct pk_hist_rec {
	const char	*host;		/* address as written by the scan
					   that first found a port open */
	int		 proto;
	unsigned	 port;
	const char	*service;	/* latest detected name ("ssl/NAME"
					   inside TLS), NULL: never */
	const char	*state;		/* in the latest scan that probed it;
					   NULL: probed but not listed */
	long long	 first_open;	/* scan times, seconds since the epoch */
	long long	 last_open;
	long long	 since;		/* when the current state began */
	unsigned long	 open_scans;	/* scans that found it open */
	unsigned long	 probed_scans;	/* scans that probed it, from the
					   first that found it open */
	const char	*first_open_utc; /* the three times in ISO 8601 UTC */
	const char	*last_open_utc;
	const char	*since_utc;
};

struct pk_hist;

/* A new engine; opts may be NULL.  NULL when out of memory. */
struct pk_hist	*pk_hist_new(const struct pk_hist_opts *opts);
void		 pk_hist_free(struct pk_hist *hs);
/*
 * Start the next scan, taken at time t.  PK_ERR_USAGE when t is earlier
 * than the scan before, a scan is still open, or after pk_hist_next.
 */
int		 pk_hist_begin(struct pk_hist *hs, long long t);
/*
 * Add a host of the open scan.  PK_OK; PK_ERR_USAGE for a host with no
 * address or outside a scan; PK_ERR_NOMEM.
 */
int		 pk_hist_add(struct pk_hist *hs, const struct pk_host *h);
/*
 * End the open scan.  scan is its run data as the reader has it at the
 * end (pk_reader_scan), NULL when unknown: with PK_HIST_CHANGES a scan
 * without hosts still tells its port set.  PK_OK, PK_ERR_USAGE or
 * PK_ERR_NOMEM.
 */
int		 pk_hist_end(struct pk_hist *hs, const struct pk_scan *scan);
/*
 * PK_HIST_CHANGES, after pk_hist_end: the changes from the scan before
 * to this one, as pk_diff_hosts gives them (lent until the next
 * pk_hist_begin); NULL with *n 0 after the first scan.
 */
const struct pk_diff_host *pk_hist_changes(const struct pk_hist *hs,
		    size_t *n);
/*
 * After the last scan: the next history, by address (IPv4, IPv6, then
 * MAC-only hosts, numerically), protocol and port.  PK_OK with *out lent
 * until the next call, PK_EOF at the end, PK_ERR_NOMEM.  No scan may be
 * added afterwards.
 */
int		 pk_hist_next(struct pk_hist *hs, const struct pk_hist_rec **out);
/* Scans ended, histories held, and bytes held. */
unsigned long	 pk_hist_scans(const struct pk_hist *hs);
unsigned long	 pk_hist_ports(const struct pk_hist *hs);
size_t		 pk_hist_memory(const struct pk_hist *hs);

/*
 * The output fields (host, proto, port, service, state, first_open,
 * last_open, open_scans, probed_scans, since) and one record as their
 * values (vals has room for every field; times in ISO 8601 UTC).
 */
const struct pk_field *pk_hist_fields(size_t *n);
void		 pk_hist_values(const struct pk_hist_rec *r,
		    struct pk_value *vals);
/*
 * The fields of PK_HIST_CHANGES records: time (of the newer scan), then
 * pdiff's host, proto, port, field, old, new and change; and one change
 * of host as their values.  field (len bytes, 256 are enough for any
 * script id a reader keeps short) receives the field name, or
 * "script:ID".
 */
const struct pk_field *pk_hist_change_fields(size_t *n);
void		 pk_hist_change_values(const char *time, const char *host,
		    const struct pk_diff_change *c, struct pk_value *vals,
		    char *field, size_t len);

/*
 * The time a scan records (lib/hist/time.c): <nmaprun start>, else the
 * "scan initiated" date of grepable output, which Nmap writes in local
 * time (read in the process's time zone, TZ) and masscan in UTC.  -1
 * when the scan records neither.
 */
long long	 pk_hist_scan_time(const struct pk_scan *scan);
/*
 * Parse a time in UTC: "2024-03-01", "2024-03-01T12:00", with ":SS",
 * a space for the T and a final "Z" allowed, or "@SECONDS".  PK_OK or
 * PK_ERR_FORMAT.
 */
int		 pk_hist_time_parse(const char *s, long long *t);
/*
 * Write t as "2024-03-01T12:00:00Z" (years 0 to 9999, else "@SECONDS")
 * into buf of len bytes (24 are enough); returns buf.
 */
char		*pk_hist_time_format(long long t, char *buf, size_t len);

/*
 * Allowed open ports (lib/hist/policy.c; the format is portkit-policy(5)).
 * One rule a line, "TARGET PORTSPEC [SERVICE-REGEX]": TARGET an address,
 * a network (pk_net_parse) or "*"; PORTSPEC nmap's -p syntax
 * (pk_portspec_parse, unprefixed ports for every protocol); the third
 * field, when given, a PCRE2 pattern without blanks that the whole
 * detected service name must match.  A field starting with "#" begins a
 * comment that runs to the end of the line.  A port is allowed when a
 * rule matching its host lists it and, if the rule has a pattern, the
 * service matches.
 */
struct pk_hist_policy;

/*
 * Load a policy ("-" is standard input, gzip is read transparently).  A
 * bad line fails the load: NULL, with err (when not NULL) naming the
 * file (err->file points to path or name), the line and, for a pattern,
 * the column.  NULL with PK_ERR_NOMEM when out of memory.
 */
struct pk_hist_policy *pk_hist_policy_load(const char *path,
		    struct pk_error *err);
struct pk_hist_policy *pk_hist_policy_load_mem(const void *buf, size_t len,
		    const char *name, struct pk_error *err);
void		 pk_hist_policy_free(struct pk_hist_policy *pol);
/* Rules loaded. */
size_t		 pk_hist_policy_rules(const struct pk_hist_policy *pol);
/*
 * 1 when the policy allows proto/port open on host with the detected
 * service (NULL: none, which no pattern matches), 0 when it does not,
 * PK_ERR_LIMIT when a pattern gave up (PCRE2's match limit).
 */
int		 pk_hist_policy_allows(struct pk_hist_policy *pol,
		    const char *host, int proto, unsigned port,
		    const char *service);

/* --- Firewall inference (lib/firewall/) --------------------------------- */

/*
 * Where a packet filter sits and what kind it is, from a SYN (or connect)
 * scan set against an ACK scan of the same hosts, plus optional UDP
 * scans.  The per-port table (state and reason of each side to a
 * verdict) is documented in pfirewall(1) and was checked against Linux
 * iptables in a namespace lab.
 */

/* The TCP role of a scan, from <scaninfo type=...> or the nmap args. */
enum pk_fw_role {
	PK_FW_ROLE_NONE = 0,		/* no TCP scan */
	PK_FW_ROLE_SYN = 1,		/* -sS or -sT: open/closed/filtered */
	PK_FW_ROLE_ACK = 2,		/* -sA: unfiltered/filtered */
	PK_FW_ROLE_OTHER = 3		/* -sW, -sF, -sN, -sX, -sM: unused */
};

struct pk_fw_roles {
	int		 tcp;		/* enum pk_fw_role */
	const char	*tcp_type;	/* "syn", "connect", "ack", ...; static,
					   NULL without a TCP scan */
	int		 udp;		/* 0 none, 1 -sU, 2 -sU with -sV */
};

/*
 * The roles a run plays.  The scaninfo types are used when present;
 * grepable input without them is read from the "-s" letters of the
 * nmap arguments (no letter: a SYN scan, nmap's default).  Returns
 * PK_OK, or PK_ERR_FORMAT when neither says anything (scan NULL).
 */
int		 pk_fw_roles(const struct pk_scan *scan,
		    struct pk_fw_roles *out);

/* The inference for one port (or a range with the same evidence). */
enum pk_fw_verdict {
	PK_FW_NO_FILTER = 0,		/* SYN open + ACK unfiltered; UDP
					   open or closed */
	PK_FW_NO_FILTER_OR_RESET = 1,	/* SYN closed + ACK unfiltered: no
					   filter, or REJECT tcp-reset */
	PK_FW_STATEFUL = 2,		/* SYN open/closed + ACK filtered */
	PK_FW_STATELESS_SYN = 3,	/* SYN filtered + ACK unfiltered */
	PK_FW_DROP = 4,			/* no answer to SYN nor ACK */
	PK_FW_REJECT = 5,		/* an ICMP error, filtered to both */
	PK_FW_DROP_OR_REJECT = 6,	/* filtered to both, no reasons */
	PK_FW_OPEN_FILTERED = 7,	/* UDP open|filtered: undecided */
	PK_FW_INCONSISTENT = 8,		/* fits no known behaviour */
	PK_FW_SYN_ONLY = 9,		/* scanned by the SYN scan only */
	PK_FW_ACK_ONLY = 10,		/* scanned by the ACK scan only */
	PK_FW_NVERDICTS = 11
};

/* "no-filter", "no-filter|reject-reset", "stateful", "stateless-syn",
   "drop", "reject", "drop|reject", "open|filtered", "inconsistent",
   "syn-only", "ack-only"; NULL out of range. */
const char	*pk_fw_verdict_name(int verdict);
/* One sentence on what the verdict means for proto; never NULL. */
const char	*pk_fw_verdict_text(int verdict, int proto);
/* Does the verdict show a filter (exit status 1 of pfirewall)? */
int		 pk_fw_verdict_filters(int verdict);

/*
 * The verdict for one TCP port from the SYN side's state and reason and
 * the ACK side's; NULL state means that side did not scan the port,
 * NULL reason that the input has none (grepable).
 */
int		 pk_fw_infer(const char *syn_state, const char *syn_reason,
		    const char *ack_state, const char *ack_reason);
/* The same for a UDP port. */
int		 pk_fw_infer_udp(const char *state, const char *reason);

/* Ports of one host sharing the same evidence (and so one verdict). */
struct pk_fw_row {
	int		 proto;		/* PK_PROTO_TCP or PK_PROTO_UDP */
	int		 verdict;	/* enum pk_fw_verdict */
	const char	*syn_state;	/* tcp rows; NULL when not scanned */
	const char	*syn_reason;
	const char	*ack_state;
	const char	*ack_reason;
	const char	*udp_state;	/* udp rows */
	const char	*udp_reason;
	const char	*ports;		/* nmap -p form: "1-21,23-79" */
	unsigned long	 count;		/* ports in the row */
};

/* A port range of one row, in port order over the host (TCP first). */
struct pk_fw_seg {
	unsigned	 lo;
	unsigned	 hi;
	size_t		 row;		/* index into rows */
};

struct pk_fw_host {
	const char	*host;		/* address as the scans wrote it */
	const char	*kind;		/* what the evidence proves:
					   "ambiguous" (two kinds of filter
					   explain it), "stateless",
					   "filtered", "port-rules", "none",
					   "syn-only", "ack-only", "down" */
	int		 filtering;	/* a verdict that shows a filter */
	const char	*summary;	/* "stateless rules: dropped (SYN
					   and ACK) 8083; ..."; for an
					   ambiguous host the candidates
					   and the probe that settles it */
	const struct pk_fw_row *rows;	/* by first port, TCP first */
	size_t		 nrows;
	const struct pk_fw_seg *segs;
	size_t		 nsegs;
	unsigned long	 counts[PK_FW_NVERDICTS]; /* ports per verdict */
};

struct pk_fw;

/* A new engine; NULL when out of memory. */
struct pk_fw	*pk_fw_new(void);
void		 pk_fw_free(struct pk_fw *fw);
/*
 * Keep one host of a held scan compactly: per protocol and role a sorted
 * list of port ranges with one state and reason each, so 65535 folded
 * ports cost one range.  Hosts are keyed by their first address; hosts
 * of several held scans with other roles join.  PK_OK, PK_ERR_FORMAT for
 * a bad extraports port list, or PK_ERR_NOMEM.
 */
int		 pk_fw_hold(struct pk_fw *fw, const struct pk_host *h,
		    const struct pk_fw_roles *roles);
/*
 * Infer the verdicts of a streamed host against what is held for its
 * address; *out is lent until the next call.  Same errors as pk_fw_hold.
 */
int		 pk_fw_host(struct pk_fw *fw, const struct pk_host *h,
		    const struct pk_fw_roles *roles,
		    const struct pk_fw_host **out);
/*
 * After the stream: each held host that no streamed host matched, in
 * the order held (PK_OK), then PK_EOF.
 */
int		 pk_fw_next_unmatched(struct pk_fw *fw,
		    const struct pk_fw_host **out);
/* One line over every host reported so far: "3 hosts: 1 ambiguous, ...". */
const char	*pk_fw_summary(struct pk_fw *fw);
/* Bytes held for the held side. */
size_t		 pk_fw_memory(const struct pk_fw *fw);

/*
 * Listening sockets against a scan (lib/firewall/listening.c): the
 * sockets listening in an ss or lsof dump of a host are held, a scan of
 * that host from outside is streamed, and each socket is classified by
 * what the scan saw on its port.  A socket bound to 0.0.0.0 meets the
 * scanned IPv4 addresses, one bound to :: the IPv6 ones, one bound to *
 * both (lsof's IPv4 "*" only IPv4), one bound to an address that
 * address; a loopback socket meets none.
 */
enum pk_fw_lclass {
	PK_FW_REACHABLE = 0,		/* the scan found the port open */
	PK_FW_FIREWALLED = 1,		/* closed, filtered or unfiltered
					   on an address the socket is on */
	PK_FW_LOCAL_ONLY = 2,		/* bound to 127.0.0.0/8 or ::1 */
	PK_FW_UNDECIDED = 3,		/* open|filtered, or an lsof IPv6
					   "*" (maybe IPv6-only) not open
					   on an IPv4 host */
	PK_FW_NOT_SCANNED = 4,		/* port not scanned, or no scanned
					   address the socket is on */
	PK_FW_NLCLASSES = 5
};

/* "reachable", "firewalled", "local-only", "undecided", "not scanned";
   NULL out of range. */
const char	*pk_fw_lclass_name(int lclass);

/* One socket against one scanned host (or against none). */
struct pk_fw_lrow {
	int		 lclass;	/* enum pk_fw_lclass */
	int		 filtering;	/* the class shows a filter */
	int		 proto;		/* PK_PROTO_TCP or PK_PROTO_UDP */
	const char	*addr;		/* bind address as the dump wrote it */
	unsigned	 port;
	const char	*process;	/* first process, or NULL */
	long		 pid;		/* its pid, -1 when unknown */
	const char	*scan_host;	/* the host compared, NULL: none */
	const char	*state;		/* the port there, NULL: not scanned */
	const char	*reason;
};

struct pk_fw_listen;

/* A new, empty classifier; NULL when out of memory. */
struct pk_fw_listen *pk_fw_listen_new(void);
void		 pk_fw_listen_free(struct pk_fw_listen *fl);
/*
 * Keep one socket of the dump when it is a listener (s->listening);
 * others are ignored, and a listener already kept (same protocol, port,
 * address and process: a socket shared by processes, or listed once per
 * descriptor) counts once.  PK_OK, PK_ERR_NOMEM, or PK_ERR_LIMIT when
 * the dump names more listeners (262,144) or addresses of its own
 * (4,096) than one host has.
 */
int		 pk_fw_listen_add(struct pk_fw_listen *fl,
		    const struct pk_sock *s);
/*
 * Set one host of the scan against every kept socket it may reach,
 * recording the state and reason of the socket's port there (listed or
 * folded into <extraports>).  Hosts that are not up or have no address
 * are ignored.  PK_OK or PK_ERR_NOMEM.
 */
int		 pk_fw_listen_host(struct pk_fw_listen *fl,
		    const struct pk_host *h);
/*
 * A dump is one host, a scan may hold many: after the scan, keep only
 * the scanned host that is the dump's.  That is the host up with address
 * addr; with addr NULL, the one host up that the dump's own addresses
 * name (the local addresses of its sockets, listening or not, other than
 * wildcards and loopback), else the only host up unless the dump names
 * a host that is down.  *nhosts is set to the number of hosts up in the
 * scan.  PK_OK (pk_fw_listen_classify then gives rows for that host
 * only); PK_EOF when no host fits (no host up, none with address addr,
 * or the host the dump names is down); PK_ERR_USAGE when addr is NULL
 * and the dump does not settle which host it is.
 */
int		 pk_fw_listen_pick(struct pk_fw_listen *fl, const char *addr,
		    size_t *nhosts);
/*
 * The classification so far: for each socket in dump order, one row per
 * scanned host it met in scan order, or one row with scan_host NULL when
 * it met none.  *rows is lent until the next call or pk_fw_listen_free.
 * PK_OK or PK_ERR_NOMEM (then *rows is NULL and *n 0).
 */
int		 pk_fw_listen_classify(struct pk_fw_listen *fl,
		    const struct pk_fw_lrow **rows, size_t *n);

/*
 * The results as rows to write with pk_writer_row, from
 * lib/firewall/fields.c: the fields of each kind of record, named and
 * documented in pfirewall(1) (lent, static; NULL with *n 0 for an
 * unknown kind), and one result as their values (vals has room for
 * every field of the kind).
 */
enum pk_fw_rec {
	PK_FW_REC_PORT = 0,		/* ports of a host sharing evidence */
	PK_FW_REC_HOST = 1,		/* a host and its summary */
	PK_FW_REC_LISTEN = 2		/* a listening socket and its class */
};

#define PK_FW_MAXFIELDS	12		/* fields of the widest kind */

const struct pk_field *pk_fw_fields(int kind, size_t *n);
/*
 * A PK_FW_REC_PORT row of host fh: ports and count are row r's own, or
 * one port of it for a record per port.
 */
void		 pk_fw_row_values(const struct pk_fw_host *fh,
		    const struct pk_fw_row *r, const char *ports,
		    unsigned long count, struct pk_value *vals);
void		 pk_fw_host_values(const struct pk_fw_host *fh,
		    struct pk_value *vals);
void		 pk_fw_lrow_values(const struct pk_fw_lrow *r,
		    struct pk_value *vals);
/*
 * Row r of a host as one line of pfirewall's text report, for people
 * (it may change): protocol, verdict, the evidence of each side, and
 * ports and count as for pk_fw_row_values (lib/firewall/text.c).
 * PK_OK, or PK_ERR_IO when writing to out failed.
 */
int		 pk_fw_write_row(FILE *out, const struct pk_fw_row *r,
		    const char *ports, unsigned long count);

/* --- Service placement checks (lib/nonstd/) ----------------------------- */

/*
 * Find services where they do not belong.  A checker holds three tables
 * (read from files; pnonstd(1) documents them and ships defaults) and
 * the nmap-services database:
 *
 *   PK_NS_MAP      "PCRE2-PATTERN<TAB>service[,service...]": the services
 *                  a listening process runs ("-" ignores the process).
 *                  When several patterns match, the one read last wins,
 *                  so tables loaded later override earlier ones.
 *   PK_NS_EQUIV    "equiv<TAB>NAME<TAB>name name ..." makes the names one
 *                  family known as NAME (ssl/http and https-alt are
 *                  https); "alternate<TAB>NAME<TAB>port/proto ..." lists
 *                  well-known alternate ports of a family (http on
 *                  8080/tcp).
 *   PK_NS_EXPOSED  one family name a line: services that should not
 *                  listen on every interface, beyond those the port
 *                  table (pk_nonstd_set_ports) puts in the database or
 *                  remote-access category.  portkit ships none: the
 *                  port table is the one source.
 *
 * Blank lines and lines starting with "#" are ignored in all three.
 *
 * A detected service (a scan port, open, detected as pk_port_detected
 * says) or a mapped one (a listening socket) is "alternate" on an
 * alternate port of its family ("nonstandard" with PK_NS_STRICT), fine
 * when its family is the family of the port's registered name, and
 * "nonstandard" otherwise.  A
 * listener bound to 0.0.0.0, :: or * (with no interface) is also
 * "exposed" when its family is in the exposed list or is the service of
 * a port the port table puts in the database or remote-access category;
 * a listener with no process name (ss without -p) is judged by its port
 * alone: exposed when the port is in one of those categories.  With
 * PK_NS_UNKNOWN a listener whose process maps to nothing (or is not
 * named) is "unknown".
 */
#define PK_NS_STRICT	0x01
#define PK_NS_UNKNOWN	0x02

enum pk_ns_table {
	PK_NS_MAP = 0,
	PK_NS_EQUIV = 1,
	PK_NS_EXPOSED = 2
};

/* One finding; strings lent until the next check on the same checker. */
struct pk_ns_finding {
	const char	*host;		/* scanned address, or bind address
					   with %zone for a socket */
	int		 proto;
	unsigned	 port;
	const char	*service;	/* detected or mapped; NULL: unknown */
	const char	*registered;	/* nmap-services name, NULL: none */
	const char	*expected_ports;/* where the service is registered,
					   "22/tcp,..." (top 3), or NULL */
	const char	*kind;		/* "nonstandard", "alternate",
					   "exposed", "unknown" */
	const char	*evidence;	/* one sentence for people */
};

struct pk_nonstd;

/* A checker with empty tables; svc is lent and must outlive it. */
struct pk_nonstd *pk_nonstd_new(const struct pk_services *svc,
		    unsigned flags);
void		 pk_nonstd_free(struct pk_nonstd *ns);
/*
 * The port table the exposure check reads (lent: it must outlive ns);
 * NULL or never set: only the exposed list counts.
 */
void		 pk_nonstd_set_ports(struct pk_nonstd *ns,
		    const struct pk_ports *pt);
/*
 * Add a table file ("-" is standard input, gzip accepted).  A bad line
 * (a PCRE2 pattern that does not compile, a missing tab, a bad
 * port/proto) fails the load with PK_ERR_FORMAT and err naming the file
 * (err->file points to path or name), line and, for a pattern, the
 * column where PCRE2 gave up.
 */
int		 pk_nonstd_load(struct pk_nonstd *ns, enum pk_ns_table table,
		    const char *path, struct pk_error *err);
int		 pk_nonstd_load_mem(struct pk_nonstd *ns,
		    enum pk_ns_table table, const void *buf, size_t len,
		    const char *name, struct pk_error *err);
/*
 * Check one scanned port of host (an address).  Only an open port whose
 * service pk_port_detected(p, versions) counts as detected is judged:
 * versions is pk_scan_versions() of the port's scan (h->scan), so that
 * the -oX, -oG and -oN files of one run give the same findings.  *out
 * gets the findings (lent until the next check), *n how many (0 when
 * all is well).  Returns PK_OK or PK_ERR_NOMEM.
 */
int		 pk_nonstd_port(struct pk_nonstd *ns, const char *host,
		    const struct pk_port *p, int versions,
		    const struct pk_ns_finding **out, size_t *n);
/*
 * The same for one socket of a dump; only listeners are checked.  A
 * process name that a map pattern could not be matched against within
 * PCRE2's match limit fails the check with PK_ERR_LIMIT (never a quiet
 * "no match"); pk_nonstd_error then names the pattern's file, line and
 * text and the process.
 */
int		 pk_nonstd_sock(struct pk_nonstd *ns, const struct pk_sock *s,
		    const struct pk_ns_finding **out, size_t *n);
/* Why the last check failed; lent until the handle is freed. */
const struct pk_error *pk_nonstd_error(const struct pk_nonstd *ns);
/*
 * The output fields (host, proto, port, service, registered,
 * expected_ports, kind, evidence) and one finding as their values
 * (vals has room for every field).
 */
const struct pk_field *pk_nonstd_fields(size_t *n);
void		 pk_nonstd_values(const struct pk_ns_finding *f,
		    struct pk_value *vals);

/* --- Reports (lib/report/) --------------------------------------------- */

/*
 * One self-contained HTML page (or one Markdown document) from scans, in
 * one pass over them: a summary of the inputs, the most common open
 * ports (pk_rank), the service inventory, services where they do not
 * belong (pk_nonstd), the changes since earlier scans (pk_diff), the
 * firewall inference when an ACK scan is among the inputs (pk_fw), and
 * the hosts.  Sections come in that order, each present (with one
 * sentence saying what input would fill it when it is empty); their
 * HTML ids are "summary", "top-ports", "services", "nonstandard",
 * "changes", "firewall" and "hosts".
 *
 * The page needs nothing from outside: CSS inline and allowed by its
 * hash in a Content-Security-Policy that forbids everything else, charts
 * as inline SVG, no script, no URL.  Every string from a scan is escaped
 * with pk_escape for the text of an element and is never placed in an
 * attribute, a URL, a style or a script.
 *
 * Memory: the rankings hold the distinct keys (and, with several inputs,
 * a host table as pk_rank does); the hosts listed in full are at most
 * detail, each with a capped record; the other hosts are summarised per
 * /24 (IPv4) or /64 (IPv6) network.  Earlier scans (--since) are held
 * compactly as pk_diff holds its side A, and an ACK scan as pk_fw holds
 * its side.
 */
enum pk_report_fmt {
	PK_REPORT_HTML = 0,
	PK_REPORT_MD = 1		/* GitHub-flavoured Markdown */
};

#define PK_REPORT_DETAIL	256	/* hosts listed in full by default */
#define PK_REPORT_MAX_INPUTS	64

struct pk_report_opts {
	int		 format;	/* enum pk_report_fmt */
	size_t		 detail;	/* hosts listed in full (0: none) */
	const char	*title;		/* NULL: "Scan report" */
	const struct pk_services *services; /* lent: names and open
					   frequencies of ports; NULL: none */
	struct pk_nonstd *nonstd;	/* lent checker; NULL: the section
					   says what it needs */
};

struct pk_report;

/* Fill opts with the defaults (HTML, PK_REPORT_DETAIL hosts). */
void		 pk_report_opts_init(struct pk_report_opts *opts);
/* A new report; opts is copied (its pointers stay lent).  NULL: no memory. */
struct pk_report *pk_report_new(const struct pk_report_opts *opts);
void		 pk_report_free(struct pk_report *rp);
/*
 * Name an input before any host is given: a scan to report on (since
 * 0) or an earlier scan to compare with (since 1).  scan is the run of
 * its first host (pk_reader_scan after the first pk_reader_next), NULL
 * when there is none; it tells what the input is (pk_fw_roles): an ACK
 * scan feeds only the firewall section.  Returns the input's number
 * (0, 1, ...), PK_ERR_USAGE once hosts were given or past
 * PK_REPORT_MAX_INPUTS, or PK_ERR_NOMEM.
 */
int		 pk_report_input(struct pk_report *rp, const char *name,
		    const struct pk_scan *scan, int since);
/*
 * Which input to give next, in the order the engines need (earlier
 * scans, ACK scans, UDP-only scans when there is a firewall section,
 * then the others as named): PK_OK with *input set; PK_EOF when every
 * input was given (the report is then ready to write); PK_ERR_USAGE
 * when the input named last was not ended; PK_ERR_NOMEM.
 */
int		 pk_report_next(struct pk_report *rp, size_t *input);
/* One host of the input pk_report_next named.  PK_OK, PK_ERR_USAGE, or
   PK_ERR_NOMEM. */
int		 pk_report_host(struct pk_report *rp, size_t input,
		    const struct pk_host *h);
/*
 * The end of that input: status is PK_EOF, or the reader's error (the
 * hosts before it are kept; PK_ERR_TRUNCATED puts a banner in the
 * summary); scan (may be NULL) gives the run's end and duration.
 * PK_OK, PK_ERR_USAGE or PK_ERR_NOMEM.
 */
int		 pk_report_end(struct pk_report *rp, size_t input,
		    const struct pk_scan *scan, int status);
/* Inputs cut short (PK_ERR_TRUNCATED) so far; the report names them. */
unsigned	 pk_report_truncated(const struct pk_report *rp);
/*
 * Write the report to out once pk_report_next said PK_EOF.  PK_OK,
 * PK_ERR_IO (errno kept), PK_ERR_NOMEM, or PK_ERR_USAGE before the
 * inputs were all given.
 */
int		 pk_report_write(struct pk_report *rp, FILE *out);
/* Bytes held by the report's own tables (not the engines'). */
size_t		 pk_report_memory(const struct pk_report *rp);

/* --- Service names as nmap shows them (lib/scan/service.c) -------------- */

/*
 * The service name nmap prints for p: its tunnel and name joined by '/'
 * ("ssl/http", as in nmap's normal output), else the name.  Returns
 * p->service itself when there is no tunnel, buf (cut to size - 1
 * bytes) when there is, NULL when p has neither.  Every tool prints
 * service names for people through it; tsv, csv and jsonl keep the
 * service and tunnel fields apart.
 */
const char	*pk_port_service(const struct pk_port *p, char *buf,
		    size_t size);
/* strlen of the name pk_port_service would give with room enough. */
size_t		 pk_port_service_len(const struct pk_port *p);
/*
 * 1 when the run asked nmap for version detection: a word of its
 * arguments is -A or a -s word with the letter V (-sV, -sCV), else 0.
 */
int		 pk_scan_versions(const struct pk_scan *scan);
/*
 * 1 when p's service name was detected (nmap's method "probed"), 0 when
 * it is a guess from the port number (method "table") or p has no name.
 * Grepable, normal and masscan output name no method: there a name with a
 * product, version or extrainfo is a detection, and so is a bare name on
 * an open port of a run with version detection (versions, from
 * pk_scan_versions of the port's run), unless nmap marked it with '?'
 * (the reader gives it method "table").
 */
int		 pk_port_detected(const struct pk_port *p, int versions);
/*
 * on: the service field of rc's port rows as pk_port_service gives it
 * ("ssl/http"), for the formats people read (text, md); off (the
 * default): the name alone, beside the tunnel field.
 */
void		 pk_rowctx_show_tunnel(struct pk_rowctx *rc, int on);

#ifdef __cplusplus
}
#endif

#endif /* PORTKIT_H */
