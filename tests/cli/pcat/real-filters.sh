# Filters on real scans: ports, protocol, state, network, service regex,
# field regex, and -oG input.
d=$TESTDATA
pcat -H -o tsv -f host,proto,port,state -p U:53,T:22 "$d/basic-sSU.xml"
pcat -H -o tsv -f host,proto,port,state --proto udp --state 'open|filtered' "$d/basic-sSU.xml"
pcat -H -o tsv -f host,port --host 10.77.2.8/30 "$d/multi-sS.xml"
pcat -H -o tsv -f host,port,service,product --service '^(ssh|ftp)$' "$d/basic-sV.gnmap"
pcat -H -o tsv -f port,version --match 'version=^9\.' "$d/basic-sV.xml"
pcat -H -o tsv -f host,port --up --state open "$d/multi-sS.gnmap"
