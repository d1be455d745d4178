# --strict: alternates (ssh on 2222, http on 8888) become nonstandard.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
cd "$D" && P --strict -o tsv scan-sV.xml
