# Issue 15: ss -ltn and ss -tuln dumps (no -p) of the lab: redis on 0.0.0.0:6379 and ssh on *:22 are exposed by port; the missing names are said once for both files; exit 1 (found).
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
cd "$TESTDATA" && P -o tsv ss-ltn.txt ss-Htulnp.txt pnonstd/ss-ltn.txt
