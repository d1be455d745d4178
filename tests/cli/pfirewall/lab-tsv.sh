ln -s "$TESTDATA/pfirewall" d
pfirewall -o tsv -H d/fw-sS.xml d/fw-sA.xml
