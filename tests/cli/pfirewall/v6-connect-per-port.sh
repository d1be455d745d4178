# Connect scan against ACK scan over IPv6: the stateful host (.2) lets
# only new SYNs to 22 and 80 in, the stateless one (.3) rejects 8084-8085.
ln -s "$TESTDATA/pfirewall" d
pfirewall -e d/fw6-sT.xml d/fw6-sA.xml
