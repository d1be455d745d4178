# SYN and ACK scans as nmap 7.80 wrote them (constructed, see
# testdata/nmap780-fw-*.cmd): <extrareasons> lists no ports, so the folded
# ports cannot be set against each other, and pfirewall says so.
cd "$TESTDATA" || exit 2
pfirewall nmap780-fw-stateful-sS-1000.xml nmap780-fw-stateful-sA-1000.xml
