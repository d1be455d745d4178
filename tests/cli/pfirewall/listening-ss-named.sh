# The same host from ss -tulnp: "[::]" is IPv6-only there, so 9000 is
# not scanned by an IPv4 scan, and the dual-stack "*" 8081 is firewalled.
ln -s "$TESTDATA/pfirewall" d
pfirewall -H -o tsv --listening d/fk-ss.txt d/fk-sS.xml
