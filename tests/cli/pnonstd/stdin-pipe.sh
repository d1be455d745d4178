# Standard input through a pipe (no seeking back): a gzip-compressed ss dump, then a scan.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
gzip -c "$D/ss-tulnp.txt" | P -o tsv -H -
cat "$D/scan-sV.gnmap" | P -o tsv -H -
