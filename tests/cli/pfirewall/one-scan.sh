ln -s "$TESTDATA/pfirewall" d
pfirewall d/fw-sS.xml
