# lsof against the IPv6 scan: 6380 is rejected with tcp-reset over IPv6;
# lsof writes * for the IPv4-only 2222, 6379, 8888 and udp 53 too, and its
# TYPE column (IPv4) keeps them from the IPv6 host: not scanned.
ln -s "$TESTDATA/pfirewall" d
pfirewall --listening d/listen-lsof.txt d/listen6-sS.xml
