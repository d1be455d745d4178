# Connect scan against ACK scan over IPv6; fd77:3::2 is only in the
# connect scan (its ip6tables rules drop neighbour discovery).
ln -s "$TESTDATA/pfirewall" d
pfirewall -e d/fw6-sT.xml d/fw6-sA.xml
