# --state open keeps only port changes that involve an open port;
# --ignore drops fields.
P=$TESTDATA/pdiff
pdiff --state open "$TESTDATA/multi-sS.xml" "$TESTDATA/multi-sS-later.xml"
echo "exit $?"
pdiff --ignore version,tunnel "$P/local-before.xml" "$P/local-after.xml"
echo "exit $?"
pdiff --ignore state,version,tunnel "$P/local-before.xml" "$P/local-after.xml"
echo "exit $?"
# --ignore-open-filtered: a UDP port that answered once and not the next
# time (the scan with one port's state edited from open to open|filtered).
sed 's|portid="161"><state state="open"|portid="161"><state state="open\|filtered"|' \
    "$TESTDATA/localhost-sU.xml" >flap.xml
pdiff -o tsv "$TESTDATA/localhost-sU.xml" flap.xml
echo "exit $?"
pdiff --ignore-open-filtered "$TESTDATA/localhost-sU.xml" flap.xml
echo "exit $?"
