# The category and iana_range fields (from the installed port table) and
# --category: any of the listed categories; it applies to socket dumps
# too, and to --hosts (a host with such a port).  --match sees category
# as printed.
cd "$TESTDATA" || exit 2
pcat -f host,proto,port,state,service,category,iana_range basic-sSU.xml
pcat --category database,remote-access -o tsv -f host,port,service,category multi-sS.xml masscan-basic.xml
pcat --category database -o tsv -H -f proto,host,port,process pnonstd/ss-tulnp.txt
pcat --match 'category=^web$' -o tsv -H -f host,port,category multi-sS.xml
pcat -o jsonl -f port,category,iana_range -p 22,8080 basic-sV.xml
pcat --hosts --category database,remote-access -o tsv multi-sS.xml masscan-basic.xml
