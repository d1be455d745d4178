# netstat -tunap of the nonstd lab host against IPv4 and IPv6 SYN scans
# from outside: 6379 is dropped over IPv4, 6380 reset over IPv6; netstat's
# "::" (read as "*") may be IPv6-only, so it meets the IPv4 host too.
ln -s "$TESTDATA" d
pfirewall --listening d/netstat-tunap.txt d/pfirewall/listen-sS.xml
echo "exit $?"
pfirewall -o tsv --listening d/netstat-tulpn.txt d/pfirewall/listen6-sS.xml
