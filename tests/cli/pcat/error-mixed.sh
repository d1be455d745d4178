# A missing file among good ones is reported, the good ones are still
# printed, and the status says there was trouble (2).
for i in 1 2; do
	printf '<?xml version="1.0"?>\n<nmaprun scanner="nmap">\n<host><status state="up"/><address addr="10.0.0.%d" addrtype="ipv4"/><ports><port protocol="tcp" portid="22"><state state="open" reason="syn-ack"/></port></ports></host>\n</nmaprun>\n' $i > good$i.xml
done
pcat -o list good1.xml missing.xml good2.xml
echo "exit $?"
# A truncated file among good ones: 3, its complete hosts printed.
head -c 200 good1.xml > cut.xml
pcat -o list good2.xml cut.xml
echo "exit $?"
# Trouble outranks truncation.
pcat -o list cut.xml missing.xml good2.xml
echo "exit $?"
# Nothing matched is 1; stdin is "-".
pcat --state closed - < good1.xml
echo "exit $?"
