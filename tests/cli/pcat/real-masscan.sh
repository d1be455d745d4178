# masscan writes a host per open port; --merge folds them by address.
pcat -H -o tsv -f host,proto,port,state,reason "$TESTDATA/masscan-basic.xml" | sort
pcat --merge --hosts -H -o tsv -f host,open_ports "$TESTDATA/masscan-basic.xml"
pcat -H -o tsv -f host,proto,port,state,service "$TESTDATA/masscan-basic.gnmap" | sort
