ln -s "$TESTDATA/pfirewall" d
pfirewall -o jsonl --listening d/listen-ss.txt d/listen6-sS.xml
