# pdiff's own report on the lab's before/after pair and on pdiff's own
# loopback pair (a version bump, a port behind TLS, one closed, one opened).
pdiff "$TESTDATA/multi-sS.xml" "$TESTDATA/multi-sS-later.xml"
echo "exit $?"
pdiff "$TESTDATA/pdiff/local-before.xml" "$TESTDATA/pdiff/local-after.xml"
echo "exit $?"
# Grepable input, the same scans.
pdiff "$TESTDATA/pdiff/local-before.gnmap" "$TESTDATA/pdiff/local-after.gnmap"
echo "exit $?"
