pfirewall --host 10.77.3.3 "$TESTDATA/pfirewall/fw-sS.xml" \
    "$TESTDATA/pfirewall/fw-sA.xml"
