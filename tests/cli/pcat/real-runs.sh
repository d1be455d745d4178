# Files that hold several runs: --append-output and a scan resumed twice
# (hosts after </nmaprun>); every host is read, nothing is lost.
pcat -H -o tsv -f host,port,state "$TESTDATA/append.xml"
pcat -H -o tsv -f host,port,state --state open "$TESTDATA/resume2.xml"
pcat -H -o tsv -f host,port,state --state open "$TESTDATA/resume2.gnmap"
