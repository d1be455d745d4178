# Chromium renders the lab report: every section is in the DOM, the style
# sheet is allowed by its hash (no CSP message), nothing else is there.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
(cd "$TESTDATA" && preport --services /usr/share/nmap/nmap-services \
    --tables "$TOP/data" --since multi-sS.xml multi-sS-later.xml \
    fw-stateful-sS.xml fw-stateful-sA.xml nonstd-sV.xml localhost-sC.xml) \
    >lab.html || exit 2
python3 "$TOP/tests/cli/preport/dom_check.py" lab.html
