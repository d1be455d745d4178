# The same run read from its grepable and its XML file is the same scan:
# what grepable output cannot carry (reasons, scan types, the version
# split into product, version and extrainfo) is unknown, never a change.
# Every run in testdata/ with both files prints nothing; an interrupted
# run still exits 3 (truncated input), with nothing to report.
for x in "$TESTDATA"/*.xml "$TESTDATA"/harden/*.xml "$TESTDATA"/pdiff/*.xml; do
	g=${x%.xml}.gnmap
	[ -f "$g" ] || continue
	pdiff "$g" "$x" 2>/dev/null
	echo "${x#"$TESTDATA"/}: exit $?"
done
# A real version change against grepable output: one version change
# between the joined strings, not product/version/extrainfo noise.
pdiff -o tsv "$TESTDATA/pdiff/local-before.gnmap" "$TESTDATA/pdiff/local-after.xml"
echo "exit $?"
