# ndiff's --xml document.
pdiff -o ndiff-xml "$TESTDATA/pdiff/local-before.xml" "$TESTDATA/pdiff/local-after.xml"
echo
echo "exit $?"
pdiff -o ndiff-xml "$TESTDATA/multi-sn.xml" "$TESTDATA/multi-sn-later.xml"
echo
echo "exit $?"
