# An interrupted scan: its complete hosts are reported, the summary says
# it was cut short, and the exit status is 3.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
cd "$TESTDATA" && preport -o md --services /usr/share/nmap/nmap-services \
    --tables "$TOP/data" interrupted-sS.xml | sed -n '1,/^## Top ports/p'
