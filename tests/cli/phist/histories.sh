# Histories over real lab scans in any order: the multi lab before and
# after a change (.9 gained 443, .10 lost 8080, .11 went down, which is
# no evidence: its ports stay open), -oG and -oX of one run mixed, gzip
# and standard input, and the filters.
cd "$TESTDATA" || exit 2
phist multi-sS-later.xml multi-sS.gnmap
echo "exit $?"
phist -o tsv multi-sS.xml.gz - <multi-sS-later.gnmap
echo "exit $?"
phist -o jsonl --state closed,filtered multi-sS-later.xml multi-sS.xml
echo "exit $?"
phist -H -o csv -p T:443,8080 multi-sS-later.xml multi-sS.xml
echo "exit $?"
phist --host 10.77.2.10 --host fd77::/16 multi-sS.xml multi-sS-later.xml \
    nonstd6-sV.xml
echo "exit $?"
# A ping scan probes no port; --since drops the scans before it.
phist -o tsv --since 2026-11-23T20:22:50 multi-sS.xml multi-sn.xml \
    multi-sS-later.xml multi-sn-later.xml
echo "exit $?"
