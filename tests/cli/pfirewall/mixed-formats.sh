ln -s "$TESTDATA/pfirewall" d
pfirewall --hosts d/fw-sS.gnmap d/fw-sA.xml
