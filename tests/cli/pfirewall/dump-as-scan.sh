# A socket dump where a scan belongs: recognised before any reader takes it.
ln -s "$TESTDATA/pfirewall" d
pfirewall d/fw-sS.xml d/listen-lsof.txt
