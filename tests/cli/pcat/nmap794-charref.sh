# nmap 7.94 writes character references that XML forbids into service
# names (nmap issue 2657): each is read as U+FFFD, with one warning for the
# file, and every host is kept (exit 0).  testdata/nmap794-charref.xml is
# constructed from a real scan, see its .cmd.
cd "$TESTDATA" || exit 2
pcat -o tsv -H -f host,port,state,service nmap794-charref.xml
echo "exit $?"
pcat --hosts -o tsv -H -f host,status,open_ports nmap794-charref.xml
pcat -o jsonl -f port,service -p 443,8080 --state open nmap794-charref.xml
