# ss -tulpH without -n, names resolved through the system database with --netdb.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
cd "$D" && P --netdb -o tsv -H ss-tulpH.txt
