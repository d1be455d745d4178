# pcat reads ss dumps (-tulnp, -Htulnp without header, -tunap with peers).
cd "$TESTDATA" || exit 2
pcat ss-tulnp.txt
pcat -H -o tsv -f proto,host,zone,port,state,process,pid ss-Htulnp.txt
pcat -o jsonl -f proto,host,port,state,peer,peer_port,process --state established ss-tunap.txt
