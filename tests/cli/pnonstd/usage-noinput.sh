# No input is a usage error.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
P
