# -sC scans (two scripts per port: ndiff 7.93 crashes on them).  Script
# output is compared only with --scripts.
B=$TESTDATA/pdiff/scripts-before.xml A=$TESTDATA/pdiff/scripts-after.xml
pdiff "$B" "$A"
echo "exit $?"
pdiff --scripts "$B" "$A"
echo "exit $?"
pdiff --scripts -o tsv "$B" "$A"
echo "exit $?"
pdiff -o ndiff "$B" "$A"
echo "exit $?"
