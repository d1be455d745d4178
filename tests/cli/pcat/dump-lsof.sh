# pcat reads lsof -i dumps; filters work on sockets too.
cd "$TESTDATA" || exit 2
pcat -o tsv -f proto,host,port,state,process,user --state listen lsof-iPn.txt
pcat -o list -p T:22,80 --proto tcp lsof-iPn.txt
pcat -H -o tsv -f host,port,process --match 'process=^redis' ss-tulnp.txt
