# A dump is one host; a scan of three: the dump's addresses name none of
# them, so pfirewall asks for --host rather than compare with all three.
ln -s "$TESTDATA/pfirewall" d
pfirewall --listening d/listen-ss.txt d/fw-sS.xml
