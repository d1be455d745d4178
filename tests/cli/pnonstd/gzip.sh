# Dumps and scans may be gzip-compressed.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
gzip -c "$D/ss-tulnp.txt" >ss.txt.gz
gzip -c "$D/scan-sV.xml" >scan.xml.gz
P -o tsv -H ss.txt.gz scan.xml.gz
