# A --map pattern that does not compile names the file, line and column.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
printf "# mine\n^(sshd\tssh\n" >bad.map
P --map bad.map "$D/ss-tulnp.txt"
