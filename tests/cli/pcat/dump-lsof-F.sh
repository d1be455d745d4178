# lsof -F (every field, one a line), -F0 (NUL after each field) and a
# chosen field set without f read as the same records as lsof's table
# of the same sockets; the names lsof prints without -P -n too.
cd "$TESTDATA" || exit 2
f=proto,host,port,state,listening,peer,peer_port,process,pid,fd,user,family
pcat -o tsv -f format,line,$f lsof-F-table.txt
for d in lsof-F.txt lsof-F0.txt; do
	pcat -H -o tsv -f $f "$d" >"$OLDPWD/$d.tsv"
	pcat -H -o tsv -f $f lsof-F-table.txt | cmp - "$OLDPWD/$d.tsv" &&
	    echo "$d: same records as the table"
done
pcat -H -o tsv -f $f lsof-FpcLPtnT0.txt
pcat -H -o tsv -f format,line,$f,port_name --netdb lsof-F-names.txt
pcat -o list --state listen lsof-F0.txt
