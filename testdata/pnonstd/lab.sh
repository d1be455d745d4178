#!/bin/sh
# lab.sh up|down: the namespace pnonstd's fixtures were recorded in.
#   pk-pnonstd: eth0 10.78.6.2/24 fd78:6::2/64 fe80::78:2/64, reached from
#   the root namespace over the veth pnv-pnonstd (10.78.6.1, fd78:6::1).
# The listeners (listener.py COMM PROTO ADDR PORT REPLY [DEV] [UNIXPATH])
# are listed below; "down" kills every process in the namespace.
set -eu
NS=pk-pnonstd
HERE=$(cd "$(dirname "$0")" && pwd)
L="/usr/bin/python3 $HERE/listener.py"

down() {
	if [ -e /run/netns/$NS ]; then
		for pid in $(ip netns pids $NS); do kill "$pid" 2>/dev/null || :; done
		sleep 0.3
		ip netns del $NS
	fi
	ip link del pnv-pnonstd 2>/dev/null || :
}

run() { ip netns exec $NS "$@" >/dev/null 2>&1 & }

up() {
	down
	ip netns add $NS
	ip -n $NS link set lo up
	ip link add pnv-pnonstd type veth peer name pnv-pnonstd-p
	ip link set pnv-pnonstd-p netns $NS
	ip -n $NS link set pnv-pnonstd-p name eth0
	ip -n $NS addr add 10.78.6.2/24 dev eth0
	ip -n $NS addr add fd78:6::2/64 dev eth0 nodad
	ip -n $NS addr add fe80::78:2/64 dev eth0 nodad
	ip -n $NS link set eth0 up
	ip addr add 10.78.6.1/24 dev pnv-pnonstd
	ip addr add fd78:6::1/64 dev pnv-pnonstd nodad
	ip link set pnv-pnonstd up
	V6ONLY=1 run $L sshd tcp :: 22 ssh
	run $L sshd tcp 0.0.0.0 2222 ssh
	run $L nginx tcp 0.0.0.0 80 http
	run $L nginx tcp 0.0.0.0 8888 http
	run $L redis-server tcp 127.0.0.1 6379 redis
	run $L redis-server tcp 0.0.0.0 6380 redis
	run $L lighttpd tcp 10.78.6.2 22 http
	run $L mysqld tcp ::1 3306 silent
	run $L mongod tcp :: 27017 silent
	run $L named udp 0.0.0.0 53 echo lo
	run $L ntpd udp fe80::78:2%eth0 123 echo
	run $L 'my app, (v2)' tcp 0.0.0.0 9000 http
	run $L 'nl\nd' tcp 127.0.0.1 9001 silent '' '/tmp/pnonstd\nsock'
	sleep 1
	# An established connection for ss -tunap and lsof.
	ip netns exec $NS sh -c 'sleep 3600 | socat - TCP:127.0.0.1:9001' \
	    >/dev/null 2>&1 &
	sleep 0.5
}

case ${1:-} in
up) up ;;
down) down ;;
*) echo "usage: lab.sh up|down" >&2; exit 2 ;;
esac
