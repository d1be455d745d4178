# ss -tulpH without -n: "http" is registered on 80 and 8008 in nmap-services, so it is ambiguous without --netdb; the rest is still checked.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
cd "$D" && P -o tsv -H ss-tulpH.txt
