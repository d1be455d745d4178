/*
 * gen - write deterministic, Nmap 7.93-shaped scans for make bench.
 *
 * One pass writes a scan of a made-up network as -oX and -oG, and
 * optionally a "later" scan of the same network (some hosts changed,
 * gone down or added) with the list of the changes it made, so that the
 * answer a scan differ must give is known.  Everything derives from the
 * seed and the host's number, so the same options always give the same
 * bytes.  Not part of libportkit: a benchmark helper only.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define OBUF		(1u << 20)	/* output buffer per file */
#define OSLACK		(1u << 15)	/* room kept for one printf */
#define MAXPORTS	48
#define START		1700000000LL	/* Tue Nov 14 22:13:20 2023 UTC */
#define WEEK		(7 * 86400LL)

static const char *progname = "gen";

static void die(const char *, ...) __attribute__((format(printf, 1, 2),
    noreturn));

static void
die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

/* --- Buffered output that counts its bytes ------------------------------ */

struct out {
	FILE		*fp;		/* NULL: discard everything */
	const char	*path;
	char		*buf;
	size_t		 len;
	unsigned long long bytes;
};

static void
o_open(struct out *o, const char *path)
{
	memset(o, 0, sizeof(*o));
	if (path == NULL)
		return;
	o->path = path;
	if ((o->fp = fopen(path, "w")) == NULL)
		die("%s: %s", path, strerror(errno));
	if ((o->buf = malloc(OBUF)) == NULL)
		die("out of memory");
}

static void
o_flush(struct out *o)
{
	if (o->len > 0 && fwrite(o->buf, 1, o->len, o->fp) != o->len)
		die("%s: %s", o->path, strerror(errno));
	o->len = 0;
}

static void
o_close(struct out *o)
{
	if (o->fp == NULL)
		return;
	o_flush(o);
	if (fclose(o->fp) != 0)
		die("%s: %s", o->path, strerror(errno));
	free(o->buf);
}

static void
o_put(struct out *o, const char *s, size_t n)
{
	if (o->fp == NULL)
		return;
	if (o->len + n > OBUF)
		o_flush(o);
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->bytes += n;
}

static void
o_puts(struct out *o, const char *s)
{
	o_put(o, s, strlen(s));
}

static void o_printf(struct out *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static void
o_printf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->fp == NULL)
		return;
	if (o->len + OSLACK > OBUF)
		o_flush(o);
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, OSLACK, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= OSLACK)
		die("internal: line too long");
	o->len += n;
	o->bytes += n;
}

/* --- Randomness: splitmix64, keyed by seed and host ----------------------- */

struct rng {
	uint64_t	 s;
};

static uint64_t
mix(uint64_t z)
{
	z += 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
rnd(struct rng *r)
{
	r->s += 0x9e3779b97f4a7c15ULL;
	return mix(r->s);
}

static unsigned
rndn(struct rng *r, unsigned n)
{
	return (unsigned)(rnd(r) % n);
}

/* A uniform double in [0, 1). */
static double
rndf(struct rng *r)
{
	return (double)(rnd(r) >> 11) / 9007199254740992.0;
}

/* Independent streams per (seed, a, b), so each host is reproducible. */
static struct rng
rng_for(uint64_t seed, uint64_t a, uint64_t b)
{
	struct rng r;

	r.s = mix(seed ^ mix(a ^ mix(b + 0x51ed27)));
	return r;
}

static void
o_rand(struct out *o, struct rng *r, const char *alpha, size_t n)
{
	size_t na = strlen(alpha);
	char chunk[128];

	while (n > 0) {
		size_t k = n < sizeof(chunk) ? n : sizeof(chunk);

		for (size_t i = 0; i < k; i++)
			chunk[i] = alpha[rndn(r, (unsigned)na)];
		o_put(o, chunk, k);
		n -= k;
	}
}

static const char HEX[] = "0123456789abcdef";
static const char B64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* --- The world: services, operating systems, vendors --------------------- */

enum {
	SC_SSHKEY = 1 << 0, SC_TITLE = 1 << 1, SC_SRVHDR = 1 << 2,
	SC_METHODS = 1 << 3, SC_CERT = 1 << 4, SC_DATE = 1 << 5,
	SC_BANNER = 1 << 6, SC_SMTP = 1 << 7, SC_RPC = 1 << 8,
	SC_MYSQL = 1 << 9, SC_RDP = 1 << 10, SC_ALPN = 1 << 11
};

struct ver {
	const char	*version;	/* as nmap prints it */
	const char	*cpever;	/* as it appears in the cpe */
};

struct svc {
	unsigned	 port;
	const char	*name;
	const char	*tunnel;
	const char	*product;
	const char	*extrainfo;
	const char	*ostype;
	const char	*cpe;		/* prefix; ":" cpever is appended */
	const char	*cpe2;
	struct ver	 ver[3];
	unsigned	 scripts;
};

static const struct svc svcs[] = {
	{ 21, "ftp", NULL, "vsftpd", NULL, "Unix", "cpe:/a:vsftpd:vsftpd",
	  NULL, { { "3.0.3", "3.0.3" }, { "3.0.5", "3.0.5" },
	  { "2.3.4", "2.3.4" } }, SC_BANNER },
	{ 22, "ssh", NULL, "OpenSSH", "protocol 2.0", "Linux",
	  "cpe:/a:openbsd:openssh", "cpe:/o:linux:linux_kernel",
	  { { "9.2p1 Debian 2+deb12u1", "9.2p1" },
	  { "8.4p1 Debian 5+deb11u1", "8.4p1" },
	  { "9.3p1 Debian 1", "9.3p1" } }, SC_SSHKEY },
	{ 23, "telnet", NULL, "Linux telnetd", NULL, "Linux", NULL,
	  "cpe:/o:linux:linux_kernel", { { NULL, NULL } }, 0 },
	{ 25, "smtp", NULL, "Postfix smtpd", NULL, NULL,
	  "cpe:/a:postfix:postfix", NULL, { { NULL, NULL } },
	  SC_SMTP | SC_CERT },
	{ 53, "domain", NULL, "ISC BIND", NULL, "Linux",
	  "cpe:/a:isc:bind", "cpe:/o:linux:linux_kernel",
	  { { "9.18.19-1~deb12u1", "9.18.19-1~deb12u1" },
	  { "9.16.44-Debian", "9.16.44" }, { "9.18.24", "9.18.24" } }, 0 },
	{ 79, "finger", NULL, "Linux fingerd", NULL, "Linux", NULL,
	  "cpe:/o:linux:linux_kernel", { { NULL, NULL } }, SC_BANNER },
	{ 80, "http", NULL, "nginx", NULL, NULL, "cpe:/a:igor_sysoev:nginx",
	  NULL, { { "1.22.1", "1.22.1" }, { "1.18.0", "1.18.0" },
	  { "1.24.0", "1.24.0" } }, SC_TITLE | SC_SRVHDR | SC_METHODS },
	{ 88, "kerberos-sec", NULL, "Microsoft Windows Kerberos",
	  "server time: 2023-11-14 22:15:03Z", "Windows",
	  "cpe:/a:microsoft:kerberos", "cpe:/o:microsoft:windows",
	  { { NULL, NULL } }, 0 },
	{ 110, "pop3", NULL, "Dovecot pop3d", NULL, NULL,
	  "cpe:/a:dovecot:dovecot", NULL, { { NULL, NULL } }, SC_BANNER },
	{ 111, "rpcbind", NULL, NULL, "RPC #100000", NULL, NULL, NULL,
	  { { "2-4", NULL } }, SC_RPC },
	{ 113, "ident", NULL, NULL, NULL, NULL, NULL, NULL,
	  { { NULL, NULL } }, 0 },
	{ 135, "msrpc", NULL, "Microsoft Windows RPC", NULL, "Windows",
	  NULL, "cpe:/o:microsoft:windows", { { NULL, NULL } }, 0 },
	{ 139, "netbios-ssn", NULL, "Microsoft Windows netbios-ssn", NULL,
	  "Windows", NULL, "cpe:/o:microsoft:windows", { { NULL, NULL } },
	  0 },
	{ 143, "imap", NULL, "Dovecot imapd", NULL, NULL,
	  "cpe:/a:dovecot:dovecot", NULL, { { NULL, NULL } }, SC_BANNER },
	{ 179, "bgp", NULL, NULL, NULL, NULL, NULL, NULL,
	  { { NULL, NULL } }, 0 },
	{ 389, "ldap", NULL, "OpenLDAP", NULL, NULL,
	  "cpe:/a:openldap:openldap", NULL, { { "2.2.X - 2.3.X", NULL } },
	  0 },
	{ 443, "http", "ssl", "nginx", NULL, NULL,
	  "cpe:/a:igor_sysoev:nginx", NULL, { { "1.22.1", "1.22.1" },
	  { "1.18.0", "1.18.0" }, { "1.24.0", "1.24.0" } },
	  SC_CERT | SC_TITLE | SC_DATE | SC_ALPN },
	{ 445, "microsoft-ds", NULL, NULL, NULL, NULL, NULL, NULL,
	  { { NULL, NULL } }, 0 },
	{ 465, "smtp", "ssl", "Postfix smtpd", NULL, NULL,
	  "cpe:/a:postfix:postfix", NULL, { { NULL, NULL } }, SC_CERT },
	{ 548, "afp", NULL, "Netatalk", "name: nas; protocol 3.4", NULL,
	  "cpe:/a:netatalk:netatalk", NULL, { { "3.1.12", "3.1.12" } }, 0 },
	{ 554, "rtsp", NULL, NULL, NULL, NULL, NULL, NULL,
	  { { NULL, NULL } }, 0 },
	{ 587, "smtp", NULL, "Postfix smtpd", NULL, NULL,
	  "cpe:/a:postfix:postfix", NULL, { { NULL, NULL } }, SC_SMTP },
	{ 631, "ipp", NULL, "CUPS", NULL, NULL, "cpe:/a:apple:cups", NULL,
	  { { "2.4", "2.4" } }, SC_TITLE | SC_SRVHDR },
	{ 873, "rsync", NULL, NULL, "protocol version 31", NULL, NULL, NULL,
	  { { NULL, NULL } }, 0 },
	{ 993, "imap", "ssl", "Dovecot imapd", NULL, NULL,
	  "cpe:/a:dovecot:dovecot", NULL, { { NULL, NULL } }, SC_CERT },
	{ 995, "pop3", "ssl", "Dovecot pop3d", NULL, NULL,
	  "cpe:/a:dovecot:dovecot", NULL, { { NULL, NULL } }, 0 },
	{ 1433, "ms-sql-s", NULL, "Microsoft SQL Server 2019", "RTM",
	  NULL, "cpe:/a:microsoft:sql_server:2019", NULL,
	  { { "15.00.2000.00", NULL } }, 0 },
	{ 1521, "oracle-tns", NULL, "Oracle TNS listener", "unauthorized",
	  NULL, "cpe:/a:oracle:database_server", NULL,
	  { { "19.0.0.0.0", "19.0.0.0.0" } }, 0 },
	{ 2049, "nfs_acl", NULL, NULL, "RPC #100227", NULL, NULL, NULL,
	  { { "3", NULL } }, 0 },
	{ 3306, "mysql", NULL, "MySQL", NULL, NULL, "cpe:/a:mysql:mysql",
	  NULL, { { "8.0.35", "8.0.35" }, { "5.7.44", "5.7.44" },
	  { "8.0.36", "8.0.36" } }, SC_MYSQL },
	{ 3389, "ms-wbt-server", NULL, "Microsoft Terminal Services", NULL,
	  "Windows", NULL, "cpe:/o:microsoft:windows", { { NULL, NULL } },
	  SC_RDP | SC_CERT },
	{ 5432, "postgresql", NULL, "PostgreSQL DB", NULL, NULL,
	  "cpe:/a:postgresql:postgresql", NULL, { { "15.3 - 15.4", NULL },
	  { "13.4 - 13.11", NULL }, { "16.0", "16.0" } }, 0 },
	{ 5900, "vnc", NULL, "VNC", "protocol 3.8", NULL,
	  "cpe:/a:realvnc:realvnc", NULL, { { NULL, NULL } }, 0 },
	{ 6379, "redis", NULL, "Redis key-value store", NULL, NULL,
	  "cpe:/a:redislabs:redis", NULL, { { "7.0.11", "7.0.11" },
	  { "6.0.16", "6.0.16" }, { "7.2.3", "7.2.3" } }, 0 },
	{ 8000, "http", NULL, "SimpleHTTPServer", "Python 3.11.2", NULL,
	  "cpe:/a:python:simplehttpserver", NULL, { { "0.6", "0.6" } },
	  SC_TITLE | SC_SRVHDR },
	{ 8080, "http", NULL, "Apache Tomcat", NULL, NULL,
	  "cpe:/a:apache:tomcat", NULL, { { "9.0.70", "9.0.70" },
	  { "10.1.16", "10.1.16" }, { "9.0.83", "9.0.83" } },
	  SC_TITLE | SC_METHODS },
	{ 8443, "http", "ssl", "Jetty", NULL, NULL,
	  "cpe:/a:eclipse:jetty", NULL, { { "9.4.51.v20230217",
	  "9.4.51.v20230217" } }, SC_CERT | SC_TITLE },
	{ 9200, "http", NULL, "Elasticsearch REST API", "name: es1; cluster: "
	  "logs; Lucene 9.6.0", NULL, "cpe:/a:elasticsearch:elasticsearch",
	  NULL, { { "8.8.1", "8.8.1" }, { "7.17.15", "7.17.15" } }, 0 },
	{ 27017, "mongodb", NULL, "MongoDB", NULL, NULL,
	  "cpe:/a:mongodb:mongodb", NULL, { { "6.0.8", "6.0.8" },
	  { "4.4.25", "4.4.25" } }, 0 },
};
#define NSVCS	(sizeof(svcs) / sizeof(svcs[0]))

/* Ports scanned besides 1-1024: the catalogue's higher ones. */
static const char SCANNED[] =
    "1-1024,1433,1521,2049,3306,3389,5432,5900,6379,8000,8080,8443,9200,27017";
#define NSCANNED	(1024 + 13)

struct osm {
	const char	*name;
	const char	*type;
	const char	*vendor;
	const char	*family;
	const char	*gen;
	const char	*cpe;
	int		 windows;
};

static const struct osm oses[] = {
	{ "Linux 5.0 - 5.14", "general purpose", "Linux", "Linux", "5.X",
	  "cpe:/o:linux:linux_kernel:5", 0 },
	{ "Linux 4.15 - 5.8", "general purpose", "Linux", "Linux", "4.X",
	  "cpe:/o:linux:linux_kernel:4", 0 },
	{ "Linux 3.2 - 4.9", "general purpose", "Linux", "Linux", "3.X",
	  "cpe:/o:linux:linux_kernel:3", 0 },
	{ "Linux 2.6.32", "general purpose", "Linux", "Linux", "2.6.X",
	  "cpe:/o:linux:linux_kernel:2.6.32", 0 },
	{ "Microsoft Windows Server 2019", "general purpose", "Microsoft",
	  "Windows", "2019", "cpe:/o:microsoft:windows_server_2019", 1 },
	{ "Microsoft Windows 10 1709 - 21H2", "general purpose",
	  "Microsoft", "Windows", "10", "cpe:/o:microsoft:windows_10", 1 },
	{ "Microsoft Windows Server 2016", "general purpose", "Microsoft",
	  "Windows", "2016", "cpe:/o:microsoft:windows_server_2016", 1 },
	{ "FreeBSD 12.0-RELEASE - 13.0-CURRENT", "general purpose",
	  "FreeBSD", "FreeBSD", "12.X", "cpe:/o:freebsd:freebsd:12", 0 },
	{ "OpenBSD 6.0 - 7.1", "general purpose", "OpenBSD", "OpenBSD",
	  "6.X", "cpe:/o:openbsd:openbsd:6", 0 },
	{ "HP LaserJet Pro M404dn printer", "printer", "HP", "embedded",
	  NULL, "cpe:/h:hp:laserjet_pro_m404dn", 0 },
	{ "Synology DiskStation Manager 7.1 (Linux 4.4)", "storage-misc",
	  "Synology", "Linux", "4.X", "cpe:/o:linux:linux_kernel:4.4", 0 },
	{ "Cisco IOS 15.2", "router", "Cisco", "IOS", "15.X",
	  "cpe:/o:cisco:ios:15.2", 0 },
};
#define NOSES	(sizeof(oses) / sizeof(oses[0]))

static const struct {
	const char	*oui;
	const char	*vendor;
} macs[] = {
	{ "00:14:22", "Dell" }, { "3C:D9:2B", "Hewlett Packard" },
	{ "00:25:90", "Super Micro Computer" }, { "00:1B:54", "Cisco Systems" },
	{ "00:1B:21", "Intel Corporate" }, { "00:50:56", "VMware" },
	{ "B8:27:EB", "Raspberry Pi Foundation" },
	{ "00:11:32", "Synology Incorporated" },
};
#define NMACS	(sizeof(macs) / sizeof(macs[0]))

static const char *const roles[] = {
	"web", "db", "mail", "app", "fw", "ns", "vpn", "build", "git", "mon",
	"cache", "proxy", "print", "nas", "dc", "jump", "ci", "log"
};
static const char *const sites[] = { "dc1", "dc2", "lab", "office" };

static const char *const titles[] = {
	"Welcome to nginx!", "401 Unauthorized", "Dashboard &amp; Login",
	"Site doesn&apos;t have a title (text/html).", "Grafana",
	"Apache Tomcat/9.0.70", "Index of /", "Jenkins [Jenkins]",
	"Home - Printer Web Server", "Directory listing for /"
};
#define NTITLES	(sizeof(titles) / sizeof(titles[0]))

/* --- A host, built from its number ------------------------------------- */

enum { ST_OPEN, ST_CLOSED, ST_FILTERED };
static const char *const stnames[] = { "open", "closed", "filtered" };

enum { EX_CLOSED, EX_FILTERED, EX_FILTERED2 };

struct gport {
	const struct svc *svc;
	int		 state;
	unsigned	 ver;
};

struct ghost {
	unsigned long	 idx;
	int		 up;
	int		 mac;		/* index in macs[] or -1 */
	int		 ptr;		/* has a PTR name */
	unsigned	 os;
	int		 perfect;	/* OS match at 100% */
	int		 extra;		/* EX_* */
	unsigned	 ttl;
	unsigned	 seqidx;	/* TCP sequence index */
	size_t		 nports;
	struct gport	 ports[MAXPORTS];
};

struct cfg {
	uint64_t	 seed;
	int		 small;		/* few ports, no scripts, no OS */
	int		 onescript;	/* at most one script per port/host */
	double		 frac;		/* share of hosts the later scan touches */
	unsigned long long target;	/* bytes wanted (of the XML, or of the
					   -oG when no XML is written), 0:
					   use nhosts */
	unsigned long	 nhosts;
	long long	 start;
};

static void
addr_of(char *buf, size_t len, unsigned long idx)
{
	unsigned long a = idx + 1;

	snprintf(buf, len, "10.%lu.%lu.%lu", (a >> 16) & 255, (a >> 8) & 255,
	    a & 255);
}

static void
name_of(char *buf, size_t len, unsigned long idx)
{
	snprintf(buf, len, "%s%lu.%s.example.net", roles[idx % 18], idx / 18,
	    sites[(idx >> 8) % 4]);
}

static int
portcmp(const void *a, const void *b)
{
	const struct gport *x = a, *y = b;

	return (x->svc->port > y->svc->port) - (x->svc->port < y->svc->port);
}

static int
has_port(const struct ghost *h, unsigned port)
{
	for (size_t i = 0; i < h->nports; i++)
		if (h->ports[i].svc->port == port)
			return 1;
	return 0;
}

/* The state of listed ports that are not open: the one not folded. */
static int
minority(const struct ghost *h)
{
	return h->extra == EX_CLOSED ? ST_FILTERED : ST_CLOSED;
}

static void
pick_ports(struct ghost *h, struct rng *r, const struct cfg *c)
{
	unsigned idx[NSVCS];
	size_t k;

	for (size_t i = 0; i < NSVCS; i++)
		idx[i] = (unsigned)i;
	k = c->small ? 1 + rndn(r, 3) : 3 + rndn(r, 28);
	for (size_t i = 0; i < k; i++) {
		size_t j = i + rndn(r, (unsigned)(NSVCS - i));
		unsigned t = idx[i];
		struct gport *p = &h->ports[i];

		idx[i] = idx[j];
		idx[j] = t;
		p->svc = &svcs[idx[i]];
		p->state = rndn(r, 10) == 0 ? minority(h) : ST_OPEN;
		p->ver = 0;
		while (p->ver < 2 && p->svc->ver[p->ver + 1].version != NULL &&
		    rndn(r, 3) == 0)
			p->ver++;
	}
	h->nports = k;
	qsort(h->ports, k, sizeof(h->ports[0]), portcmp);
}

static void
host_make(struct ghost *h, const struct cfg *c, unsigned long idx,
    int force_up)
{
	struct rng r = rng_for(c->seed, idx, 1);

	memset(h, 0, sizeof(*h));
	h->idx = idx;
	h->up = force_up || rndn(&r, 20) != 0;
	h->mac = ((idx + 1) >> 8) % 4 == 0 ? (int)rndn(&r, NMACS) : -1;
	h->ptr = rndn(&r, 10) < 7;
	h->os = rndn(&r, NOSES);
	h->perfect = rndn(&r, 4) == 0;
	h->extra = rndn(&r, 10) < 6 ? EX_CLOSED :
	    rndn(&r, 2) ? EX_FILTERED : EX_FILTERED2;
	h->ttl = oses[h->os].windows ? 127 : 63;
	h->seqidx = 200 + rndn(&r, 60);
	if (h->mac >= 0)
		h->ttl++;
	pick_ports(h, &r, c);
}

/* --- Writing -oX ---------------------------------------------------------- */

static void
x_cpe(struct out *o, const struct svc *s, const struct ver *v)
{
	if (s->cpe != NULL) {
		if (v->cpever != NULL)
			o_printf(o, "<cpe>%s:%s</cpe>", s->cpe, v->cpever);
		else
			o_printf(o, "<cpe>%s</cpe>", s->cpe);
	}
	if (s->cpe2 != NULL)
		o_printf(o, "<cpe>%s</cpe>", s->cpe2);
}

static void
x_service(struct out *o, const struct gport *p)
{
	const struct svc *s = p->svc;
	const struct ver *v = &s->ver[p->ver];

	if (p->state != ST_OPEN) {
		o_printf(o, "<service name=\"%s\" method=\"table\" "
		    "conf=\"3\"/>", s->name);
		return;
	}
	o_printf(o, "<service name=\"%s\"", s->name);
	if (s->product != NULL)
		o_printf(o, " product=\"%s\"", s->product);
	if (v->version != NULL)
		o_printf(o, " version=\"%s\"", v->version);
	if (s->extrainfo != NULL)
		o_printf(o, " extrainfo=\"%s\"", s->extrainfo);
	if (s->ostype != NULL)
		o_printf(o, " ostype=\"%s\"", s->ostype);
	if (s->tunnel != NULL)
		o_printf(o, " tunnel=\"%s\"", s->tunnel);
	o_printf(o, " method=\"probed\" conf=\"10\"");
	if (s->cpe == NULL && s->cpe2 == NULL) {
		o_puts(o, "/>");
		return;
	}
	o_puts(o, ">");
	x_cpe(o, s, v);
	o_puts(o, "</service>");
}

static void
sc_sshkey(struct out *o, struct rng *r)
{
	static const struct {
		const char *type, *name;
		unsigned bits, keylen;
	} keys[] = {
		{ "ssh-rsa", "RSA", 3072, 544 },
		{ "ecdsa-sha2-nistp256", "ECDSA", 256, 180 },
		{ "ssh-ed25519", "ED25519", 256, 68 },
	};
	char fp[3][33];

	for (size_t i = 0; i < 3; i++) {
		for (size_t j = 0; j < 32; j++)
			fp[i][j] = HEX[rndn(r, 16)];
		fp[i][32] = '\0';
	}
	o_puts(o, "<script id=\"ssh-hostkey\" output=\"");
	for (size_t i = 0; i < 3; i++)
		o_printf(o, "&#xa;  %u %.2s:%.2s:%.2s:%.2s:%.2s:%.2s:%.2s:%.2s:"
		    "%.2s:%.2s:%.2s:%.2s:%.2s:%.2s:%.2s:%.2s (%s)", keys[i].bits,
		    fp[i], fp[i] + 2, fp[i] + 4, fp[i] + 6, fp[i] + 8,
		    fp[i] + 10, fp[i] + 12, fp[i] + 14, fp[i] + 16, fp[i] + 18,
		    fp[i] + 20, fp[i] + 22, fp[i] + 24, fp[i] + 26, fp[i] + 28,
		    fp[i] + 30, keys[i].name);
	o_puts(o, "\">");
	for (size_t i = 0; i < 3; i++) {
		o_printf(o, "<table>\n<elem key=\"fingerprint\">%s</elem>\n"
		    "<elem key=\"type\">%s</elem>\n<elem key=\"bits\">%u</elem>\n"
		    "<elem key=\"key\">AAAA", fp[i], keys[i].type, keys[i].bits);
		o_rand(o, r, B64, keys[i].keylen);
		o_puts(o, "</elem>\n</table>\n");
	}
	o_puts(o, "</script>");
}

static void
sc_title(struct out *o, struct rng *r)
{
	const char *t = titles[rndn(r, NTITLES)];

	o_printf(o, "<script id=\"http-title\" output=\"%s\">"
	    "<elem key=\"title\">%s</elem>\n</script>", t, t);
}

static void
sc_srvhdr(struct out *o, const struct gport *p)
{
	const struct svc *s = p->svc;
	const char *v = s->ver[p->ver].version;

	o_printf(o, "<script id=\"http-server-header\" output=\"%s/%s\">"
	    "<elem>%s/%s</elem>\n</script>", s->product, v ? v : "",
	    s->product, v ? v : "");
}

static void
sc_methods(struct out *o, struct rng *r)
{
	int risky = rndn(r, 3) == 0;

	o_printf(o, "<script id=\"http-methods\" output=\"&#xa;  Supported "
	    "Methods: GET HEAD POST OPTIONS%s%s\"><table key=\"Supported "
	    "Methods\">\n<elem>GET</elem>\n<elem>HEAD</elem>\n"
	    "<elem>POST</elem>\n<elem>OPTIONS</elem>\n%s</table>\n%s"
	    "</script>", risky ? " PUT" : "",
	    risky ? "&#xa;  Potentially risky methods: PUT" : "",
	    risky ? "<elem>PUT</elem>\n" : "",
	    risky ? "<table key=\"Potentially risky methods\">\n"
	    "<elem>PUT</elem>\n</table>\n" : "");
}

static void
sc_cert(struct out *o, struct rng *r, const char *cn)
{
	int year = 2021 + (int)rndn(r, 3);
	unsigned mon = 1 + rndn(r, 12), day = 1 + rndn(r, 28);

	o_printf(o, "<script id=\"ssl-cert\" output=\"Subject: commonName=%s"
	    "&#xa;Subject Alternative Name: DNS:%s&#xa;Not valid before: "
	    "%d-%02u-%02uT00:00:00&#xa;Not valid after:  %d-%02u-%02uT00:00:00"
	    "\"><table key=\"subject\">\n<elem key=\"commonName\">%s</elem>\n"
	    "</table>\n<table key=\"issuer\">\n<elem key=\"commonName\">"
	    "Example Corp Issuing CA 2</elem>\n<elem key=\"organizationName\">"
	    "Example Corp</elem>\n<elem key=\"countryName\">US</elem>\n"
	    "</table>\n<table key=\"pubkey\">\n<elem key=\"type\">rsa</elem>\n"
	    "<elem key=\"bits\">2048</elem>\n<elem key=\"modulus\">",
	    cn, cn, year, mon, day, year + 1, mon, day, cn);
	o_rand(o, r, "0123456789ABCDEF", 512);
	o_printf(o, "</elem>\n<elem key=\"exponent\">65537</elem>\n</table>\n"
	    "<table key=\"extensions\">\n<table>\n<elem key=\"name\">X509v3 "
	    "Subject Alternative Name</elem>\n<elem key=\"value\">DNS:%s"
	    "</elem>\n</table>\n<table>\n<elem key=\"name\">X509v3 Basic "
	    "Constraints</elem>\n<elem key=\"value\">CA:FALSE</elem>\n"
	    "<elem key=\"critical\">true</elem>\n</table>\n</table>\n"
	    "<elem key=\"sig_algo\">sha256WithRSAEncryption</elem>\n"
	    "<table key=\"validity\">\n<elem key=\"notBefore\">%d-%02u-%02u"
	    "T00:00:00</elem>\n<elem key=\"notAfter\">%d-%02u-%02uT00:00:00"
	    "</elem>\n</table>\n<elem key=\"md5\">", cn, year, mon, day,
	    year + 1, mon, day);
	o_rand(o, r, HEX, 32);
	o_puts(o, "</elem>\n<elem key=\"sha1\">");
	o_rand(o, r, HEX, 40);
	o_puts(o, "</elem>\n<elem key=\"pem\">-----BEGIN CERTIFICATE-----"
	    "&#xa;MII");
	for (int i = 0; i < 17; i++) {
		o_rand(o, r, B64, i == 0 ? 61 : 64);
		o_puts(o, "&#xa;");
	}
	o_puts(o, "-----END CERTIFICATE-----&#xa;</elem>\n</script>");
}

static void
sc_date(struct out *o)
{
	o_puts(o, "<script id=\"ssl-date\" output=\"TLS randomness does not "
	    "represent time\"></script>");
}

static void
sc_alpn(struct out *o)
{
	o_puts(o, "<script id=\"tls-alpn\" output=\"&#xa;  h2&#xa;  http/1.1"
	    "\"><elem>h2</elem>\n<elem>http/1.1</elem>\n</script>");
}

static void
sc_banner(struct out *o, const char *name)
{
	o_printf(o, "<script id=\"banner\" output=\"220 %s ready.\"/>",
	    name);
}

static void
sc_smtp(struct out *o, const char *name)
{
	o_printf(o, "<script id=\"smtp-commands\" output=\"%s, PIPELINING, "
	    "SIZE 10240000, VRFY, ETRN, STARTTLS, ENHANCEDSTATUSCODES, 8BITMIME,"
	    " DSN, SMTPUTF8, CHUNKING\"/>", name);
}

static void
sc_rpc(struct out *o)
{
	static const struct {
		unsigned prog;
		const char *name;
		unsigned port;
	} progs[] = {
		{ 100000, "rpcbind", 111 }, { 100003, "nfs", 2049 },
		{ 100005, "mountd", 20048 }, { 100021, "nlockmgr", 40113 },
	};

	o_puts(o, "<script id=\"rpcinfo\" output=\"&#xa;  program version "
	    "   port/proto  service");
	for (size_t i = 0; i < 4; i++)
		o_printf(o, "&#xa;  %u  3,4         %5u/tcp   %s", progs[i].prog,
		    progs[i].port, progs[i].name);
	o_puts(o, "&#xa;\">");
	for (size_t i = 0; i < 4; i++)
		o_printf(o, "<table key=\"%u\">\n<table key=\"tcp\">\n"
		    "<elem key=\"port\">%u</elem>\n<table key=\"version\">\n"
		    "<elem>3</elem>\n<elem>4</elem>\n</table>\n</table>\n"
		    "</table>\n", progs[i].prog, progs[i].port);
	o_puts(o, "</script>");
}

static void
sc_mysql(struct out *o, struct rng *r, const struct gport *p)
{
	const char *v = p->svc->ver[p->ver].version;
	unsigned tid = 8 + rndn(r, 5000);

	o_printf(o, "<script id=\"mysql-info\" output=\"&#xa;  Protocol: 10"
	    "&#xa;  Version: %s&#xa;  Thread ID: %u&#xa;  Capabilities flags: "
	    "65535&#xa;  Status: Autocommit&#xa;  Auth Plugin Name: "
	    "caching_sha2_password\"><elem key=\"Protocol\">10</elem>\n"
	    "<elem key=\"Version\">%s</elem>\n<elem key=\"Thread ID\">%u"
	    "</elem>\n<table key=\"Capabilities flags\">\n<elem>"
	    "SupportsTransactions</elem>\n<elem>Support41Auth</elem>\n<elem>"
	    "LongPassword</elem>\n<elem>SupportsCompression</elem>\n</table>\n"
	    "<elem key=\"Status\">Autocommit</elem>\n<elem key=\"Salt\">",
	    v, tid, v, tid);
	o_rand(o, r, B64, 20);
	o_puts(o, "</elem>\n<elem key=\"Auth Plugin Name\">"
	    "caching_sha2_password</elem>\n</script>");
}

static void
sc_rdp(struct out *o, const char *host)
{
	o_printf(o, "<script id=\"rdp-ntlm-info\" output=\"&#xa;  "
	    "Target_Name: CORP&#xa;  NetBIOS_Domain_Name: CORP&#xa;  "
	    "NetBIOS_Computer_Name: %.15s&#xa;  Product_Version: 10.0.17763"
	    "\"><elem key=\"Target_Name\">CORP</elem>\n<elem key=\""
	    "NetBIOS_Domain_Name\">CORP</elem>\n<elem key=\""
	    "NetBIOS_Computer_Name\">%.15s</elem>\n<elem key=\""
	    "Product_Version\">10.0.17763</elem>\n</script>", host, host);
}

static void
x_scripts(struct out *o, const struct cfg *c, const struct ghost *h,
    const struct gport *p, const char *name)
{
	unsigned m = p->svc->scripts;
	struct rng r = rng_for(c->seed, h->idx, 1000 + p->svc->port);
	int n = 0;

	if (p->state != ST_OPEN || c->small)
		return;
	for (unsigned bit = 1; bit <= SC_ALPN; bit <<= 1) {
		if ((m & bit) == 0 || (c->onescript && n > 0))
			continue;
		n++;
		switch (bit) {
		case SC_SSHKEY: sc_sshkey(o, &r); break;
		case SC_TITLE: sc_title(o, &r); break;
		case SC_SRVHDR: sc_srvhdr(o, p); break;
		case SC_METHODS: sc_methods(o, &r); break;
		case SC_CERT: sc_cert(o, &r, name); break;
		case SC_DATE: sc_date(o); break;
		case SC_BANNER: sc_banner(o, name); break;
		case SC_SMTP: sc_smtp(o, name); break;
		case SC_RPC: sc_rpc(o); break;
		case SC_MYSQL: sc_mysql(o, &r, p); break;
		case SC_RDP: sc_rdp(o, name); break;
		case SC_ALPN: sc_alpn(o); break;
		}
	}
}

/* Which scanned ports a host lists: a bitmap for 1-1024, a scan above. */
struct listed {
	unsigned char	 low[1025];
	const struct ghost *h;
};

static void
listed_init(struct listed *l, const struct ghost *h)
{
	memset(l->low, 0, sizeof(l->low));
	l->h = h;
	for (size_t i = 0; i < h->nports; i++)
		if (h->ports[i].svc->port <= 1024)
			l->low[h->ports[i].svc->port] = 1;
}

static int
is_listed(const struct listed *l, unsigned port)
{
	return port <= 1024 ? l->low[port] : has_port(l->h, port);
}

/* The scanned port after port, or 0 after the last. */
static unsigned
next_scanned(unsigned port)
{
	unsigned best = 0;

	if (port < 1024)
		return port + 1;
	for (size_t i = 0; i < NSVCS; i++)
		if (svcs[i].port > port && (best == 0 || svcs[i].port < best))
			best = svcs[i].port;
	return best;
}

/* The scanned ports in [lo, hi] the host does not list, as nmap ranges. */
static void
x_ranges(struct out *o, const struct listed *l, unsigned lo, unsigned hi)
{
	unsigned start = 0, prev = 0;
	int first = 1;

	for (unsigned port = lo;; port = next_scanned(port)) {
		int in = port != 0 && port <= hi && !is_listed(l, port);

		if (in && start != 0 && port == prev + 1) {
			prev = port;
			continue;
		}
		if (start != 0) {
			if (start == prev)
				o_printf(o, "%s%u", first ? "" : ",", start);
			else
				o_printf(o, "%s%u-%u", first ? "" : ",", start,
				    prev);
			first = 0;
			start = 0;
		}
		if (port == 0 || port > hi)
			break;
		if (in)
			start = prev = port;
	}
}

/* How many scanned ports in [lo, hi] the host does not list. */
static size_t
count_unlisted(const struct listed *l, unsigned lo, unsigned hi)
{
	size_t n = 0;

	for (unsigned port = lo; port != 0 && port <= hi;
	    port = next_scanned(port))
		n += !is_listed(l, port);
	return n;
}

static void
x_extraports(struct out *o, const struct ghost *h)
{
	struct listed l;
	size_t n;

	listed_init(&l, h);
	n = count_unlisted(&l, 1, 65535);
	if (h->extra == EX_CLOSED) {
		o_printf(o, "<extraports state=\"closed\" count=\"%zu\">\n"
		    "<extrareasons reason=\"reset\" count=\"%zu\" proto=\"tcp\" "
		    "ports=\"", n, n);
		x_ranges(o, &l, 1, 65535);
	} else if (h->extra == EX_FILTERED) {
		o_printf(o, "<extraports state=\"filtered\" count=\"%zu\">\n"
		    "<extrareasons reason=\"no-response\" count=\"%zu\" "
		    "proto=\"tcp\" ports=\"", n, n);
		x_ranges(o, &l, 1, 65535);
	} else {
		size_t lo = count_unlisted(&l, 1, 50);

		o_printf(o, "<extraports state=\"filtered\" count=\"%zu\">\n"
		    "<extrareasons reason=\"no-response\" count=\"%zu\" "
		    "proto=\"tcp\" ports=\"", n, n - lo);
		x_ranges(o, &l, 51, 65535);
		o_printf(o, "\"/>\n<extrareasons reason=\"admin-prohibited\" "
		    "count=\"%zu\" proto=\"tcp\" ports=\"", lo);
		x_ranges(o, &l, 1, 50);
	}
	o_puts(o, "\"/>\n</extraports>\n");
}

static void
x_ports(struct out *o, const struct cfg *c, const struct ghost *h,
    const char *name)
{
	o_puts(o, "<ports>");
	x_extraports(o, h);
	for (size_t i = 0; i < h->nports; i++) {
		const struct gport *p = &h->ports[i];
		const char *reason = p->state == ST_OPEN ? "syn-ack" :
		    p->state == ST_CLOSED ? "reset" : "no-response";

		o_printf(o, "<port protocol=\"tcp\" portid=\"%u\"><state "
		    "state=\"%s\" reason=\"%s\" reason_ttl=\"%u\"/>",
		    p->svc->port, stnames[p->state], reason,
		    p->state == ST_FILTERED ? 0 : h->ttl);
		x_service(o, p);
		x_scripts(o, c, h, p, name);
		o_puts(o, "</port>\n");
	}
	o_puts(o, "</ports>\n");
}

static void
x_os(struct out *o, const struct ghost *h, struct rng *r)
{
	unsigned nm = h->perfect ? 1 + rndn(r, 2) : 2 + rndn(r, 5);
	unsigned acc = h->perfect ? 100 : 96;

	unsigned udp = 30000 + rndn(r, 30000);

	o_puts(o, "<os>");
	for (size_t i = 0; i < h->nports; i++)
		if (h->ports[i].state == ST_OPEN) {
			o_printf(o, "<portused state=\"open\" proto=\"tcp\" "
			    "portid=\"%u\"/>\n", h->ports[i].svc->port);
			break;
		}
	o_printf(o, "<portused state=\"closed\" proto=\"tcp\" portid=\"1\"/>"
	    "\n<portused state=\"closed\" proto=\"udp\" portid=\"%u\"/>\n",
	    udp);
	for (unsigned i = 0; i < nm; i++) {
		const struct osm *m = &oses[(h->os + i) % NOSES];

		if (i > 0 && !h->perfect)
			acc -= rndn(r, 3);
		o_printf(o, "<osmatch name=\"%s\" accuracy=\"%u\" line=\"%u\">\n"
		    "<osclass type=\"%s\" vendor=\"%s\" osfamily=\"%s\"",
		    m->name, acc, 5000 + rndn(r, 90000), m->type, m->vendor,
		    m->family);
		if (m->gen != NULL)
			o_printf(o, " osgen=\"%s\"", m->gen);
		o_printf(o, " accuracy=\"%u\"><cpe>%s</cpe></osclass>\n"
		    "</osmatch>\n", acc, m->cpe);
	}
	if (!h->perfect) {
		o_puts(o, "<osfingerprint fingerprint=\"OS:SCAN(V=7.93%E=4%D=11"
		    "/14%OT=22%CT=1%CU=4");
		for (int i = 0; i < 13; i++) {
			o_puts(o, "&#xa;OS:");
			o_rand(o, r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%=()",
			    71);
		}
		o_puts(o, "&#xa;\"/>\n");
	}
	o_puts(o, "</os>\n");
}

static const char *
ipid(const struct ghost *h)
{
	return oses[h->os].windows ? "Incremental" : "All zeros";
}

static void
x_seq(struct out *o, const struct ghost *h, struct rng *r, long long t)
{
	unsigned up = 3600 + rndn(r, 9000000);
	time_t boot = (time_t)(t - up);
	char when[64];

	strftime(when, sizeof(when), "%a %b %d %H:%M:%S %Y", gmtime(&boot));
	o_printf(o, "<uptime seconds=\"%u\" lastboot=\"%s\"/>\n"
	    "<distance value=\"%u\"/>\n<tcpsequence index=\"%u\" difficulty="
	    "\"Good luck!\" values=\"", up, when, h->mac >= 0 ? 1 : 2,
	    h->seqidx);
	for (int i = 0; i < 6; i++) {
		o_puts(o, i ? "," : "");
		o_rand(o, r, "0123456789ABCDEF", 8);
	}
	o_printf(o, "\"/>\n<ipidsequence class=\"%s\" values=\"0,0,0,0,0,0\"/>"
	    "\n<tcptssequence class=\"1000HZ\" values=\"", ipid(h));
	for (int i = 0; i < 6; i++) {
		o_puts(o, i ? "," : "");
		o_rand(o, r, "0123456789ABCDEF", 8);
	}
	o_puts(o, "\"/>\n");
}

static void
x_hostscripts(struct out *o, const struct cfg *c, const struct ghost *h,
    long long t)
{
	time_t now = (time_t)t;
	char when[32];

	if (!oses[h->os].windows)
		return;
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", gmtime(&now));
	o_printf(o, "<hostscript><script id=\"smb2-time\" output=\"&#xa;  "
	    "date: %s&#xa;  start_date: N/A\"><elem key=\"date\">%s</elem>\n"
	    "<elem key=\"start_date\">N/A</elem>\n</script>", when, when);
	if (!c->onescript)
		o_printf(o, "<script id=\"smb2-security-mode\" output=\"&#xa;"
		    "  3:1:1: &#xa;    Message signing enabled but not required"
		    "\"><table key=\"3:1:1\">\n<elem>Message signing enabled "
		    "but not required</elem>\n</table>\n</script>");
	o_puts(o, "</hostscript>\n");
}

static void
x_host(struct out *o, const struct cfg *c, const struct ghost *h,
    long long t)
{
	char addr[32], name[96];
	struct rng r = rng_for(c->seed, h->idx, 2);
	unsigned srtt, rttvar;

	addr_of(addr, sizeof(addr), h->idx);
	if (!h->up) {
		o_printf(o, "<host><status state=\"down\" reason=\"no-response\""
		    " reason_ttl=\"0\"/>\n<address addr=\"%s\" addrtype="
		    "\"ipv4\"/>\n</host>\n", addr);
		return;
	}
	name_of(name, sizeof(name), h->idx);
	o_printf(o, "<host starttime=\"%lld\" endtime=\"%lld\"><status state="
	    "\"up\" reason=\"%s\" reason_ttl=\"%u\"/>\n<address addr=\"%s\" "
	    "addrtype=\"ipv4\"/>\n", t, t + 12 + (long long)rndn(&r, 30),
	    h->mac >= 0 ? "arp-response" : "echo-reply", h->mac >= 0 ? 0 :
	    h->ttl, addr);
	if (h->mac >= 0)
		o_printf(o, "<address addr=\"%s:%02X:%02X:%02X\" addrtype=\"mac\""
		    " vendor=\"%s\"/>\n", macs[h->mac].oui, (unsigned)(h->idx >>
		    16) & 255, (unsigned)(h->idx >> 8) & 255, (unsigned)h->idx &
		    255, macs[h->mac].vendor);
	if (h->ptr)
		o_printf(o, "<hostnames>\n<hostname name=\"%s\" type=\"PTR\"/>\n"
		    "</hostnames>\n", name);
	else
		o_puts(o, "<hostnames>\n</hostnames>\n");
	x_ports(o, c, h, name);
	if (!c->small) {
		x_os(o, h, &r);
		x_seq(o, h, &r, t);
		x_hostscripts(o, c, h, c->start + (long long)h->idx / 8);
	}
	srtt = 200 + rndn(&r, 5000);
	rttvar = 100 + rndn(&r, 3000);
	o_printf(o, "<times srtt=\"%u\" rttvar=\"%u\" to=\"100000\"/>\n"
	    "</host>\n", srtt, rttvar);
}

static void
timestr(char *buf, size_t len, long long t)
{
	time_t tt = (time_t)t;

	strftime(buf, len, "%a %b %d %H:%M:%S %Y", gmtime(&tt));
}

static void
x_head(struct out *o, long long start, const char *args)
{
	char when[64];

	timestr(when, sizeof(when), start);
	o_printf(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!DOCTYPE nmaprun>\n<?xml-stylesheet href=\"file:///usr/bin/../"
	    "share/nmap/nmap.xsl\" type=\"text/xsl\"?>\n<!-- Nmap 7.93 scan "
	    "initiated %s as: %s -->\n<nmaprun scanner=\"nmap\" args=\"%s\" "
	    "start=\"%lld\" startstr=\"%s\" version=\"7.93\" "
	    "xmloutputversion=\"1.05\">\n<scaninfo type=\"syn\" protocol="
	    "\"tcp\" numservices=\"%d\" services=\"%s\"/>\n<verbose level="
	    "\"1\"/>\n<debugging level=\"0\"/>\n", when, args, args, start,
	    when, NSCANNED, SCANNED);
}

static void
x_task(struct out *o, long long t, unsigned long batch)
{
	o_printf(o, "<taskbegin task=\"SYN Stealth Scan\" time=\"%lld\"/>\n"
	    "<taskend task=\"SYN Stealth Scan\" time=\"%lld\" extrainfo=\""
	    "%d total ports\"/>\n<taskbegin task=\"Service scan\" time=\"%lld\""
	    "/>\n<taskend task=\"Service scan\" time=\"%lld\" extrainfo=\"%lu "
	    "services on %lu hosts\"/>\n", t, t + 9, NSCANNED * 256, t + 9,
	    t + 40, batch * 11, batch);
}

struct tally {
	unsigned long	 up;
	unsigned long	 down;
};

static void
x_tail(struct out *o, long long end, double elapsed, const struct tally *n)
{
	char when[64];

	timestr(when, sizeof(when), end);
	o_printf(o, "<runstats><finished time=\"%lld\" timestr=\"%s\" summary="
	    "\"Nmap done at %s; %lu IP addresses (%lu hosts up) scanned in "
	    "%.2f seconds\" elapsed=\"%.2f\" exit=\"success\"/><hosts up=\"%lu\""
	    " down=\"%lu\" total=\"%lu\"/>\n</runstats>\n</nmaprun>\n", end,
	    when, when, n->up + n->down, n->up, elapsed, elapsed, n->up,
	    n->down, n->up + n->down);
}

/* --- Writing -oG ---------------------------------------------------------- */

static void
g_head(struct out *o, long long start, const char *args)
{
	char when[64];

	timestr(when, sizeof(when), start);
	o_printf(o, "# Nmap 7.93 scan initiated %s as: %s\n# Ports scanned: "
	    "TCP(%d;%s) UDP(0;) SCTP(0;) PROTOCOLS(0;)\n", when, args, NSCANNED,
	    SCANNED);
}

/* nmap's version field: product version (extrainfo), '/' as '|'. */
static void
g_version(struct out *o, const struct gport *p)
{
	const struct svc *s = p->svc;
	const char *v = s->ver[p->ver].version;
	char buf[256];
	size_t n;

	if (p->state != ST_OPEN)
		return;
	n = (size_t)snprintf(buf, sizeof(buf), "%s%s%s%s%s%s",
	    s->product ? s->product : "", s->product && v ? " " : "",
	    v ? v : "", (s->product || v) && s->extrainfo ? " " : "",
	    s->extrainfo ? "(" : "", s->extrainfo ? s->extrainfo : "");
	if (s->extrainfo && n + 1 < sizeof(buf))
		buf[n++] = ')', buf[n] = '\0';
	for (char *q = buf; *q != '\0'; q++)
		if (*q == '/')
			*q = '|';
	o_puts(o, buf);
}

static void
g_host(struct out *o, const struct ghost *h, int small)
{
	char addr[32], name[96];
	const char *ign;
	struct listed l;

	addr_of(addr, sizeof(addr), h->idx);
	name_of(name, sizeof(name), h->idx);
	if (!h->ptr || !h->up)
		name[0] = '\0';
	o_printf(o, "Host: %s (%s)\tStatus: %s\n", addr, name, h->up ? "Up" :
	    "Down");
	if (!h->up)
		return;
	o_printf(o, "Host: %s (%s)\tPorts: ", addr, name);
	for (size_t i = 0; i < h->nports; i++) {
		const struct gport *p = &h->ports[i];
		const struct svc *s = p->svc;

		o_printf(o, "%s%u/%s/tcp//%s%s%s//", i ? ", " : "", s->port,
		    stnames[p->state], s->tunnel && p->state == ST_OPEN ?
		    s->tunnel : "", s->tunnel && p->state == ST_OPEN ? "|" : "",
		    s->name);
		g_version(o, p);
		o_puts(o, "/");
	}
	ign = h->extra == EX_CLOSED ? "closed" : "filtered";
	listed_init(&l, h);
	o_printf(o, "\tIgnored State: %s (%zu)", ign,
	    count_unlisted(&l, 1, 65535));
	if (!small) {
		if (h->perfect)
			o_printf(o, "\tOS: %s", oses[h->os].name);
		o_printf(o, "\tSeq Index: %u\tIP ID Seq: %s", h->seqidx,
		    ipid(h));
	}
	o_puts(o, "\n");
}

static void
g_tail(struct out *o, long long end, double elapsed, const struct tally *n)
{
	char when[64];

	timestr(when, sizeof(when), end);
	o_printf(o, "# Nmap done at %s -- %lu IP addresses (%lu hosts up) "
	    "scanned in %.2f seconds\n", when, n->up + n->down, n->up, elapsed);
}

/* --- The later scan: what changes ---------------------------------------- */

enum { CH_SAME, CH_DOWN, CH_STATE, CH_VERSION, CH_ADDED_PORT, CH_FOLDED };

static void
c_line(struct out *o, const struct ghost *h, unsigned port,
    const char *field, const char *old, const char *new, const char *change)
{
	char addr[32];

	addr_of(addr, sizeof(addr), h->idx);
	if (port == 0)
		o_printf(o, "%s\t\t\t%s\t%s\t%s\t%s\n", addr, field, old, new,
		    change);
	else
		o_printf(o, "%s\ttcp\t%u\t%s\t%s\t%s\t%s\n", addr, port, field,
		    old, new, change);
}

static int
pick_open(const struct ghost *h, struct rng *r, int need_versions)
{
	unsigned start = rndn(r, (unsigned)h->nports);

	for (size_t k = 0; k < h->nports; k++) {
		size_t i = (start + k) % h->nports;
		const struct gport *p = &h->ports[i];

		if (p->state != ST_OPEN)
			continue;
		if (need_versions && p->svc->ver[1].version == NULL)
			continue;
		return (int)i;
	}
	return -1;
}

static int
ch_version(struct ghost *h, struct rng *r, struct out *ch)
{
	int i = pick_open(h, r, 1);
	struct gport *p;
	unsigned nv = 1;

	if (i < 0)
		return 0;
	p = &h->ports[i];
	while (nv < 3 && p->svc->ver[nv].version != NULL)
		nv++;
	c_line(ch, h, p->svc->port, "version", p->svc->ver[p->ver].version,
	    p->svc->ver[(p->ver + 1) % nv].version, "changed");
	p->ver = (p->ver + 1) % nv;
	return 1;
}

static int
ch_state(struct ghost *h, struct rng *r, struct out *ch)
{
	int i = pick_open(h, r, 0);

	if (i < 0)
		return 0;
	h->ports[i].state = minority(h);
	c_line(ch, h, h->ports[i].svc->port, "state", "open",
	    stnames[h->ports[i].state], "changed");
	return 1;
}

static int
ch_folded(struct ghost *h, struct rng *r, struct out *ch)
{
	int i = pick_open(h, r, 0);

	if (i < 0 || h->nports < 2)
		return 0;
	c_line(ch, h, h->ports[i].svc->port, "state", "open",
	    h->extra == EX_CLOSED ? "closed" : "filtered", "changed");
	memmove(&h->ports[i], &h->ports[i + 1], (h->nports - i - 1) *
	    sizeof(h->ports[0]));
	h->nports--;
	return 1;
}

static int
ch_added(struct ghost *h, struct rng *r, struct out *ch)
{
	unsigned start = rndn(r, NSVCS);

	if (h->nports >= MAXPORTS)
		return 0;
	for (size_t k = 0; k < NSVCS; k++) {
		const struct svc *s = &svcs[(start + k) % NSVCS];

		if (has_port(h, s->port))
			continue;
		h->ports[h->nports].svc = s;
		h->ports[h->nports].state = ST_OPEN;
		h->ports[h->nports].ver = 0;
		h->nports++;
		qsort(h->ports, h->nports, sizeof(h->ports[0]), portcmp);
		c_line(ch, h, s->port, "state", h->extra == EX_CLOSED ?
		    "closed" : "filtered", "open", "changed");
		return 1;
	}
	return 0;
}

/* Turn base host h into its later self; write what changed to ch. */
static void
host_later(struct ghost *h, const struct cfg *c, struct out *ch)
{
	struct rng r = rng_for(c->seed, h->idx, 3);
	double roll = rndf(&r);

	if (!h->up || roll >= c->frac)
		return;
	if (roll < c->frac / 2) {
		h->up = 0;
		c_line(ch, h, 0, "status", "up", "down", "changed");
		return;
	}
	switch (rndn(&r, 4)) {
	case 0:
		if (ch_version(h, &r, ch))
			break;
		/* FALLTHROUGH */
	case 1:
		if (ch_state(h, &r, ch))
			break;
		/* FALLTHROUGH */
	case 2:
		if (ch_folded(h, &r, ch))
			break;
		/* FALLTHROUGH */
	default:
		ch_added(h, &r, ch);
	}
}

/* --- Driver ---------------------------------------------------------------- */

struct outs {
	struct out	 x, g, lx, lg, ch;
};

static void
emit(struct outs *os, const struct cfg *c, struct ghost *h, long long t,
    long long lt, struct tally *a, struct tally *b)
{
	x_host(&os->x, c, h, t);
	g_host(&os->g, h, c->small);
	if (h->up)
		a->up++;
	else
		a->down++;
	if (os->lx.fp == NULL && os->lg.fp == NULL && os->ch.fp == NULL)
		return;
	host_later(h, c, &os->ch);
	x_host(&os->lx, c, h, lt);
	g_host(&os->lg, h, c->small);
	if (h->up)
		b->up++;
	else
		b->down++;
}

static int
more(const struct cfg *c, const struct outs *os, unsigned long i)
{
	/* A discarded output counts nothing: -b sizes the file written. */
	const struct out *o = os->x.fp != NULL ? &os->x : &os->g;

	if (c->target > 0)
		return o->bytes + 400 < c->target;
	return i < c->nhosts;
}

static void
run(struct outs *os, const struct cfg *c, const char *args)
{
	struct tally a = { 0, 0 }, b = { 0, 0 };
	struct ghost h;
	unsigned long i, nadd, up = 0;
	long long t = c->start, lt = c->start + WEEK;

	x_head(&os->x, t, args);
	g_head(&os->g, t, args);
	x_head(&os->lx, lt, args);
	g_head(&os->lg, lt, args);
	o_puts(&os->ch, "host\tproto\tport\tfield\told\tnew\tchange\n");
	for (i = 0; more(c, os, i); i++) {
		if (i % 256 == 0) {
			x_task(&os->x, t + (long long)i / 8, 256);
			x_task(&os->lx, lt + (long long)i / 8, 256);
		}
		host_make(&h, c, i, 0);
		up += h.up;
		emit(os, c, &h, t + (long long)i / 8, lt + (long long)i / 8,
		    &a, &b);
	}
	/* Added hosts: about as many as went down, so the size holds. */
	nadd = (unsigned long)(up * c->frac / 2 + 0.5);
	for (unsigned long k = 0; k < nadd && os->lx.fp != NULL; k++) {
		host_make(&h, c, i + k, 1);
		c_line(&os->ch, &h, 0, "host", "", "up", "added");
		x_host(&os->lx, c, &h, lt + (long long)(i + k) / 8);
		g_host(&os->lg, &h, c->small);
		b.up++;
	}
	x_tail(&os->x, t + (long long)i / 8 + 60, (double)i / 8 + 60.37, &a);
	g_tail(&os->g, t + (long long)i / 8 + 60, (double)i / 8 + 60.37, &a);
	x_tail(&os->lx, lt + (long long)(i + nadd) / 8 + 60,
	    (double)(i + nadd) / 8 + 60.37, &b);
	g_tail(&os->lg, lt + (long long)(i + nadd) / 8 + 60,
	    (double)(i + nadd) / 8 + 60.37, &b);
	fprintf(stderr, "%s: %lu hosts (%lu up), %llu bytes of XML, %llu of -oG",
	    progname, i, a.up, os->x.bytes, os->g.bytes);
	if (os->lx.fp != NULL)
		fprintf(stderr, "; later: %lu hosts (%lu up)", b.up + b.down,
		    b.up);
	fputc('\n', stderr);
}

static unsigned long long
parse_size(const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s)
		die("bad size: %s", s);
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	if (*end != '\0' || v == 0)
		die("bad size: %s", s);
	return v;
}

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-1] [-m small] [-s seed] [-f fraction] "
	    "(-b bytes | -n hosts)\n           [-x scan.xml] [-g scan.gnmap] "
	    "[-l later.xml] [-L later.gnmap] [-c changes.tsv]\n", progname);
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct cfg c = { 1, 0, 0, 0.1, 0, 0, START };
	const char *px = NULL, *pg = NULL, *plx = NULL, *plg = NULL;
	const char *pch = NULL;
	struct outs os;
	char args[512];
	int ch;

	while ((ch = getopt(argc, argv, "1b:c:f:g:L:l:m:n:s:x:")) != -1)
		switch (ch) {
		case '1': c.onescript = 1; break;
		case 'b': c.target = parse_size(optarg); break;
		case 'c': pch = optarg; break;
		case 'f': c.frac = strtod(optarg, NULL); break;
		case 'g': pg = optarg; break;
		case 'L': plg = optarg; break;
		case 'l': plx = optarg; break;
		case 'm':
			if (strcmp(optarg, "small") != 0)
				usage();
			c.small = 1;
			break;
		case 'n': c.nhosts = strtoul(optarg, NULL, 10); break;
		case 's': c.seed = strtoull(optarg, NULL, 10); break;
		case 'x': px = optarg; break;
		default: usage();
		}
	if (optind != argc || (c.target == 0) == (c.nhosts == 0) ||
	    c.frac < 0 || c.frac > 1 || (c.target > 0 && !px && !pg))
		usage();
	snprintf(args, sizeof(args), "nmap -v -sS -sV -sC -O -p %s -oX scan.xml"
	    " -oG scan.gnmap 10.0.0.0/8", SCANNED);
	o_open(&os.x, px);
	o_open(&os.g, pg);
	o_open(&os.lx, plx);
	o_open(&os.lg, plg);
	o_open(&os.ch, pch);
	run(&os, &c, args);
	o_close(&os.x);
	o_close(&os.g);
	o_close(&os.lx);
	o_close(&os.lg);
	o_close(&os.ch);
	return 0;
}
