# One record per host, several hosts up and down (-v lists down hosts).
pcat --hosts -o tsv -f all "$TESTDATA/multi-sS.xml" | cut -f2-
