# ss -tul without -n or -p: mdns is not in nmap-services and http is ambiguous there; without --netdb each such line is an error.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
cd "$TESTDATA" && P --unknown -o tsv -H ss-tul.txt
