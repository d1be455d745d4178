# masscan --banners (one lab run, read back as -oX, -oG, -oL, -oJ and
# -oD): banners are script records "banner" with output "TYPE: TEXT",
# never service names and never more ports.  With --merge every format
# reads as the same ports and the same banners.
cd "$TESTDATA" || exit 2
pcat --merge --scripts masscan-banners.xml
pcat --merge --scripts -o jsonl -p 80 masscan-banners.xml
pcat --merge --hosts -o tsv -f host,open_ports,ports masscan-banners.xml
x=masscan-banners.xml
pcat --merge --scripts -H -o tsv $x >"$OLDPWD/s0"
pcat --merge -H -o tsv -f host,proto,port,state $x | sort >"$OLDPWD/p0"
pcat --merge --hosts -H -o tsv -f host,open_ports $x >"$OLDPWD/h0"
for f in masscan-banners.gnmap masscan-banners.list masscan-banners.json \
    masscan-banners.ndjson; do
	pcat --merge --scripts -H -o tsv "$f" >"$OLDPWD/s"
	pcat --merge -H -o tsv -f host,proto,port,state "$f" | sort >"$OLDPWD/p"
	pcat --merge --hosts -H -o tsv -f host,open_ports "$f" >"$OLDPWD/h"
	cmp -s "$OLDPWD/s" "$OLDPWD/s0" && cmp -s "$OLDPWD/p" "$OLDPWD/p0" &&
	    cmp -s "$OLDPWD/h" "$OLDPWD/h0" &&
	    echo "$f: the same ports and banners as $x"
done
# No banner type shows as a service, in pcat or in ptop's DETECTED.
pcat --merge -H -o tsv -f port,service masscan-banners.xml | sort -n
ptop -o tsv masscan-banners.xml
# Without --merge each -oX record is its own host, banners included.
pcat -H -o tsv -f port,reason,scripts masscan-banners.xml
pcat --scripts -H -o tsv -f port,output --match output='^title: ' masscan-banners.list
