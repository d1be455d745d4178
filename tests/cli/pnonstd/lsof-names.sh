# lsof -i without -P/-n: service and host names.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
cd "$D" && P --netdb --unknown -o tsv -H lsof-i.txt
