#!/bin/bash
# record.sh: recreate every scan fixture in testdata/ from scratch.
#
# Usage (as root, from anywhere): [RECORD_DIR=DIR] tests/lab/record.sh [STEP...]
# RECORD_DIR (default testdata) lets a trial run write elsewhere.
# Steps: local basic multi firewall nonstd masscan gzip netstat (default:
# all, in that order; gzip needs the basic and multi files).  The masscan
# step needs Debian's masscan package (apt-get install masscan), which
# scripts/install-deps.sh leaves out: no test runs masscan itself.
#
# Brings each lab of tests/lab/lab.sh up, runs the scans and dumps, and
# takes the lab down again (also on exit, whatever happens).  Refuses to
# start while any lab is up (RECORD_FORCE=1 overrides).
# Each testdata/NAME.{xml,gnmap,nmap} comes with testdata/NAME.cmd: a
# "# lab:" comment naming the lab setup, then the exact command lines run,
# from the repository root.  Scan output is never edited afterwards.
set -eu
export LC_ALL=C
cd "$(dirname "$0")/../.."
LAB=tests/lab/lab.sh
TD=${RECORD_DIR:-testdata}
mkdir -p "$TD"

# Labs are machine-wide (fixed names): do not take over one that somebody
# else has up, e.g. a live test.  On exit, down only what this run made.
UPPED=
lab_up() {
	UPPED="$UPPED $1"
	$LAB up "$1"
}
cleanup() {
	local l
	for l in $UPPED; do
		$LAB down "$l"
	done
	# Nothing else up: remove the shared state dir too.
	[ -n "$($LAB list)" ] || $LAB down-all
}
trap cleanup EXIT

note() { echo "record: $*" >&2; }

# cmdfile NAME LABNOTE [COMMENT...]: start testdata/NAME.cmd.
cmdfile() {
	local name=$1 lab=$2
	shift 2
	{
		echo "# lab: $lab"
		for c in "$@"; do
			echo "# $c"
		done
	} >"$TD/$name.cmd"
}

# quote ARG...: the words as a shell would need them, single-quoted only
# where a word holds something other than [+=,.:/%_A-Za-z0-9-].
quote() {
	local w out=
	for w in "$@"; do
		case $w in
		*[!+=,.:/%_A-Za-z0-9-]* | '') w="'${w//\'/\'\\\'\'}'" ;;
		esac
		out="$out${out:+ }$w"
	done
	echo "$out"
}

# logcmd NAME CMD...: append the command line to NAME.cmd, then run it.
logcmd() {
	local name=$1
	shift
	quote "$@" >>"$TD/$name.cmd"
	"$@"
}

# scan NAME LABNOTE CMD...: one nmap run with -oA testdata/NAME added.
scan() {
	local name=$1 lab=$2
	shift 2
	note "$name"
	rm -f "$TD/$name".{xml,gnmap,nmap}
	cmdfile "$name" "$lab"
	logcmd "$name" "$@" -oA "$TD/$name" >/dev/null
}

# sigint_after NAME N CMD...: run CMD in the background and send it SIGINT
# once NAME.xml holds N complete hosts, so the cut lands after a </host>.
sigint_after() {
	local name=$1 n=$2 pid i c
	shift 2
	echo "$(quote "$@") &  # SIGINT once $TD/$name.xml has $n </host>" \
	    >>"$TD/$name.cmd"
	"$@" >/dev/null &
	pid=$!
	for i in $(seq 600); do
		c=$(grep -c '</host>' "$TD/$name.xml" 2>/dev/null) || true
		[ "${c:-0}" -ge "$n" ] && break
		sleep 0.05
	done
	kill -INT "$pid"
	wait "$pid" || true
}

in_local() { ip netns exec pk-local "$@"; }

step_local() {
	local L='tests/lab/lab.sh up local; run inside netns pk-local'
	lab_up local
	# -sV with a socat reply nmap cannot name: slow (all probes), so
	# it runs beside the other local scans.
	scan localhost-sV "$L" ip netns exec pk-local \
	    nmap -sV -p 22,80,443,631,8080 127.0.0.1 &
	local bg=$!
	scan localhost-sS "$L" ip netns exec pk-local \
	    nmap -sS -p 1-1024,3306,8080 127.0.0.1
	scan localhost-sC "$L" ip netns exec pk-local \
	    nmap -sV --script default,ipidseq -p 80,443 127.0.0.1
	scan localhost-sU "$L" ip netns exec pk-local \
	    nmap -sU -p 53,123,161,1900,5353 127.0.0.1
	scan localhost-sA "$L" ip netns exec pk-local \
	    nmap -sA -p 1-1024,3306,8080,9999 127.0.0.1
	scan localhost6-sS "$L" ip netns exec pk-local \
	    nmap -6 -sS -p 1-1024,3306,8080 ::1
	wait "$bg"
	$LAB down local
}

step_basic() {
	local L='tests/lab/lab.sh up basic'
	lab_up basic
	$LAB check 10.77.1.2 fd77:1::2
	scan basic-sS "$L" nmap -sS -T4 --max-retries 1 -p 1-2000 10.77.1.2
	scan basic6-sS "$L" nmap -6 -sS -T4 --max-retries 1 -p 1-1100 \
	    fd77:1::2
	scan basic-sSU "$L" nmap -sS -sU -T4 --max-retries 1 \
	    -p T:21,22,80,135,U:53,161,162 10.77.1.2
	scan basic-sV "$L" nmap -sV -T4 -p 21,22,25,80,443,8080 10.77.1.2
	scan basic-O "$L" nmap -O -T4 -p 22,80,81 10.77.1.2
	$LAB down basic
}

# Interrupted and resumed scans of the multi lab.
multi_cuts() {
	local L='tests/lab/lab.sh up multi'
	local S='-v -sS --max-hostgroup 1 --max-rate 100 -p 1-300'

	note interrupted-sS
	rm -f "$TD"/interrupted-sS.*
	cmdfile interrupted-sS "$L"
	sigint_after interrupted-sS 2 nmap $S -oA "$TD/interrupted-sS" \
	    10.77.2.8/29

	note resume1
	rm -f "$TD"/resume1.*
	cmdfile resume1 "$L" "interrupted, then resumed once"
	sigint_after resume1 2 nmap $S -oA "$TD/resume1" 10.77.2.8/29
	logcmd resume1 nmap --resume "$TD/resume1.gnmap" >/dev/null

	# In groups of two, the down .12 is written before the up .11, so
	# the second resume starts again after .11 and rescans .12.
	note resume2
	rm -f "$TD"/resume2.*
	cmdfile resume2 "$L" "interrupted, then resumed twice"
	sigint_after resume2 2 nmap -v -sS --min-hostgroup 2 \
	    --max-hostgroup 2 --max-rate 100 -p 1-150 -oA "$TD/resume2" \
	    10.77.2.9-12
	logcmd resume2 nmap --resume "$TD/resume2.gnmap" >/dev/null
	logcmd resume2 nmap --resume "$TD/resume2.gnmap" >/dev/null

	note append
	rm -f "$TD"/append.*
	cmdfile append "$L" "two runs into the same files"
	logcmd append nmap -sS -p 22,80 -oA "$TD/append" 10.77.2.9 >/dev/null
	logcmd append nmap --append-output -sS -p 22,80 -oA "$TD/append" \
	    10.77.2.10 >/dev/null
}

step_multi() {
	local L='tests/lab/lab.sh up multi'
	lab_up multi
	$LAB check 10.77.2.8 10.77.2.9 10.77.2.15
	scan multi-sS "$L" nmap -v -sS -T4 --max-retries 1 \
	    -p 22,80,443,8080 10.77.2.8/29
	scan multi-sn "$L" nmap -v -sn 10.77.2.8/29
	multi_cuts
	$LAB alter multi
	L='tests/lab/lab.sh up multi; tests/lab/lab.sh alter multi'
	scan multi-sS-later "$L" nmap -v -sS -T4 --max-retries 1 \
	    -p 22,80,443,8080 10.77.2.8/29
	scan multi-sn-later "$L" nmap -v -sn 10.77.2.8/29
	$LAB down multi
}

step_firewall() {
	local L='tests/lab/lab.sh up firewall' h a s p
	local P=22,80,113,443,8080-8086
	lab_up firewall
	$LAB check 10.77.3.2 10.77.3.3 10.77.3.4 fd77:3::2 fd77:3::3 fd77:3::4
	for h in stateful:2 stateless:3 none:4; do
		a=10.77.3.${h#*:}
		for s in sS sA; do
			scan "fw-${h%:*}-$s" "$L" nmap -$s -Pn --reason -T4 \
			    --max-retries 1 -p $P $a
			scan "fw-${h%:*}-$s-1000" "$L" nmap -$s -Pn --reason \
			    -T4 --max-retries 1 -p 1-1000 $a
		done
	done
	for s in sS sA; do
		scan "fw-stateless6-$s" "$L" nmap -6 -$s -Pn --reason -T4 \
		    --max-retries 1 -p $P fd77:3::3
	done
	$LAB down firewall
}

# dump NAME NS CMD...: text dump of CMD run inside NS to testdata/NAME.txt.
dump() {
	local name=$1 ns=$2
	shift 2
	note "$name"
	cmdfile "$name" 'tests/lab/lab.sh up nonstd' \
	    "standard output saved as $TD/$name.txt"
	logcmd "$name" ip netns exec "$ns" "$@" >"$TD/$name.txt"
}

step_nonstd() {
	local L='tests/lab/lab.sh up nonstd'
	lab_up nonstd
	$LAB check 10.77.4.2 10.77.4.3 fd77:4::2 fd77:4::3
	dump ss-tulnp pk-nonstd ss -tulnp
	dump ss-ltn pk-nonstd ss -ltn
	dump ss-Htulnp pk-nonstd ss -Htulnp
	dump ss-tul pk-nonstd ss -tul
	dump ss-tulpn2 pk-nonstd2 ss -tulpn
	dump lsof-iPn pk-nonstd lsof -i -P -n
	dump lsof-i pk-nonstd lsof -i
	scan nonstd-sV "$L" nmap -sV -p 22,80,2222,6379,6380,8443,8888 \
	    10.77.4.2 10.77.4.3
	scan nonstd6-sV "$L" nmap -6 -sV -p 22,80,6380,8000,8443 \
	    fd77:4::2 fd77:4::3
	# After the scans, so TIME-WAIT rows without a process show up too.
	dump ss-tunap pk-nonstd ss -tunap
	$LAB down nonstd
}

step_masscan() {
	local L='tests/lab/lab.sh up basic' f
	local M='masscan -p22,80,443,3306,9999,U:53 --rate 100 --wait 2'
	M="$M --adapter pkv-basic --adapter-ip 10.77.1.1"
	M="$M --adapter-mac 02:77:01:00:ff:02 --router-mac 02:77:01:00:00:02"
	command -v masscan >/dev/null || { note "no masscan, skipped"; return; }
	lab_up basic
	$LAB check 10.77.1.2
	# One format per run; each file has its own NAME.EXT.cmd.
	for f in X:xml G:gnmap J:json L:list D:ndjson; do
		note "masscan-basic.${f#*:}"
		cmdfile "masscan-basic.${f#*:}" "$L"
		logcmd "masscan-basic.${f#*:}" $M -o${f%:*} \
		    "$TD/masscan-basic.${f#*:}" 10.77.1.2 2>/dev/null
	done
	# --banners: masscan's own TCP stack talks from an address the
	# kernel does not own, or the kernel resets its connections.  One
	# binary run (-oB), read back in every format: the same records.
	M='masscan -p21,22,25,80,443,8080 --banners --rate 100 --wait 5'
	M="$M --adapter pkv-basic --adapter-ip 10.77.1.200"
	M="$M --adapter-mac 02:77:01:00:ff:02 --router-mac 02:77:01:00:00:02"
	note masscan-banners.bin
	cmdfile masscan-banners.bin "$L" "--banners needs a source address" \
	    "the kernel does not own (10.77.1.200), so that the kernel does" \
	    "not reset the connections masscan's own stack opens."
	logcmd masscan-banners.bin $M -oB "$TD/masscan-banners.bin" \
	    10.77.1.2 2>/dev/null
	for f in X:xml G:gnmap J:json L:list D:ndjson; do
		note "masscan-banners.${f#*:}"
		cmdfile "masscan-banners.${f#*:}" "$L" \
		    "masscan-banners.bin read back: every format of one run"
		logcmd "masscan-banners.${f#*:}" masscan --readscan \
		    "$TD/masscan-banners.bin" -o${f%:*} \
		    "$TD/masscan-banners.${f#*:}" 2>/dev/null
	done
	$LAB down basic
}

# Compressed copies: basic-sS.xml.gz is one gzip member; multi-sS.xml.gz is
# two members (the file split after line 20) that decompress to the
# same bytes as multi-sS.xml.
step_gzip() {
	note gzip
	cmdfile basic-sS.xml.gz 'none (compressed copy of basic-sS.xml)'
	logcmd basic-sS.xml.gz gzip -kfn "$TD/basic-sS.xml"
	cmdfile multi-sS.xml.gz 'none (two-member gzip of multi-sS.xml)'
	logcmd multi-sS.xml.gz sh -c "head -n 20 $TD/multi-sS.xml | gzip -n \
>$TD/multi-sS.part1.gz && tail -n +21 $TD/multi-sS.xml | gzip -n \
>$TD/multi-sS.part2.gz && cat $TD/multi-sS.part1.gz $TD/multi-sS.part2.gz \
>$TD/multi-sS.xml.gz && rm $TD/multi-sS.part1.gz $TD/multi-sS.part2.gz"
	cmp <(gzip -dc "$TD/multi-sS.xml.gz") "$TD/multi-sS.xml"
}

# ndump NAME LABNOTE NS CMD...: like dump, for the netstat step.
ndump() {
	local name=$1 lab=$2 ns=$3
	shift 3
	note "$name"
	cmdfile "$name" "$lab" "standard output saved as $TD/$name.txt"
	logcmd "$name" ip netns exec "$ns" "$@" >"$TD/$name.txt"
}

# net-tools netstat beside ss of the same moment (NAME-ss.txt is taken
# just before NAME.txt), as root and as nobody, with -e and -o columns,
# and an IPv6 address too long for netstat's 23-column field (own
# namespace pk-netstat, removed again).
step_netstat() {
	local L='tests/lab/lab.sh up nonstd' W
	local A=fd77:aaaa:bbbb:cccc:dddd:eeee:ffff:1
	W="$L; curl -s -o /dev/null http://10.77.4.2/ inside pk-nonstd just"
	W="$W before (a TIME_WAIT row)"
	command -v netstat >/dev/null || { note "no netstat, skipped"; return; }
	lab_up nonstd
	$LAB check 10.77.4.2 fd77:4::2
	ndump netstat-tulpn-ss "$L" pk-nonstd ss -tulnp
	ndump netstat-tulpn "$L" pk-nonstd netstat -tulpn
	ip netns exec pk-nonstd curl -s -o /dev/null http://10.77.4.2/
	ndump netstat-tunap-ss "$W" pk-nonstd ss -tunap
	ndump netstat-tunap "$W" pk-nonstd netstat -tunap
	ndump netstat-tlnp-nobody "$L; standard error too (2>&1)" pk-nonstd \
	    sh -c 'runuser -u nobody -- netstat -tlnp 2>&1'
	ndump netstat-tulpe "$L" pk-nonstd netstat -tulpe
	ndump netstat-tunapeo "$L" pk-nonstd netstat -tunapeo
	$LAB down nonstd
	ip netns del pk-netstat 2>/dev/null || true
	ip netns add pk-netstat
	ip -n pk-netstat link set lo up
	ip -n pk-netstat addr add $A/128 dev lo nodad
	ip netns exec pk-netstat socat TCP6-LISTEN:8443,bind=[$A],fork \
	    /dev/null &
	ip netns exec pk-netstat socat TCP6-LISTEN:22,bind=[$A],fork \
	    /dev/null &
	sleep 1
	L="ip netns add pk-netstat; lo up with $A/128;"
	L="$L socat TCP6-LISTEN:8443 and TCP6-LISTEN:22 bound to it"
	ndump netstat-long-ss "$L" pk-netstat ss -tlnp
	ndump netstat-long "$L" pk-netstat netstat -tlnp
	ndump netstat-long-W "$L" pk-netstat netstat -tlnpW
	ip netns pids pk-netstat | xargs -r kill
	ip netns del pk-netstat
}

steps=${*:-local basic multi firewall nonstd masscan gzip netstat}
if [ -n "$($LAB list)" ] && [ -z "${RECORD_FORCE:-}" ]; then
	echo "record.sh: labs are up ($($LAB list | paste -sd' ')); take them" \
	    "down or set RECORD_FORCE=1" >&2
	trap - EXIT
	exit 1
fi
for s in $steps; do
	"step_$s"
done
note done
