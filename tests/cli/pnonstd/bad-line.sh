# A bad line in a dump is reported with its number and skipped; exit 2.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
sed "3s/.*/tcp LISTEN 0 16 0.0.0.0:99999 0.0.0.0:*/" "$D/ss-tulnp.txt" >ss.txt
P -o tsv -H ss.txt
