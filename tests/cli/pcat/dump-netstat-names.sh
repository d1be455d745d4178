# netstat without -n: host and port names ("localhost:ipp", "[::]:ssh"),
# and -e's User column as names; http is on two ports in nmap-services,
# so it needs --netdb.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
cd "$TESTDATA" || exit 2
pcat -H -o tsv -f proto,host,port,port_name,state,process,user netstat-tulpe.txt
echo "exit $?"
pcat --netdb -H -o tsv -f proto,host,port,port_name,state,process,user netstat-tulpe.txt
