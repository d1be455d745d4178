# The lab's ss dumps taken inside the namespace.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
cd "$TESTDATA" && P --unknown -o tsv -H ss-tulnp.txt ss-Htulnp.txt ss-tunap.txt
