# The fwkinds lab (testdata/pfirewall/fk-*.cmd): a native nftables host
# whose conntrack picks up the lone ACK to 22 and 443 (a stateless
# allow-list would answer the same), an iptables host without conntrack
# dropping non-SYN packets to 80 (which looks stateful) and SYN packets
# to 8081, and a host down in both scans.  Neither filter is named as a
# certainty: each host is ambiguous, with the probe that would settle it.
ln -s "$TESTDATA/pfirewall" d
pfirewall --hosts d/fk-sS.xml d/fk-sA.xml
