# A dump cut inside a process name: complete sockets are checked, exit 3.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
sed "/users:((\"nl\$/q" "$D/ss-tulnp.txt" >ss.txt
P -o tsv -H ss.txt
