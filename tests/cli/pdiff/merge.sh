# Several files per side are merged per host; masscan's one <host> per
# port is merged into one host.
T=$TESTDATA
pdiff -a "$T/fw-none-sS.xml" "$T/fw-stateful-sS.xml" -b "$T/fw-none-sA.xml" \
    "$T/fw-stateful-sA.xml"
echo "exit $?"
pdiff "$T/basic-sS.xml" "$T/masscan-basic.xml"
echo "exit $?"
pdiff -o tsv "$T/masscan-basic.xml" "$T/basic-sS.xml"
echo "exit $?"
