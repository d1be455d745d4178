# 100,000 attributes on one tag: libxml2 would spend ~55 s; we stop early.
{
	printf '<?xml version="1.0"?>\n<nmaprun scanner="nmap">\n<host'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf " a%d=\"x\"", i }'
	printf '><address addr="127.0.0.1" addrtype="ipv4"/></host></nmaprun>\n'
} > attrs.xml
pcat attrs.xml
