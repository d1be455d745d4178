# lsof against the IPv4 scan: the IPv6 "*" sockets (22, 80, 6380, 8443)
# may be dual stack, so they meet the IPv4 host; 6379 is dropped there.
ln -s "$TESTDATA/pfirewall" d
pfirewall --listening d/listen-lsof.txt d/listen-sS.xml
