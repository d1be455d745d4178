# ss -ltn has no process column: each listener is judged by its port alone (the port table), and pnonstd says once that the names are missing and how to get them.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
cd "$D" && P ss-ltn.txt
