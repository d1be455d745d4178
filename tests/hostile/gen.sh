# gen.sh - generators of hostile inputs, sourced by tests/hostile/run.sh
# and tests/cli/hostile/*.sh.  gen_NAME writes the file for case NAME to
# standard output; $T is testdata/harden (real scans, see their .cmd).

xml_head() {
	printf '<?xml version="1.0"?>\n'
}

# A complete one-host scan, for files that must be read.
one_host() {
	printf '<host><status state="up" reason="user-set"/>'
	printf '<address addr="127.0.0.1" addrtype="ipv4"/>'
	printf '<ports><port protocol="tcp" portid="22"><state state="open" '
	printf 'reason="syn-ack"/><service name="ssh"/></port></ports></host>'
}

# Billion laughs (also in tests/cli/pcat/hostile-billion-laughs.sh).
gen_billion_laughs() {
	xml_head
	printf '<!DOCTYPE nmaprun [\n <!ENTITY l0 "lol">\n'
	for i in 1 2 3 4 5 6 7 8 9; do
		printf ' <!ENTITY l%d "' "$i"
		for j in 1 2 3 4 5 6 7 8 9 10; do printf '&l%d;' $((i - 1)); done
		printf '">\n'
	done
	printf ']>\n<nmaprun scanner="nmap" args="&l9;">'
	one_host
	printf '</nmaprun>\n'
}

# Quadratic blow-up: one 100 KB entity referenced 50,000 times (5 GB).
gen_quadratic() {
	xml_head
	printf '<!DOCTYPE nmaprun [<!ENTITY a "'
	head -c 100000 /dev/zero | tr '\0' A
	printf '">]>\n<nmaprun scanner="nmap" args="'
	awk 'BEGIN { for (i = 0; i < 50000; i++) printf "&a;" }'
	printf '">'
	one_host
	printf '</nmaprun>\n'
}

gen_xxe_file() {
	xml_head
	printf '<!DOCTYPE nmaprun [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n'
	printf '<nmaprun scanner="nmap" args="&x;">'
	one_host
	printf '</nmaprun>\n'
}

gen_xxe_http() {
	xml_head
	printf '<!DOCTYPE nmaprun [ <!ENTITY x SYSTEM "http://127.0.0.1:9/x"> ]>\n'
	printf '<nmaprun scanner="nmap" args="&x;">'
	one_host
	printf '</nmaprun>\n'
}

gen_xxe_parameter() {
	xml_head
	printf '<!DOCTYPE nmaprun [ <!ENTITY %% p SYSTEM "file:///etc/hostname"> %%p; ]>\n'
	printf '<nmaprun scanner="nmap">'
	one_host
	printf '</nmaprun>\n'
}

gen_external_dtd() {
	xml_head
	printf '<!DOCTYPE nmaprun SYSTEM "file:///etc/passwd">\n'
	printf '<nmaprun scanner="nmap">'
	one_host
	printf '</nmaprun>\n'
}

gen_external_dtd_http() {
	xml_head
	printf '<!DOCTYPE nmaprun PUBLIC "-//x//y" "http://127.0.0.1:9/nmap.dtd">\n'
	printf '<nmaprun scanner="nmap">'
	one_host
	printf '</nmaprun>\n'
}

# XInclude is never processed: the elements are unknown and skipped.
gen_xinclude() {
	xml_head
	printf '<nmaprun scanner="nmap" xmlns:xi="http://www.w3.org/2001/XInclude">'
	printf '<xi:include href="file:///etc/passwd" parse="text"/>'
	printf '<host><status state="up" reason="user-set"/>'
	printf '<address addr="127.0.0.1" addrtype="ipv4"/><hostnames>'
	printf '<xi:include href="http://127.0.0.1:9/x" parse="xml"/>'
	printf '</hostnames><ports><port protocol="tcp" portid="22"><state '
	printf 'state="open" reason="syn-ack"/><service name="ssh"><xi:include '
	printf 'href="/etc/hostname" parse="text"/></service></port></ports>'
	printf '</host></nmaprun>\n'
}

gen_attributes_100k() {
	xml_head
	printf '<nmaprun scanner="nmap">\n<host'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf " a%d=\"x\"", i }'
	printf '>'
	printf '<address addr="127.0.0.1" addrtype="ipv4"/></host></nmaprun>\n'
}

gen_deep_100k() {
	xml_head
	printf '<nmaprun scanner="nmap">\n'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<a>" }'
	printf '\n'
}

gen_attribute_50mb() {
	xml_head
	printf '<nmaprun scanner="nmap" args="'
	head -c 52428800 /dev/zero | tr '\0' A
	printf '">\n</nmaprun>\n'
}

# 50 MB of character data in one element (the tag guard does not see it).
gen_text_50mb() {
	xml_head
	printf '<nmaprun scanner="nmap">'
	one_host
	printf '<host><status state="up"/><address addr="127.0.0.2" addrtype="ipv4"/>'
	printf '<ports><port protocol="tcp" portid="80"><state state="open"/>'
	printf '<service name="http"><cpe>'
	head -c 52428800 /dev/zero | tr '\0' A
	printf '</cpe></service></port></ports></host></nmaprun>\n'
}

# A 20 MB comment and a 20 MB processing instruction.
gen_comment_20mb() {
	xml_head
	printf '<nmaprun scanner="nmap"><!--'
	head -c 20971520 /dev/zero | tr '\0' A
	printf -- '--><?pi '
	head -c 20971520 /dev/zero | tr '\0' B
	printf '?>'
	one_host
	printf '</nmaprun>\n'
}

# 2 GB of blanks inside <nmaprun>, compressed to about 2 MB.
gen_gzip_bomb() {
	{
		printf '<?xml version="1.0"?>\n<nmaprun scanner="nmap">'
		head -c 2147483648 /dev/zero | tr '\0' ' '
	} | gzip -1
}

# 50,000 hosts of 64 ports each: a big but honest scan, streamed.
gen_many_hosts() {
	xml_head
	printf '<nmaprun scanner="nmap">\n'
	awk 'BEGIN {
		for (h = 0; h < 50000; h++) {
			printf "<host><status state=\"up\"/><address addr=\"10.%d.%d.%d\" addrtype=\"ipv4\"/><ports>", h / 65536, (h / 256) % 256, h % 256
			for (p = 1; p <= 64; p++)
				printf "<port protocol=\"tcp\" portid=\"%d\"><state state=\"closed\"/></port>", p
			printf "</ports></host>\n"
		}
	}'
	printf '</nmaprun>\n'
}

gen_gzip_corrupt() {
	gzip -9nc "$T/lo-A.xml" >"$TMPF"
	size=$(wc -c <"$TMPF")
	head -c 200 "$TMPF"
	head -c 64 /dev/zero | tr '\0' x
	tail -c $((size - 264)) "$TMPF"
}

gen_gzip_truncated() {
	gzip -9nc "$T/lo-A.xml" >"$TMPF"
	size=$(wc -c <"$TMPF")
	head -c $((size - 20)) "$TMPF"
}

# Valid: two gzip members, cut in the middle of a tag.
gen_gzip_multimember() {
	size=$(wc -c <"$T/lo-A.xml")
	head -c $((size / 2)) "$T/lo-A.xml" | gzip -9n
	tail -c +$((size / 2 + 1)) "$T/lo-A.xml" | gzip -9n
}

# Garbage after a complete gzip member: zlib ignores it silently.
gen_gzip_trailing_garbage() {
	gzip -9nc "$T/lo-A.xml"
	printf 'garbage after the member\n'
}

gen_utf16() {
	printf '<?xml version="1.0" encoding="UTF-16"?>\n<nmaprun scanner="nmap">' |
	    iconv -f UTF-8 -t UTF-16
	one_host | iconv -f UTF-8 -t UTF-16LE
	printf '</nmaprun>\n' | iconv -f UTF-8 -t UTF-16LE
}

gen_latin1() {
	printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
	printf '<nmaprun scanner="nmap"><host><status state="up"/>'
	printf '<address addr="127.0.0.1" addrtype="ipv4"/><hostnames>'
	printf '<hostname name="caf\351" type="user"/></hostnames><ports>'
	printf '<port protocol="tcp" portid="22"><state state="open"/>'
	printf '<service name="ssh" product="S\374d"/></port></ports></host>'
	printf '</nmaprun>\n'
}

gen_invalid_utf8() {
	xml_head
	printf '<nmaprun scanner="nmap"><host><address addr="127.0.0.1" '
	printf 'addrtype="ipv4"/><hostnames><hostname name="a\300\257b"/>'
	printf '</hostnames></host></nmaprun>\n'
}

gen_nul_attribute() {
	xml_head
	printf '<nmaprun scanner="nmap"><host><address addr="127.0.0.1" '
	printf 'addrtype="ipv4"/><hostnames><hostname name="a\0b"/>'
	printf '</hostnames></host></nmaprun>\n'
}

gen_nul_prolog() {
	printf '\0<?xml version="1.0"?>\n<nmaprun scanner="nmap"></nmaprun>\n'
}

gen_empty() {
	:
}

gen_blank() {
	printf '  \n\t\r\n'
}

# nmap --resume twice: hosts after </nmaprun>, then again.
gen_resumed_twice() {
	cat "$T/mixed-sSU.xml"
	sed -n '/<host /,/<\/host>/p' "$T/multi-sS.xml" | awk '/<host /{ c++ } c == 1'
	printf '<runstats><finished time="1795465066" exit="success"/>'
	printf '<hosts up="1" down="0" total="1"/></runstats>\n</nmaprun>\n'
	sed -n '/<host /,/<\/host>/p' "$T/multi-sS.xml" | awk '/<host /{ c++ } c == 2'
	printf '</nmaprun>\n'
}

# nmap --append-output: two whole documents in one file.
gen_two_runs() {
	cat "$T/mixed-sSU.xml" "$T/multi-sS.xml"
}

gen_duplicates() {
	xml_head
	printf '<nmaprun scanner="nmap">\n'
	one_host
	printf '\n<host><status state="up"/><address addr="127.0.0.1" addrtype="ipv4"/>'
	printf '<ports><port protocol="tcp" portid="22"><state state="closed"/>'
	printf '</port><port protocol="tcp" portid="22"><state state="filtered"/>'
	printf '</port></ports></host>\n</nmaprun>\n'
}

gen_port_in_script() {
	xml_head
	printf '<nmaprun scanner="nmap"><host><status state="up"/>'
	printf '<address addr="127.0.0.1" addrtype="ipv4"/><ports>'
	printf '<port protocol="tcp" portid="22"><state state="open"/>'
	printf '<script id="x" output="y"><port protocol="tcp" portid="9">'
	printf '<state state="open"/></port></script></port></ports></host>'
	printf '</nmaprun>\n'
}

GNMAP_HEAD='# Nmap 7.93 scan initiated Mon Nov 23 20:17:45 2026 as: nmap -oG - 127.0.0.1'
GNMAP_TAIL='# Nmap done at Mon Nov 23 20:17:45 2026 -- 1 IP address (1 host up) scanned in 0.10 seconds'

gnmap_line() {
	printf '%s\n%b\n%s\n' "$GNMAP_HEAD" "$1" "$GNMAP_TAIL"
}

# A host answering on 5,000 ports: legitimate, one 114 KB line.
gen_gnmap_long() {
	printf '%s\nHost: 127.0.0.1 ()\tPorts: ' "$GNMAP_HEAD"
	awk 'BEGIN { for (i = 1; i < 5000; i++) printf "%d/open/tcp//x///, ", i }'
	printf '5000/open/tcp//x///\n%s\n' "$GNMAP_TAIL"
}

# Past the 4 MiB line limit: refused, never split.
gen_gnmap_overlong() {
	printf '%s\nHost: 127.0.0.1 ()\tPorts: ' "$GNMAP_HEAD"
	awk 'BEGIN { for (i = 1; i < 65535; i++)
		printf "%d/open/tcp//verylongservicename/rpc/%070d/, ", i, i }'
	printf '65535/open/tcp//x///\n%s\n' "$GNMAP_TAIL"
}

gen_gnmap_missing() {
	gnmap_line 'Host: 127.0.0.1 ()\tPorts: 22/open/tcp//ssh//'
}

gen_gnmap_no_name() {
	gnmap_line 'Host: 127.0.0.1\tPorts: 22/open/tcp//ssh///'
}

gen_gnmap_nul() {
	gnmap_line 'Host: 127.0.0.1 ()\tPorts: 22/open/tcp//s\0sh///'
}

gen_gnmap_port() {
	gnmap_line 'Host: 127.0.0.1 ()\tPorts: 99999999999999999999/open/tcp//ssh///'
}

gen_gnmap_trailing_comma() {
	gnmap_line 'Host: 127.0.0.1 ()\tPorts: 22/open/tcp//ssh///, '
}

services() {
	printf 'http\t80/tcp\t0.484143\t# World Wide Web HTTP\n%b\n' "$1"
}

gen_services_inf() { services 'ssh\t22/tcp\tinf'; }
gen_services_negative() { services 'ssh\t22/tcp\t-0.182286'; }
gen_services_above_one() { services 'ssh\t22/tcp\t1.5'; }
gen_services_exponent() { services 'ssh\t22/tcp\t1e-3'; }
gen_services_hexfloat() { services 'ssh\t22/tcp\t0x1p-2'; }
gen_services_no_freq() { services 'ssh\t22/tcp'; }
gen_services_no_port() { services 'ssh'; }
gen_services_port_minus() { services 'ssh\t-1/tcp\t0.1'; }
gen_services_port_plus() { services 'ssh\t+22/tcp\t0.1'; }
gen_services_port_huge() { services 'ssh\t99999999999999999999/tcp\t0.1'; }
gen_services_proto() { services 'ssh\t22/icmp\t0.1'; }

gen_services_long() {
	printf 'a\t1/tcp\t0.5\t# '
	head -c 4194400 /dev/zero | tr '\0' x
	printf '\n'
}

SS_HEAD='Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process'

# Zone ids, and process names with spaces, commas, parentheses, quotes
# and a newline (ss prints the kernel comm as it is).
gen_ss_names() {
	printf '%s\n' "$SS_HEAD"
	printf 'udp   UNCONN 0 0 [fe80::1]%%eth0:123 [::]:* users:(("a b,(c)",pid=1,fd=3),("x\\"y",pid=2,fd=4))\n'
	printf 'tcp   LISTEN 0 4096 0.0.0.0%%lo:53 0.0.0.0:* users:(("two\nlines",pid=3,fd=5))\n'
	printf 'tcp   LISTEN 0 4096 [::1]:631 [::]:*\n'
}

# A unix socket path holding a newline: skipped whole, never misread.
gen_ss_unix_newline() {
	printf '%s\n' "$SS_HEAD"
	printf 'u_str LISTEN 0 5 /tmp/a\n127.0.0.1:22 1234 * 0 users:(("evil",pid=9,fd=3))\n'
	printf 'tcp   LISTEN 0 128 127.0.0.1:2299 0.0.0.0:*\n'
}

gen_ss_bad_port() {
	printf '%s\n' "$SS_HEAD"
	printf 'tcp   LISTEN 0 128 127.0.0.1:70000 0.0.0.0:*\n'
}

gen_ss_cut_users() {
	printf '%s\n' "$SS_HEAD"
	printf 'tcp   LISTEN 0 128 127.0.0.1:22 0.0.0.0:* users:(("sshd",pid=1,fd=3)\n'
}

# lsof escapes a space as \x20 and control characters as \n, \t ...
gen_lsof_escapes() {
	printf 'COMMAND     PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\n'
	printf 'a\\x20b\\nc  1234 root    3u  IPv4 162465      0t0  TCP 127.0.0.1:2222 (LISTEN)\n'
	printf 'x\\x1b[31m 1235 root    4u  IPv6 162466      0t0  UDP [::1]:53\n'
}

# Port 0 in an extraports list (the reader refuses <port portid="0">).
gen_extraports_port0() {
	xml_head
	printf '<nmaprun scanner="nmap"><host><status state="up"/><address '
	printf 'addr="127.0.0.1" addrtype="ipv4"/><ports><extraports '
	printf 'state="closed" count="2"><extrareasons reason="reset" count="2" '
	printf 'proto="tcp" ports="0,7"/></extraports></ports></host></nmaprun>\n'
}

# pdiff_*: a.gnmap or a.xml, the real scan, against stdout: the scan
# with a hostname, a version and a script-free service
# carrying terminal escapes and a forged report line (issue 19, item 1).
gen_pdiff_escapes() {
	cp "$T/mixed-sSU.gnmap" a.gnmap
	sed -e 's|^Host: 127.0.0.77 ()|Host: 127.0.0.77 (x\x1b[31mred\x1b]0;title\x07)|' \
	    -e 's|2201/open/tcp//ats///|2201/open/tcp//ssh//OpenSSH\x1b[2J 9\x9b1m/|' \
	    "$T/mixed-sSU.gnmap"
}

# The XML scan with a newline in a hostname is a valid character
# reference, and must not start a line of its own in the report.
gen_pdiff_newline() {
	cp "$T/mixed-sSU.xml" a.xml
	sed -e 's|<hostnames>|<hostnames><hostname name="a\&#10;+10.6.6.6: new host, up" type="PTR"/>|' \
	    "$T/mixed-sSU.xml"
}

gen_pdiff_escapes_text() { gen_pdiff_escapes; }
gen_pdiff_escapes_ndiff() { gen_pdiff_escapes; }
gen_pdiff_escapes_xml() { gen_pdiff_escapes; }
gen_pdiff_newline_text() { gen_pdiff_newline; }
gen_pdiff_newline_ndiff() { gen_pdiff_newline; }

# An ss line cut inside users:(( followed by a redis line: the redis
# line is a record of its own, not the rest of sshd's name (issue 19,
# item 4).
gen_ss_cut_swallow() {
	printf '%s\n' "$SS_HEAD"
	printf 'tcp   LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=1\n'
	printf 'tcp   LISTEN 0 128 0.0.0.0:6379 0.0.0.0:* users:(("redis-server",pid=9,fd=6))\n'
}

# A 19-digit pid and a negative fd: bad lines, not a truncated file.
gen_ss_big_pid() {
	printf '%s\n' "$SS_HEAD"
	printf 'tcp   LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=1234567890123456789,fd=3))\n'
	printf 'tcp   LISTEN 0 128 0.0.0.0:23 0.0.0.0:* users:(("telnetd",pid=12,fd=-1))\n'
}

# A socket shared by 5,000 processes (item 5): read in linear time.
gen_ss_many_procs() {
	printf '%s\n' "$SS_HEAD"
	printf 'tcp   LISTEN 0 128 0.0.0.0:80 0.0.0.0:* users:('
	awk 'BEGIN { for (i = 1; i <= 5000; i++)
	    printf "%s(\"nginx\",pid=%d,fd=6)", (i > 1 ? "," : ""), i; print ")" }'
}

# A unix path that never ends: 300 lines of 8 KB joined to one record
# (item 3); stops at 1 MiB of joined text.
gen_ss_join_bomb() {
	printf '%s\n' "$SS_HEAD"
	printf 'u_str LISTEN 0 5 /tmp/a\n'
	awk 'BEGIN { s = "x"; while (length(s) < 8192) s = s s
	    for (i = 0; i < 300; i++) print s }'
}

# pnonstd --map: a pattern that backtracks past PCRE2's match limit on
# a long process name is an error naming both (issue 19, item 8); a
# service list of only commas is an error too (item 13).
gen_map_match_limit() {
	printf '^(a|aa)+$\tssh\n' >bt.map
	printf 'COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME\n'
	printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab 1 root 3u IPv4 1 0t0 TCP *:22 (LISTEN)\n'
}

gen_map_commas() {
	printf 'sshd\t,,,\n'
}

# One grepable line listing port 22 100,000 times: three warnings and a
# count, at the port's own line (issue 19, item 12).
gen_dup_flood() {
	printf '# Nmap 7.93 scan initiated Mon Nov 23 20:17:03 2026 as: nmap -oG - 127.0.0.1\n'
	printf 'Host: 127.0.0.1 ()\tStatus: Up\n'
	printf 'Host: 127.0.0.1 ()\tPorts: '
	awk 'BEGIN { for (i = 0; i < 100000; i++)
	    printf "%s22/open/tcp//ssh///", (i > 0 ? ", " : "") }'
	printf '\n# Nmap done at Mon Nov 23 20:17:45 2026 -- 1 IP address (1 host up) scanned in 0.10 seconds\n'
}

# A 20-digit port is a bad number, not an unknown port name (item 14).
gen_ss_port_20_digits() {
	printf '%s\n' "$SS_HEAD"
	printf 'tcp   LISTEN 0 128 0.0.0.0:12345678901234567890 0.0.0.0:*\n'
}

# ptop --merge counts files (issue 19, item 6): every field checked, its
# range and its agreement with the file's hosts line.
counts_head() {
	printf '# ptop counts 1\tby=port\tstates=open\n'
}

gen_counts_huge() {
	counts_head
	printf 'hosts\t99999999999999999999\n'
}

gen_counts_share() {
	counts_head
	printf 'hosts\t1\naddr\t10.0.0.1\nkey\t22/tcp\t100\n'
}

gen_counts_key() {
	counts_head
	printf 'hosts\t1\naddr\t10.0.0.1\nkey\tnot-a-port\t1\n'
}

gen_counts_twice() {
	counts_head
	printf 'hosts\t2\naddr\t10.0.0.1\naddr\t10.0.0.2\nkey\t22/tcp\t1\nkey\t22/tcp\t1\n'
}

gen_counts_addr() {
	counts_head
	printf 'hosts\t2\naddr\t10.0.0.1\naddr\t10.0.0.1\n'
}

gen_counts_ctrl() {
	counts_head
	printf 'hosts\t1\naddr\t10.0.0.1\033[2J\n'
}

# Port lists every tool must judge the same way (issue 19, items 10 and
# 11): a range past 65535, a reversed range, an icmp list, and a count
# that disagrees with its list; each is warned of and ignored.
ep_host() {
	xml_head
	printf '<nmaprun scanner="nmap"><host><status state="up"/><address '
	printf 'addr="127.0.0.1" addrtype="ipv4"/><ports><extraports '
	printf 'state="closed" count="%s"><extrareasons reason="reset" ' "$1"
	printf 'count="%s" proto="%s" ports="%s"/></extraports></ports>' \
	    "$1" "$2" "$3"
	printf '</host></nmaprun>\n'
}
gen_ep_past() { ep_host 3 tcp 65534-65536; }
gen_ep_reversed() { ep_host 3 tcp 9-7; }
gen_ep_icmp() { ep_host 2 icmp 1-2; }
gen_ep_count() { ep_host 5 tcp 1-3; }

# A scaninfo whose services list does not parse, and one whose list
# disagrees with numservices: warned of and not used (item 11).
gen_scaninfo_bad() {
	xml_head
	printf '<nmaprun scanner="nmap"><scaninfo type="syn" protocol="tcp" '
	printf 'numservices="3" services="1-2,x"/>'
	one_host
	printf '</nmaprun>\n'
}
gen_scaninfo_count() {
	xml_head
	printf '<nmaprun scanner="nmap"><scaninfo type="syn" protocol="tcp" '
	printf 'numservices="1000" services="1-3"/>'
	one_host
	printf '</nmaprun>\n'
}

# pfirewall --listening (issue 19, item 2): a listing that repeats one
# listener 20,000 times keeps one socket; one that names more listeners
# than a host has fails with a limit instead of growing.
gen_listen_dups() {
	cp "$T/lo-A.xml" lo.xml
	printf 'COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME\n'
	awk 'BEGIN { for (i = 0; i < 20000; i++)
	    printf "sshd %d root 3u IPv4 1 0t0 TCP *:2299 (LISTEN)\n", 100 + i }'
}
gen_listen_flood() {
	cp "$T/lo-A.xml" lo.xml
	printf 'COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME\n'
	awk 'BEGIN { for (a = 1; a <= 5; a++) for (p = 1; p <= 65535; p++)
	    printf "x 1 root 3u IPv4 1 0t0 TCP 127.0.0.%d:%d (LISTEN)\n", a, p }'
}

# pcat --match: a pattern past PCRE2's match limit stops the run (item 9).
gen_match_limit() {
	xml_head
	printf '<nmaprun scanner="nmap"><host><status state="up"/><address '
	printf 'addr="127.0.0.1" addrtype="ipv4"/><ports><port protocol="tcp" '
	printf 'portid="22"><state state="open"/><service name="%s"/></port>' \
	    aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
	printf '</ports></host></nmaprun>\n'
}

# pcat --scripts (issue 15): script tables nested past max_depth fail
# like any element; a script of 200,000 elems is kept within the host
# limit; masscan JSON nested past its cap, cut, or on an overlong line.
script_open() {
	xml_head
	printf '<nmaprun scanner="nmap"><host><status state="up"/><address '
	printf 'addr="127.0.0.1" addrtype="ipv4"/><ports><port protocol="tcp" '
	printf 'portid="443"><state state="open"/><script id="t" output="o">'
}
script_close() {
	printf '</script></port></ports></host></nmaprun>\n'
}
gen_script_deep() {
	script_open
	awk 'BEGIN { for (i = 0; i < 1000; i++) printf "<table key=\"k\">" }'
	awk 'BEGIN { for (i = 0; i < 1000; i++) printf "</table>" }'
	script_close
}
gen_script_elems() {
	script_open
	awk 'BEGIN { for (i = 0; i < 200000; i++)
	    printf "<elem key=\"k%d\">v</elem>\n", i }'
	script_close
}
gen_json_deep() {
	printf '[\n{"ip": "10.0.0.1", "ports": '
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "[" }'
	printf '\n]\n'
}
gen_json_cut() {
	printf '[\n{"ip": "10.0.0.1", "ports": [ {"port": 22, "proto": "tcp", '
	printf '"status": "open"} ] }\n,\n{"ip": "10.0.0.1", "ports": [ {"p'
}
gen_json_long() {
	printf '{"ip": "10.0.0.1", "ports": [], "x": "'
	head -c 5000000 /dev/zero | tr '\0' A
	printf '"}\n'
}
# The port table (--port-table): a NUL byte, a line per port/proto of
# all three protocols, a service name with terminal escapes.
gen_ports_nul() {
	cp "$T/lo-A.xml" lo.xml
	printf '22/tcp\tcore\0\tssh\n'
}
gen_ports_flood() {
	cp "$T/lo-A.xml" lo.xml
	awk 'BEGIN { for (p = 0; p <= 65535; p++)
	    printf "%d/tcp\tx\n%d/udp\ty\n%d/sctp\tz\tz%d\n", p, p, p, p }'
}
gen_ports_ctrl() {
	cp "$T/lo-A.xml" lo.xml
	printf '2299/tcp\tcore\t\033[2J\n'
}
# nmap 7.94's forbidden character references (issue 2657): every kind XML
# 1.0 forbids, in a thousand service names, next to allowed ones; one
# warning, every port kept.
gen_charref_many() {
	xml_head
	printf '<nmaprun scanner="nmap"><host><status state="up"/><address '
	printf 'addr="127.0.0.1" addrtype="ipv4"/><ports>'
	awk 'BEGIN { split("&#x1b; &#0; &#xB; &#x1F; &#xd800; &#xDFFF; " \
	    "&#xFFFE; &#xffff; &#x110000; &#99999999999; &#8; &#x0001b;",
	    r, " ")
	    for (i = 1; i <= 1000; i++)
		printf "<port protocol=\"tcp\" portid=\"%d\"><state " \
		    "state=\"open\"/><service name=\"a%s&#xa;&#233;b\"/>" \
		    "</port>\n", i, r[(i % 12) + 1] }'
	printf '</ports></host></nmaprun>\n'
}

# Outside an attribute value it stays an error.
gen_charref_text() {
	xml_head
	printf '<nmaprun scanner="nmap"><host><status state="up"/><address '
	printf 'addr="127.0.0.1" addrtype="ipv4"/><ports><port protocol="tcp" '
	printf 'portid="22"><state state="open"/><service name="ssh"/><script '
	printf 'id="x" output="y"><elem key="k">a&#x1b;b</elem></script>'
	printf '</port></ports></host></nmaprun>\n'
}

# Longer than the guard looks (leading zeros): libxml2's error stands.
gen_charref_long() {
	xml_head
	printf '<nmaprun scanner="nmap"><host><status state="up"/><address '
	printf 'addr="127.0.0.1" addrtype="ipv4"/><ports><port protocol="tcp" '
	printf 'portid="22"><state state="open"/><service '
	printf 'name="a&#x000000000000000000000001b;"/></port></ports></host>'
	printf '</nmaprun>\n'
}

# A reference that is not one (no digits): libxml2's error stands.
gen_charref_empty() {
	xml_head
	printf '<nmaprun scanner="nmap"><host><status state="up"/><address '
	printf 'addr="127.0.0.1" addrtype="ipv4"/><ports><port protocol="tcp" '
	printf 'portid="22"><state state="open"/><service name="a&#x;"/>'
	printf '</port></ports></host></nmaprun>\n'
}

# A file cut inside a forbidden reference: truncated, the host before kept.
gen_charref_cut() {
	xml_head
	printf '<nmaprun scanner="nmap">'
	one_host
	printf '<host><status state="up"/><address addr="127.0.0.2" '
	printf 'addrtype="ipv4"/><ports><port protocol="tcp" portid="22">'
	printf '<state state="open"/><service name="a&#x1'
}
# Nmap normal output (-oN) and host:port lists.
NORMAL_HEAD='# Nmap 7.93 scan initiated Mon Nov 23 20:22:48 2026 as: nmap -oN x 10.0.0.1'
NORMAL_TAIL='# Nmap done at Mon Nov 23 20:22:50 2026 -- 1 IP address (1 host up) scanned in 1.31 seconds'
normal_host() {
	printf '%s\nNmap scan report for 10.0.0.1\nHost is up.\n\n' "$NORMAL_HEAD"
	printf 'PORT      STATE SERVICE\n%b\n\n%s\n' "$1" "$NORMAL_TAIL"
}
gen_normal_port() { normal_host '99999/tcp open  ssh'; }
gen_normal_nul() { normal_host '22/tcp    open  s\0sh'; }
gen_normal_cut() { normal_host '22/tcp    open  ssh' | head -c 150; }
# A port table of every port, then a script of 100,000 lines.
gen_normal_many() {
	printf '%s\nNmap scan report for 10.0.0.1\nHost is up.\n\n' "$NORMAL_HEAD"
	printf 'PORT      STATE SERVICE\n'
	awk 'BEGIN { for (i = 1; i <= 65535; i++)
		printf "%-9s open  x\n", i "/tcp" }'
	printf '| banner: x\n'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "|   line %d\n", i }'
	printf '|_end\n\n%s\n' "$NORMAL_TAIL"
}
gen_normal_overlong() {
	normal_host "22/tcp    open  ssh\n| x: $(head -c 4200000 /dev/zero |
	    tr '\0' a)\n|_end"
}
gen_hostport_bad_port() { printf '10.0.0.1:22\n10.0.0.1:99999999999\n'; }
gen_hostport_overlong() {
	printf '10.0.0.1:22\n'
	head -c 4200000 /dev/zero | tr '\0' 1
	printf ':22\n'
}
gen_hostport_many() {
	awk 'BEGIN { for (i = 1; i <= 65535; i++) printf "[::1]:%d\n", i }'
}

# netstat: a note that never closes swallows one more line, not the rest.
gen_netstat_note() {
	printf '(Not all processes could be identified, and no end\n'
	printf 'Active Internet connections (only servers)\n'
	printf 'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name\n'
	printf 'tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      812/sshd\n'
}

# netstat: thousands of cut addresses, each reported and skipped.
gen_netstat_cut() {
	printf 'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name\n'
	awk 'BEGIN { for (i = 0; i < 3000; i++)
	    printf "tcp6       0      0 fd77:aaaa:bbbb:cccc::22 :::*                    LISTEN      %d/x\n", i + 1 }'
	printf 'tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      812/sshd\n'
}
