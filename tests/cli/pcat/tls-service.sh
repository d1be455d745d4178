# A service inside TLS: text and md show it as nmap does ("ssl/http"),
# tsv, csv and jsonl keep service and tunnel apart; --service matches the
# shown name, so '^ssl/' finds every TLS service, in -oX and -oG alike.
cd "$TESTDATA" || exit 2
for f in basic-sV.xml basic-sV.gnmap; do
	echo "== $f"
	pcat --service '^ssl/' "$f"
	pcat -o md -f port,service,tunnel --service 'ssl/http' "$f"
	pcat -o tsv -f port,service,tunnel --service '^ssl/http$' "$f"
	pcat -o csv -H -f port,service,tunnel --service '^ssl/' "$f"
	pcat -o jsonl -f port,service,tunnel --service '^ssl/' "$f"
done
echo "== --match sees the field as tsv prints it"
pcat -o tsv -H -f port,service,tunnel --match service=^http --match tunnel=ssl basic-sV.xml
echo "== no TLS service in a SYN scan: exit 1"
pcat --service '^ssl/' basic-sS.xml
echo "exit $?"
