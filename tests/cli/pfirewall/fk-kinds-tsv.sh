# The kinds of the fwkinds lab as records: ambiguous, ambiguous, down.
ln -s "$TESTDATA/pfirewall" d
pfirewall -o tsv --hosts d/fk-sA.xml d/fk-sS.xml | cut -f1-3
