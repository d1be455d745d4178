# A host the scan does not hold is an error, not "not scanned" for all.
ln -s "$TESTDATA/pfirewall" d
pfirewall --listening d/listen-ss.txt --host 10.77.3.9 d/fw-sS.xml
