# The ACK scan from standard input, gzip-compressed.
ln -s "$TESTDATA/pfirewall" d
gzip -c d/fw-sA.xml | pfirewall --hosts d/fw-sS.xml - 
