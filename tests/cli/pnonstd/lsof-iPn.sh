# lsof -i -P -n, COMMAND cut to 9 bytes and escaped.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
cd "$D" && P --unknown -o jsonl lsof-iPn.txt
