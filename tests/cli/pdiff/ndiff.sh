# ndiff's text layout (byte-compatible with ndiff 7.93, see ndiff-peer.sh).
pdiff -o ndiff "$TESTDATA/pdiff/local-before.xml" "$TESTDATA/pdiff/local-after.xml"
echo "exit $?"
pdiff -o ndiff "$TESTDATA/multi-sS.xml" "$TESTDATA/multi-sS-later.xml"
echo "exit $?"
# The TLS tunnel alone is no change for ndiff: nothing printed, but exit
# 1 because pdiff saw the change (the scan with tunnel="ssl" removed).
A=$TESTDATA/pdiff/local-after.xml
sed 's/ tunnel="ssl"//' "$A" >notls.xml
pdiff -o ndiff notls.xml "$A"
echo "exit $?"
pdiff notls.xml "$A"
echo "exit $?"
