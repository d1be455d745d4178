# One change per record: tsv, csv, jsonl, and tsv without its header.
for o in tsv csv jsonl; do
	pdiff -o $o "$TESTDATA/pdiff/local-before.xml" "$TESTDATA/pdiff/local-after.xml"
	echo "exit $?"
done
pdiff -H -o tsv "$TESTDATA/multi-sS.xml" "$TESTDATA/multi-sS-later.xml"
echo "exit $?"
