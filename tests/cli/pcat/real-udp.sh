# A UDP scan: open, closed and open|filtered.
pcat -o csv -f host,proto,port,state,reason,service "$TESTDATA/localhost-sU.xml"
