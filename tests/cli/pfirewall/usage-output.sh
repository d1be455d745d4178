ln -s "$TESTDATA/pfirewall" d
pfirewall -o md d/fw-sS.xml d/fw-sA.xml
