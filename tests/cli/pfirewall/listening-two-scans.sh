ln -s "$TESTDATA/pfirewall" d
pfirewall --listening d/listen-ss.txt d/listen-sS.xml d/listen6-sS.xml
