# The same scans from their grepable files: the same kinds, the down
# host from its "Status: Down" line.
ln -s "$TESTDATA/pfirewall" d
pfirewall -o tsv -H --hosts d/fk-sS.gnmap d/fk-sA.gnmap | cut -f1-3
