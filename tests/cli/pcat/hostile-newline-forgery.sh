# Newlines, tabs, DEL and the C1 control CSI (U+009B, valid in XML) inside
# values cannot forge records or reach the terminal in any format.
cat > forge.xml <<'X'
<?xml version="1.0"?>
<nmaprun scanner="nmap">
<host><status state="up"/><address addr="127.0.0.1" addrtype="ipv4"/><ports><port protocol="tcp" portid="80"><state state="open" reason="syn-ack"/><service name="http" product="evil&#10;127.0.0.2	80	open&#9;x&#x9b;31mred&#127;" version="=cmd|&apos; /C calc&apos;!A0"/></port></ports></host>
</nmaprun>
X
for f in text tsv csv jsonl md list; do
	pcat -o $f -f host,port,product,version forge.xml
done
pcat -o csv --csv-safe -f host,port,version forge.xml
