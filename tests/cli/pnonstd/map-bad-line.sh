# A --map line without a tab.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
printf "^sshd ssh\n" >bad.map
P --map bad.map "$D/ss-tulnp.txt"
