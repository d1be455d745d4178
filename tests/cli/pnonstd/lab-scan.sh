# The lab's nonstd -sV scans (IPv4 and IPv6): ssh on 2222, http on 8888 and 22, redis on 6380, ssh on 80, ssl/http on 8443.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
cd "$TESTDATA" && P -o tsv nonstd-sV.xml nonstd6-sV.xml
