#!/bin/sh
# record.sh: record the pdiff before/after pairs on loopback addresses
# 127.0.0.77 and 127.0.0.78 (nothing else is scanned).  Run as root from
# testdata/pdiff/.  Writes local-before.*, local-after.*, local-narrow.*
# (-sV) and scripts-before.*, scripts-after.* (-sC -sV) with their .cmd.
set -eu
cd "$(dirname "$0")"
PY=/usr/bin/python3
PIDS=
CERT=$(mktemp)
trap 'for p in $PIDS; do kill $p 2>/dev/null || true; done; rm -f "$CERT"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=pdiff.test -days 3650 \
    -keyout "$CERT" -out "$CERT.crt" 2>/dev/null
cat "$CERT.crt" >>"$CERT"; rm -f "$CERT.crt"
export PDIFF_CERT=$CERT

l() { $PY listen.py "$@" & PIDS="$PIDS $!"; }
stop() { for p in $PIDS; do kill $p 2>/dev/null || true; done; PIDS=; sleep 1; }

scan() {	# scan NAME NMAP-ARGS...
	name=$1; shift
	sleep 1
	echo "nmap $* -oA $name 127.0.0.77 127.0.0.78" >"$name.cmd"
	nmap "$@" -oA "$name" 127.0.0.77 127.0.0.78 >/dev/null
}

PORTS=-p2190-2230,7990-8030
# Before: ssh on 2201, Apache 2.4.57 on 8001, plain http on 8002, a banner
# on 8003; the second address has one web server.
l 127.0.0.77 2201 banner 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u2'
l 127.0.0.77 8001 http 'Apache/2.4.57 (Debian)'
l 127.0.0.77 8002 http 'nginx/1.22.1'
l 127.0.0.77 8003 banner 'SSH-2.0-OpenSSH_8.4p1 Debian-5+deb11u1'
l 127.0.0.78 8001 http 'nginx/1.22.1'
scan local-before -sV $PORTS
scan scripts-before -sC -sV -p2201,8001,8002
stop
# After: ssh unchanged, Apache upgraded, 8002 now behind TLS, 8003 closed,
# 8004 opened; the second address also opens 2201.
l 127.0.0.77 2201 banner 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u2'
l 127.0.0.77 8001 http 'Apache/2.4.58 (Debian)'
l 127.0.0.77 8002 https 'nginx/1.22.1'
l 127.0.0.77 8004 http 'nginx/1.22.1'
l 127.0.0.78 8001 http 'nginx/1.22.1'
l 127.0.0.78 2201 banner 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u2'
scan local-after -sV $PORTS
scan local-narrow -sV -p7990-8030
scan scripts-after -sC -sV -p2201,8001,8002
stop
