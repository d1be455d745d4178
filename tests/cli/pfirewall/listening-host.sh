# --host names the dump's host among the scan's.
ln -s "$TESTDATA/pfirewall" d
pfirewall --listening d/listen-ss.txt --host 10.77.3.3 d/fw-sS.xml
