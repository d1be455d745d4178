# A scan cut mid-host: complete hosts are checked, exit 3.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
head -n 12 "$D/scan-sV.xml" >scan.xml
P -o tsv -H scan.xml
