# The lab's lsof -i (names) with --netdb.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
cd "$TESTDATA" && P --netdb -o tsv -H lsof-i.txt
