ln -s "$TESTDATA/pfirewall" d
pfirewall d/fw-sS.xml d/fw-sU.xml
