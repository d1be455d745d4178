# masscan -oJ and -oD read as the same port records as the -oX, -oG and
# -oL of the basic lab's scan; a bad record is an error (exit 2), a cut
# file keeps its complete hosts (exit 3).
cd "$TESTDATA" || exit 2
f=host,proto,port,state
pcat -o tsv -f file,$f,reason,reason_ttl masscan-basic.json
pcat -o jsonl --hosts -f host,open_ports,ports,endtime masscan-basic.ndjson
pcat -H -o tsv -f $f masscan-basic.xml | sort >"$OLDPWD/x"
for j in masscan-basic.json masscan-basic.ndjson masscan-basic.gnmap \
    masscan-basic.list; do
	pcat -H -o tsv -f $f $j | sort | cmp - "$OLDPWD/x" &&
	    echo "$j: the ports of masscan-basic.xml"
done
pcat --merge --hosts -H -o tsv -f host,open_ports masscan-basic.json
head -c 400 masscan-basic.json | pcat -H -o tsv -f $f -
echo "exit $?"
head -n 8 masscan-basic.json | pcat -H -o tsv -f $f -
echo "exit $?"
printf '[\n{"ip": "10.0.0.1", "ports": [ {"port": 22 "proto": "tcp"} ] }\n]\n' |
    pcat -
echo "exit $?"
printf '{"ip":"10.0.0.1","port":22,"proto":"tcp","rec_type":"status","data":{"status":"up"}}\n' |
    pcat -
echo "exit $?"
printf '[\n{"ip": "10.0.0.1", "ports": []}\n]\n{"ip": "10.0.0.1", "ports": []}\n' |
    pcat -
echo "exit $?"
# masscan -oJ of a scan that found nothing: no records, nothing matched.
printf '[\n]\n' | pcat -
echo "exit $?"
