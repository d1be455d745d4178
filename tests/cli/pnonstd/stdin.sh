# - reads standard input, a dump or a scan.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
P -o tsv -H - <"$D/ss-tulnp.txt"
P -o tsv -H - <"$D/scan-sV.xml"
