ln -s "$TESTDATA/pfirewall" d
pfirewall --hosts d/fw-sS.xml d/fw-sA.xml d/fw-sU.xml
