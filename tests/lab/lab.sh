#!/bin/bash
# lab.sh: network-namespace hosts for recording and live-testing portkit.
#
# Usage (as root):
#   lab.sh up NAME          build lab NAME (runs "down NAME" first)
#   lab.sh down NAME        remove everything lab NAME made; idempotent
#   lab.sh down-all         down every lab
#   lab.sh alter multi      change the multi lab for the "-later" scans:
#                           open 443 on multi-a, close 8080 on multi-b,
#                           take multi-c off the link
#   lab.sh check ADDR...    exit 1 unless every ADDR routes via a lab link
#   lab.sh addrs NAME       print the lab's host addresses, one per line
#   lab.sh list             print the labs that are up
#
# Labs (IPv4 10.77.N.0/24, IPv6 fd77:N::/64, root side is .1 / ::1):
#   local     pk-local, loopback only: tcp 22 ssh, 80 http, 443 https (all
#             dual stack), 631 http and 3306 silent on 127.0.0.1, 8080 socat;
#             udp 53 echo (127.0.0.1), 161 echo, 1900 silent (127.0.0.1);
#             iptables drop udp 5353 and tcp 9999.  Scan it from inside:
#             ip netns exec pk-local nmap ... 127.0.0.1
#   basic     pk-basic 10.77.1.2 fd77:1::2, veth pkv-basic.
#             tcp 21 ftp, 22 ssh, 25 smtp, 80 http, 443 https, 3306 silent,
#             8080 http; udp 53, 161 echo.  iptables: drop tcp 135,139,445
#             and 1500-1599, REJECT icmp-port-unreachable tcp 1433; all else
#             closed.
#   multi     bridge pkb-multi; pk-multi-a .9 (22,80), pk-multi-b .10
#             (22,8080), pk-multi-c .11 (80,443) in 10.77.2.8/29; .8 and
#             .12-.15 unused.
#   firewall  bridge pkb-fw; fw-stateful .2, fw-stateless .3, fw-none .4
#             (namespaces pk-fw-stateful, pk-fw-stateless, pk-fw-none), the
#             rules are in fw_stateful_rules / fw_stateless_rules below and
#             hold for IPv6 (fd77:3::2..4) too, where the stateful host
#             also accepts ICMPv6 neighbour discovery.
#   fwkinds   bridge pkb-fk (10.77.14.0/24, scanned over IPv4): pk-fk-nft
#             .2, a native nftables stateful host with conntrack's default
#             loose pickup (tcp 22 ssh, 80 http; policy drop, new to 22
#             and 443 accepted); pk-fk-nosyn .3, iptables without
#             conntrack (22 ssh, 80 and 8081 http, 8000 http on 10.77.14.3
#             only, 9000 an IPv6-only socat on ::; non-SYN to 80 dropped,
#             SYN to 8081 dropped); .4 is nobody (down in every scan).
#   nonstd    bridge pkb-nonstd; pk-nonstd .2 (ssh 22+2222, http 80+8888,
#             redis 6379+6380, https 8443, http 8000 on fd77:4::2 only,
#             udp 53+5353, tcp 9100 and udp 123 on fe80::77:2%eth0, 631 on
#             127.0.0.1, 5432 on ::1, two established connections),
#             pk-nonstd2 .3 (http on 22, ssh on 80).
#
# Labs are machine-wide: names and addresses are fixed, so "up NAME" while
# someone else uses NAME tears theirs down.  "list" tells which are up.
# State lives in /run/portkit-lab/NAME/ (pids: "NS PROTO PORT PID" lines).
# Every listener runs inside its namespace via "ip netns exec"; down kills
# the recorded pids and any other process left in the lab's namespaces,
# then deletes the namespaces, veths and bridge.
# Exit status: 0 on success, 1 on failure, 2 on a usage error.
set -eu
export LC_ALL=C

STATE=/run/portkit-lab
BIN=$STATE/bin
HERE=$(cd "$(dirname "$0")" && pwd)
RESP=$HERE/responder.py
PY=/usr/bin/python3.11
SSH_BANNER='SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3'
LABS="local basic multi firewall nonstd fwkinds"

die() { echo "lab.sh: $*" >&2; exit 1; }

lab_netns() {
	case $1 in
	local) echo pk-local ;;
	basic) echo pk-basic ;;
	multi) echo pk-multi-a pk-multi-b pk-multi-c ;;
	firewall) echo pk-fw-stateful pk-fw-stateless pk-fw-none ;;
	nonstd) echo pk-nonstd pk-nonstd2 ;;
	fwkinds) echo pk-fk-nft pk-fk-nosyn ;;
	*) return 1 ;;
	esac
}

lab_links() {
	case $1 in
	local) ;;
	basic) echo pkv-basic ;;
	multi) echo pkb-multi pkv-ma pkv-mb pkv-mc ;;
	firewall) echo pkb-fw pkv-fw1 pkv-fw2 pkv-fw3 ;;
	nonstd) echo pkb-nonstd pkv-ns1 pkv-ns2 ;;
	fwkinds) echo pkb-fk pkv-fk1 pkv-fk2 ;;
	esac
}

lab_addrs() {
	case $1 in
	local) ;;
	basic) echo 10.77.1.2 fd77:1::2 ;;
	multi) echo 10.77.2.9 10.77.2.10 10.77.2.11 ;;
	firewall) echo 10.77.3.2 10.77.3.3 10.77.3.4 fd77:3::2 fd77:3::3 \
	    fd77:3::4 ;;
	nonstd) echo 10.77.4.2 10.77.4.3 fd77:4::2 fd77:4::3 ;;
	fwkinds) echo 10.77.14.2 10.77.14.3 ;;
	esac
}

# Namespace with loopback up; ICMP rate limits off so that REJECT and
# closed UDP ports answer every probe.
mkns() {
	ip netns add "$1"
	ip -n "$1" link set lo up
	ip netns exec "$1" sysctl -qw net.ipv4.icmp_ratelimit=0 \
	    net.ipv6.icmp.ratelimit=0
}

# ns_link NS ROOTIF ADDR4 ADDR6: veth from the root side ROOTIF to eth0 in NS.
# MACs are fixed (02:77:0N:00:00:H from 10.77.N.H) so scans show the same ones.
ns_link() {
	local mac
	mac=$(echo "$3" | awk -F. '{ printf "02:77:%02x:00:00:%02x", $3, $4 }')
	ip link add "$2" address "${mac%:00:*}:ff:${mac##*:}" type veth \
	    peer name "$2-p" address "$mac"
	ip link set "$2-p" netns "$1"
	ip -n "$1" link set "$2-p" name eth0
	ip -n "$1" addr add "$3/24" dev eth0
	ip -n "$1" addr add "$4/64" dev eth0 nodad
	ip -n "$1" link set eth0 up
	ip link set "$2" up
}

mkbridge() {
	ip link add "$1" address "$(echo "$2" |
	    awk -F. '{ printf "02:77:%02x:00:00:01", $3 }')" type bridge
	ip addr add "$2/24" dev "$1"
	ip addr add "$3/64" dev "$1" nodad
	ip link set "$1" up
}

# spawn LAB NS PROTO PORT COMM ARGS...: start a listener inside NS under the
# process name COMM (a symlink to python or socat) and record its pid.
spawn() {
	local lab=$1 ns=$2 proto=$3 port=$4 comm=$5
	shift 5
	# 9>&-: a listener must not keep holding the lab lock.
	ip netns exec "$ns" "$BIN/$comm" "$@" </dev/null >/dev/null 2>&1 9>&- &
	echo "$ns $proto $port $!" >>"$STATE/$lab/pids"
}

# tcp LAB NS PORT ADDR MODE [ARG...]: responder.py listener named "python3".
tcp() {
	local lab=$1 ns=$2 port=$3 addr=$4
	shift 4
	spawn "$lab" "$ns" tcp "$port" python3 "$RESP" tcp "$addr" "$port" "$@"
}

# udp LAB NS PORT ADDR [echo|silent]
udp() {
	spawn "$1" "$2" udp "$3" python3 "$RESP" udp "$4" "$3" "${5:-echo}"
}

sshl() {
	spawn "$1" "$2" tcp "$3" sshd "$RESP" tcp "$4" "$3" banner \
	    "$SSH_BANNER"
}

# wait_ready LAB: every recorded port listens, or fail after 10 s.
wait_ready() {
	local ns proto port pid i flag
	while read -r ns proto port pid; do
		flag=-Hltn
		[ "$proto" = udp ] && flag=-Hlun
		for i in $(seq 100); do
			[ -n "$(ip netns exec "$ns" ss $flag "sport = :$port")" ] &&
			    break
			kill -0 "$pid" 2>/dev/null ||
			    die "listener $ns $proto/$port died"
			sleep 0.1
		done
		[ "$i" -lt 100 ] || die "listener $ns $proto/$port not ready"
	done <"$STATE/$1/pids"
}

setup_bin() {
	mkdir -p "$BIN"
	ln -sfn "$PY" "$BIN/python3"
	ln -sfn "$PY" "$BIN/sshd"
	ln -sfn "$PY" "$BIN/redis-server"
	ln -sfn "$PY" "$BIN/http (dev),x"
	ln -sfn /usr/bin/socat "$BIN/socat"
}

mkcert() {
	openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
	    -subj "/CN=$2/O=portkit lab" -keyout "$1/key.pem" \
	    -out "$1/cert.pem" 2>/dev/null
}

# A namespace with only a loopback: scans of 127.0.0.1 and ::1 run inside it
# ("ip netns exec pk-local nmap ...") so nobody else's listeners show up.
up_local() {
	local d=$STATE/local ns=pk-local
	mkns $ns
	mkcert "$d" localhost
	sshl local $ns 22 ::
	tcp local $ns 80 :: http
	tcp local $ns 443 :: https "$d/cert.pem" "$d/key.pem"
	tcp local $ns 631 127.0.0.1 http
	tcp local $ns 3306 127.0.0.1 silent
	spawn local $ns tcp 8080 socat TCP6-LISTEN:8080,ipv6only=0,fork,reuseaddr \
	    SYSTEM:"echo 'HTTP/1.0 200 OK'; echo; echo ok"
	udp local $ns 53 127.0.0.1
	udp local $ns 161 ::
	udp local $ns 1900 127.0.0.1 silent
	for ipt in iptables ip6tables; do
		ip netns exec $ns $ipt -A INPUT -p udp --dport 5353 -j DROP
		ip netns exec $ns $ipt -A INPUT -p tcp --dport 9999 -j DROP
	done
}

up_basic() {
	local d=$STATE/basic ns=pk-basic
	mkns $ns
	ns_link $ns pkv-basic 10.77.1.2 fd77:1::2
	ip addr add 10.77.1.1/24 dev pkv-basic
	ip addr add fd77:1::1/64 dev pkv-basic nodad
	mkcert "$d" basic.lab.portkit.test
	tcp basic $ns 21 :: banner '220 (vsFTPd 3.0.3)'
	sshl basic $ns 22 ::
	tcp basic $ns 25 :: banner '220 basic.lab ESMTP Postfix (Debian/GNU)'
	tcp basic $ns 80 :: http
	tcp basic $ns 443 :: https "$d/cert.pem" "$d/key.pem"
	tcp basic $ns 3306 :: silent
	tcp basic $ns 8080 :: http
	udp basic $ns 53 ::
	udp basic $ns 161 ::
	for ipt in iptables ip6tables; do
		ip netns exec $ns $ipt -A INPUT -p tcp -m multiport \
		    --dports 135,139,445 -j DROP
		ip netns exec $ns $ipt -A INPUT -p tcp --dport 1500:1599 -j DROP
	done
	ip netns exec $ns iptables -A INPUT -p tcp --dport 1433 \
	    -j REJECT --reject-with icmp-port-unreachable
	ip netns exec $ns ip6tables -A INPUT -p tcp --dport 1433 \
	    -j REJECT --reject-with icmp6-port-unreachable
}

up_multi() {
	local h
	mkbridge pkb-multi 10.77.2.1 fd77:2::1
	for h in a:9 b:10 c:11; do
		mkns "pk-multi-${h%:*}"
		ns_link "pk-multi-${h%:*}" "pkv-m${h%:*}" "10.77.2.${h#*:}" \
		    "fd77:2::${h#*:}"
		ip link set "pkv-m${h%:*}" master pkb-multi
	done
	sshl multi pk-multi-a 22 ::
	tcp multi pk-multi-a 80 :: http
	sshl multi pk-multi-b 22 ::
	tcp multi pk-multi-b 8080 :: http
	tcp multi pk-multi-c 80 :: http
	tcp multi pk-multi-c 443 :: silent
}

alter_multi() {
	local ns proto port pid
	[ -d "$STATE/multi" ] || die "lab multi is not up"
	while read -r ns proto port pid; do
		if [ "$ns $port" = "pk-multi-b 8080" ]; then
			kill "$pid" 2>/dev/null || true
		else
			echo "$ns $proto $port $pid"
		fi
	done <"$STATE/multi/pids" >"$STATE/multi/pids.new"
	mv "$STATE/multi/pids.new" "$STATE/multi/pids"
	tcp multi pk-multi-a 443 :: silent
	ip -n pk-multi-c link set eth0 down
	wait_ready multi
	for _ in $(seq 50); do
		ip netns exec pk-multi-b ss -Hltn 'sport = :8080' | grep -q . ||
		    return 0
		sleep 0.1
	done
	die "pk-multi-b still listens on 8080"
}

# Stateful: only NEW SYNs to 22 and 80 get in, 113 answers with a reset.
# IPv6 needs neighbour discovery to reach the host at all: without it the
# scanner's kernel cannot resolve the address and nmap sees the host down
# (or a host-unreach of its own making), so solicitations and
# advertisements pass before conntrack can call them INVALID.
fw_stateful_rules() {
	local ipt=$1 ns=pk-fw-stateful t
	ip netns exec $ns $ipt -A INPUT -i lo -j ACCEPT
	if [ "$ipt" = ip6tables ]; then
		for t in neighbour-solicitation neighbour-advertisement; do
			ip netns exec $ns $ipt -A INPUT -p ipv6-icmp \
			    --icmpv6-type $t -m hl --hl-eq 255 -j ACCEPT
		done
	fi
	ip netns exec $ns $ipt -A INPUT -m conntrack \
	    --ctstate ESTABLISHED,RELATED -j ACCEPT
	ip netns exec $ns $ipt -A INPUT -m conntrack --ctstate INVALID -j DROP
	ip netns exec $ns $ipt -A INPUT -p tcp -m multiport --dports 22,80 \
	    --syn -m conntrack --ctstate NEW -j ACCEPT
	ip netns exec $ns $ipt -A INPUT -p tcp --dport 113 \
	    -j REJECT --reject-with tcp-reset
	ip netns exec $ns $ipt -A INPUT -j DROP
}

# Stateless: no conntrack match anywhere.
fw_stateless_rules() {
	local ipt=$1 ns=pk-fw-stateless unreach=icmp-port-unreachable
	local admin=icmp-admin-prohibited
	if [ "$ipt" = ip6tables ]; then
		unreach=icmp6-port-unreachable
		admin=icmp6-adm-prohibited
	fi
	ip netns exec $ns $ipt -A INPUT -p tcp --dport 8081:8082 --syn -j DROP
	ip netns exec $ns $ipt -A INPUT -p tcp --dport 8083 -j DROP
	ip netns exec $ns $ipt -A INPUT -p tcp --dport 8084 \
	    -j REJECT --reject-with $unreach
	ip netns exec $ns $ipt -A INPUT -p tcp --dport 8085 \
	    -j REJECT --reject-with $admin
	ip netns exec $ns $ipt -A INPUT -p tcp --dport 8086 \
	    -j REJECT --reject-with tcp-reset
}

up_firewall() {
	local h p ipt
	mkbridge pkb-fw 10.77.3.1 fd77:3::1
	for h in stateful:2:1 stateless:3:2 none:4:3; do
		IFS=: read -r name n v <<<"$h"
		mkns "pk-fw-$name"
		ns_link "pk-fw-$name" "pkv-fw$v" "10.77.3.$n" "fd77:3::$n"
		ip link set "pkv-fw$v" master pkb-fw
		sshl firewall "pk-fw-$name" 22 ::
		tcp firewall "pk-fw-$name" 80 :: http
	done
	tcp firewall pk-fw-stateful 8080 :: http
	for p in 8081 8082 8083 8084 8085 8086; do
		tcp firewall pk-fw-stateless $p :: http
	done
	for ipt in iptables ip6tables; do
		fw_stateful_rules $ipt
		fw_stateless_rules $ipt
	done
}

# Evidence that two kinds of filter explain (pfirewall's "ambiguous").
# pk-fk-nft: conntrack picks up a lone ACK to 22 or 443 as new, so the ACK
# scan finds them unfiltered, as a stateless allow-list would.
# pk-fk-nosyn: no conntrack; "! --syn" to 80 dropped looks stateful.
up_fwkinds() {
	local a=pk-fk-nft b=pk-fk-nosyn
	mkbridge pkb-fk 10.77.14.1 fd77:14::1
	mkns $a
	ns_link $a pkv-fk1 10.77.14.2 fd77:14::2
	ip link set pkv-fk1 master pkb-fk
	mkns $b
	ns_link $b pkv-fk2 10.77.14.3 fd77:14::3
	ip link set pkv-fk2 master pkb-fk
	sshl fwkinds $a 22 ::
	tcp fwkinds $a 80 :: http
	ip netns exec $a nft -f - <<'EOF'
table inet filter {
	chain input {
		type filter hook input priority 0; policy drop;
		iif lo accept
		ct state established,related accept
		tcp dport { 22, 443 } ct state new accept
	}
}
EOF
	sshl fwkinds $b 22 ::
	tcp fwkinds $b 80 :: http
	tcp fwkinds $b 8081 :: http
	tcp fwkinds $b 8000 10.77.14.3 http
	spawn fwkinds $b tcp 9000 socat \
	    TCP6-LISTEN:9000,ipv6only=1,fork,reuseaddr SYSTEM:"echo ok"
	ip netns exec $b iptables -A INPUT -p tcp --dport 80 ! --syn -j DROP
	ip netns exec $b iptables -A INPUT -p tcp --dport 8081 --syn -j DROP
}

up_nonstd() {
	local d=$STATE/nonstd a=pk-nonstd b=pk-nonstd2
	mkbridge pkb-nonstd 10.77.4.1 fd77:4::1
	mkns $a
	ns_link $a pkv-ns1 10.77.4.2 fd77:4::2
	ip -n $a addr add fe80::77:2/64 dev eth0 nodad
	ip link set pkv-ns1 master pkb-nonstd
	mkns $b
	ns_link $b pkv-ns2 10.77.4.3 fd77:4::3
	ip link set pkv-ns2 master pkb-nonstd
	mkcert "$d" nonstd.lab.portkit.test
	mkdir -p "$d/www"
	echo '<html><head><title>nonstd lab</title></head></html>' \
	    >"$d/www/index.html"
	sshl nonstd $a 22 ::
	sshl nonstd $a 2222 0.0.0.0
	spawn nonstd $a tcp 80 python3 -m http.server --bind :: \
	    --directory "$d/www" 80
	spawn nonstd $a tcp 8888 "http (dev),x" -m http.server \
	    --bind 0.0.0.0 --directory "$d/www" 8888
	spawn nonstd $a tcp 6379 redis-server "$RESP" tcp 0.0.0.0 6379 redis
	spawn nonstd $a tcp 6380 redis-server "$RESP" tcp :: 6380 redis
	tcp nonstd $a 8443 :: https "$d/cert.pem" "$d/key.pem"
	tcp nonstd $a 8000 fd77:4::2 http
	tcp nonstd $a 631 127.0.0.1 http
	tcp nonstd $a 5432 ::1 silent
	tcp nonstd $a 9100 fe80::77:2%eth0 silent
	spawn nonstd $a udp 53 socat UDP4-RECVFROM:53,fork,reuseaddr \
	    EXEC:/bin/cat
	udp nonstd $a 123 fe80::77:2%eth0
	udp nonstd $a 5353 ::
	spawn nonstd $b tcp 22 python3 -m http.server --bind :: \
	    --directory "$d/www" 22
	sshl nonstd $b 80 ::
	wait_ready nonstd
	# Established connections for "ss -tunap" and lsof dumps.
	spawn nonstd $a tcp 5432 python3 "$RESP" client ::1 5432
	spawn nonstd $a tcp 2222 sshd "$RESP" client 10.77.4.2 2222
}

down_lab() {
	local lab=$1 ns pid l
	if [ -f "$STATE/$lab/pids" ]; then
		while read -r _ _ _ pid; do
			kill "$pid" 2>/dev/null || true
		done <"$STATE/$lab/pids"
	fi
	for ns in $(lab_netns "$lab"); do
		[ -e "/run/netns/$ns" ] || continue
		for pid in $(ip netns pids "$ns"); do
			kill -9 "$pid" 2>/dev/null || true
		done
		ip netns del "$ns"
	done
	for l in $(lab_links "$lab"); do
		ip link del "$l" 2>/dev/null || true
	done
	rm -rf "${STATE:?}/$lab"
}

check_addrs() {
	local a r
	for a in "$@"; do
		r=$(ip route get "$a" 2>/dev/null) || die "no route to $a"
		case $r in
		*" dev pkv-"* | *" dev pkb-"*) ;;
		*) die "$a does not route via a lab link: $r" ;;
		esac
	done
}

# One lab.sh at a time changes the labs.
mkdir -p "$STATE"
exec 9>"$STATE/.lock"
flock 9

cmd=${1:-}
case $cmd in
up)
	[ $# -eq 2 ] && lab_netns "$2" >/dev/null || {
		echo "usage: lab.sh up local|basic|multi|firewall|nonstd|fwkinds" >&2
		exit 2
	}
	down_lab "$2"
	setup_bin
	mkdir -p "$STATE/$2"
	: >"$STATE/$2/pids"
	trap 'rc=$?; [ $rc -eq 0 ] || down_lab "$2"' EXIT
	"up_$2"
	wait_ready "$2"
	check_addrs $(lab_addrs "$2")
	;;
down)
	[ $# -eq 2 ] && lab_netns "$2" >/dev/null || {
		echo "usage: lab.sh down local|basic|multi|firewall|nonstd|fwkinds" >&2
		exit 2
	}
	down_lab "$2"
	;;
down-all)
	for l in $LABS; do
		down_lab "$l"
	done
	rm -rf "$BIN" "$STATE/.lock"
	rmdir "$STATE" 2>/dev/null || true
	;;
alter)
	[ "${2:-}" = multi ] || { echo "usage: lab.sh alter multi" >&2; exit 2; }
	alter_multi
	;;
check)
	shift
	[ $# -gt 0 ] || { echo "usage: lab.sh check ADDR..." >&2; exit 2; }
	check_addrs "$@"
	;;
addrs)
	[ $# -eq 2 ] && lab_netns "$2" >/dev/null || exit 2
	lab_addrs "$2" | tr ' ' '\n'
	;;
list)
	for l in $LABS; do
		[ -d "$STATE/$l" ] && echo "$l"
	done
	exit 0
	;;
*)
	echo "usage: lab.sh up|down NAME | down-all | alter multi |" \
	    "check ADDR... | addrs NAME | list" >&2
	exit 2
	;;
esac
