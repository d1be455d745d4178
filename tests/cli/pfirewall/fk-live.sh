# Live: build the fwkinds lab, scan it, and check the kinds and classes
# the recorded fk-* fixtures show (their golden tests keep make check
# independent of the lab).  10.77.14.4 is nobody: down in both scans.
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root"; exit 77; }
for t in nmap ip iptables nft ss lsof flock; do
	command -v $t >/dev/null 2>&1 || { echo "SKIP: needs $t"; exit 77; }
done
LAB=$TOP/tests/lab/lab.sh
PORTS=22,80,443,8000,8081,9000

exec 9>/run/lock/portkit-pfirewall-fk-live.lock
flock -w 300 9 || { echo "SKIP: lab lock busy for 300 s"; exit 77; }
if bash "$LAB" list | grep -qx fwkinds; then
	echo "SKIP: the fwkinds lab is in use"
	exit 77
fi
trap 'bash "$LAB" down fwkinds >/dev/null 2>&1' EXIT
trap 'exit 130' INT TERM
bash "$LAB" up fwkinds >lab.out 2>&1 || { cat lab.out >&2; exit 2; }
bash "$LAB" check 10.77.14.2 10.77.14.3 10.77.14.4 || exit 2
for s in S A; do
	nmap -v -n -s$s -T4 --max-retries 1 --reason -p $PORTS -oX s$s.xml \
	    10.77.14.2-4 >/dev/null 2>nmap.err || { cat nmap.err >&2; exit 2; }
done
ip netns exec pk-fk-nosyn lsof -i -P -n >lsof.txt || exit 2
pfirewall -H -o tsv --hosts sS.xml sA.xml >hosts.tsv
echo "pfirewall exit $?"
cut -f1-3 hosts.tsv
pfirewall -H -o tsv --listening lsof.txt sS.xml | cut -f1-4,7-9
