# The later scan probed fewer ports: what it did not probe is "not
# scanned", never closed, and the scan line says the port sets differ.
pdiff "$TESTDATA/pdiff/local-before.xml" "$TESTDATA/pdiff/local-narrow.xml"
echo "exit $?"
pdiff -o tsv "$TESTDATA/pdiff/local-narrow.xml" "$TESTDATA/pdiff/local-before.xml"
echo "exit $?"
# Different scan types over the same target.
pdiff -o tsv "$TESTDATA/localhost-sS.xml" "$TESTDATA/localhost-sA.xml"
echo "exit $?"
# A protocol the other scan did not probe at all: not-scanned too, never
# lost (masscan probed 53/udp, the nmap scan only tcp).
pdiff -o tsv "$TESTDATA/masscan-basic.xml" "$TESTDATA/basic-sS.xml"
echo "exit $?"
