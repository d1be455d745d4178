# A dump of one host of a scan of three (one down): the dump's own
# address (8000 on 10.77.14.3) names its host, so no --host is needed.
# lsof writes "*" for an IPv6 socket whether it is IPv6-only or not:
# 9000 (IPv6-only, closed over IPv4) and 8081 (filtered) are undecided.
ln -s "$TESTDATA/pfirewall" d
pfirewall --listening d/fk-lsof.txt d/fk-sS.xml
