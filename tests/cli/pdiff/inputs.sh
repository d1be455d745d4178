# gzip and standard input (for one side), grepable against XML.
pdiff "$TESTDATA/multi-sS.xml.gz" - <"$TESTDATA/multi-sS-later.xml"
echo "exit $?"
pdiff "$TESTDATA/multi-sS.gnmap" "$TESTDATA/multi-sS-later.xml"
echo "exit $?"
