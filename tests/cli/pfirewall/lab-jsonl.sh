ln -s "$TESTDATA/pfirewall" d
pfirewall -o jsonl d/fw-sS.xml d/fw-sA.xml d/fw-sU.xml
