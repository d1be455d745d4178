# Scan and dumps together, with a missing file in between: the others are still checked, exit 2.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
cd "$D" && P -o tsv -H scan-sV.xml /nonexistent/ss.txt lsof-iPn.txt
