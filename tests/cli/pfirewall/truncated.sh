# Cut inside the third host: two complete hosts are used, exit 3.
ln -s "$TESTDATA/pfirewall" d
head -c 3700 d/fw-sS.xml >cut.xml
pfirewall --hosts cut.xml d/fw-sA.xml
