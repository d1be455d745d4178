# pcat agrees with python3-libnmap, an independent parser, on every real
# Nmap XML scan in testdata: hosts, ports, states and service names.
# Interrupted scans are read by libnmap with incomplete=True; files that
# libnmap cannot read at all (several runs in one file) are named.
PY=/usr/bin/python3
$PY -c 'import libnmap' 2>/dev/null || { echo "SKIP: python3-libnmap missing"; exit 77; }
n=0
for f in "$TESTDATA"/*.xml; do
	grep -q 'scanner="masscan"' "$f" && continue	# libnmap cannot read it
	n=$((n + 1))
	$PY - "$f" > libnmap.txt <<'PYEOF'
import sys
from libnmap.parser import NmapParser
data = open(sys.argv[1], encoding="utf-8").read()
complete = "</nmaprun>" in data
try:
    rep = NmapParser.parse_fromstring(data, incomplete=not complete)
except Exception:
    sys.exit(3)
for h in rep.hosts:
    for p in h.get_ports():
        s = h.get_service(p[0], p[1])
        print("\t".join([h.address, p[1], str(p[0]), s.state, s.service or ""]))
PYEOF
	if [ $? -eq 3 ]; then
		echo "libnmap cannot read ${f##*/}"
		continue
	fi
	pcat -o jsonl -f host,proto,port,state,service "$f" 2>/dev/null |
	    $PY -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print("\t".join([r["host"], r["proto"], str(r["port"]), r["state"], r.get("service", "")]))
' > pcat.txt
	sort libnmap.txt > a
	sort pcat.txt > b
	if ! cmp -s a b; then
		echo "disagree: ${f##*/}"
		diff a b | head -10
	fi
	[ -s a ] || echo "no ports at all: ${f##*/}" >/dev/null
done
[ "$n" -ge 5 ] || echo "only $n XML scans compared"
