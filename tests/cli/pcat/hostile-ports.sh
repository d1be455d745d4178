# Port numbers that are not ports: each file is rejected with its line.
for p in 70000 -1 abc +22 '22 ' 0 99999999999999999999; do
	printf '<?xml version="1.0"?>\n<nmaprun scanner="nmap">\n<host><address addr="127.0.0.1" addrtype="ipv4"/>\n<ports><port protocol="tcp" portid="%s"><state state="open"/></port></ports></host>\n</nmaprun>\n' "$p" > p.xml
	pcat p.xml
	echo "exit $?"
done
