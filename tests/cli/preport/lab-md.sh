# The lab report in Markdown.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
cd "$TESTDATA" && preport -o md --services /usr/share/nmap/nmap-services \
    --tables "$TOP/data" --since multi-sS.xml multi-sS-later.xml \
    fw-stateful-sS.xml fw-stateful-sA.xml nonstd-sV.xml localhost-sC.xml
