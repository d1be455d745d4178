# Sockets listening in the nonstd lab host against an IPv4 SYN scan from
# outside; 6379 is dropped by iptables there.
ln -s "$TESTDATA/pfirewall" d
pfirewall --listening d/listen-ss.txt d/listen-sS.xml
