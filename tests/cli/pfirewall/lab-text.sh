# The recorded firewall lab: ACK scan first, roles come from the scans.
ln -s "$TESTDATA/pfirewall" d
pfirewall d/fw-sA.xml d/fw-sS.xml
