ln -s "$TESTDATA/pfirewall" d
pfirewall --hosts -o csv d/fw-sS.xml d/fw-sA.xml
