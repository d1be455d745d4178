ln -s "$TESTDATA/pfirewall" d
pfirewall --listening d/fw-sS.xml d/listen-sS.xml
