# masscan writes one record per open port: its records of one address
# are one host, as in pdiff and ptop (not five "only in the SYN scan").
pfirewall -o tsv --hosts "$TESTDATA/masscan-basic.xml" \
    "$TESTDATA/pfirewall/fw-sA.xml"
