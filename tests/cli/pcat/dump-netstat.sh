# pcat reads net-tools netstat dumps: -tulpn; -tunapeo (User, Inode and
# Timer columns, a TIME_WAIT row with "-"); -tunap peers; as nobody ("-"
# for every process, netstat's note on stderr captured too); -W (no cut).
cd "$TESTDATA" || exit 2
pcat netstat-tulpn.txt
pcat -H -o tsv -f line,proto,host,family,port,state,listening,process,pid,user netstat-tunapeo.txt
pcat -o jsonl -f proto,host,port,state,peer,peer_port,process --state established netstat-tunap.txt
pcat -H -o tsv -f format,proto,host,port,process,pid netstat-tlnp-nobody.txt
pcat -H -o tsv -f proto,host,port,process netstat-long-W.txt
