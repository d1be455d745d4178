# A scan with no host up is an error, not "not scanned" for every socket.
ln -s "$TESTDATA/pfirewall" d
pfirewall --listening d/fk-lsof.txt d/fk-empty-sS.xml
