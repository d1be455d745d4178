# UTF-16 with a byte order mark is valid XML and must be read.
printf '<?xml version="1.0" encoding="UTF-16"?>\n<nmaprun scanner="nmap"><host><status state="up" reason="user-set"/><address addr="127.0.0.1" addrtype="ipv4"/><ports><port protocol="tcp" portid="22"><state state="open" reason="syn-ack"/><service name="ssh"/></port></ports></host></nmaprun>\n' |
	iconv -f UTF-8 -t UTF-16 > u16.xml
pcat -o tsv u16.xml
