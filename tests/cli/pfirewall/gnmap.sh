# Grepable input: no reasons and no port lists for the folded ports.
ln -s "$TESTDATA/pfirewall" d
pfirewall d/fw-sS.gnmap d/fw-sA.gnmap
