# Live: build the firewall lab (tests/lab/lab.sh), scan it with real
# nmap -sS and -sA (only the lab's own addresses, checked with ip route
# get first), feed pfirewall and print the verdict of every port.  The lab
# is always taken down again by the EXIT trap, on failure too.  Needs
# root; concurrent runs (several make check) wait for each other.
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root"; exit 77; }
for t in nmap ip iptables ip6tables flock; do
	command -v $t >/dev/null 2>&1 || { echo "SKIP: needs $t"; exit 77; }
done
LAB=$TOP/tests/lab/lab.sh
ADDRS="10.77.3.2 10.77.3.3 10.77.3.4"
PORTS=22,80,113,443,8080-8087

exec 9>/run/lock/portkit-pfirewall-lab-live.lock
flock -w 300 9 || { echo "SKIP: lab lock busy for 300 s"; exit 77; }
# Someone else (the lab engineer recording) has the lab up: leave it.
if bash "$LAB" list | grep -qx firewall; then
	echo "SKIP: the firewall lab is in use"
	exit 77
fi
trap 'bash "$LAB" down firewall >/dev/null 2>&1' EXIT
trap 'exit 130' INT TERM
bash "$LAB" up firewall >lab.out 2>&1 || { cat lab.out >&2; exit 2; }
for a in $ADDRS; do
	r=$(ip route get "$a") || exit 2
	case $r in
	*" dev pkb-fw "*) ;;
	*) echo "$a does not route via the lab bridge: $r" >&2; exit 2 ;;
	esac
done
bash "$LAB" check $ADDRS || exit 2
for s in S A; do
	nmap -n -Pn -s$s -T4 --max-retries 1 --host-timeout 30s --reason \
	    -p $PORTS -oX s$s.xml $ADDRS >/dev/null 2>nmap.err ||
	    { cat nmap.err >&2; exit 2; }
done
# Host, port, verdict, SYN state/reason, ACK state/reason: no timing.
pfirewall -e -H -o tsv sA.xml sS.xml >out.tsv
echo "pfirewall exit $?"
cut -f1,3,5-9 out.tsv
pfirewall --hosts sS.xml sA.xml
