ln -s "$TESTDATA/pfirewall" d
pfirewall d/fw-sA.xml d/fw-sU.xml
