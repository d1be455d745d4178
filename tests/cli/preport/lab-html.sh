# The lab report: every section filled from real scans (changes since the
# multi lab changed, the stateful firewall, the nonstd lab, scripts).
# The style sheet is left out here (csp-hash.sh checks it).
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
cd "$TESTDATA" && preport --services /usr/share/nmap/nmap-services \
    --tables "$TOP/data" --since multi-sS.xml multi-sS-later.xml \
    fw-stateful-sS.xml fw-stateful-sA.xml nonstd-sV.xml localhost-sC.xml |
    sed '/^<style>/,/<\/style>$/d'
