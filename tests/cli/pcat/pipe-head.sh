# pcat | head ends quietly: no message about the closed pipe.
{
	printf '<?xml version="1.0"?>\n<nmaprun scanner="nmap">\n'
	awk 'BEGIN { for (i = 0; i < 20000; i++)
		printf "<host><status state=\"up\"/><address addr=\"10.0.%d.%d\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"22\"><state state=\"open\" reason=\"syn-ack\"/><service name=\"ssh\"/></port></ports></host>\n", i / 256, i % 256 }'
	printf '</nmaprun>\n'
} > many.xml
pcat -o list many.xml 2>err | head -n 2
cat err
pcat -o jsonl -f host,port many.xml 2>err | head -n 1
cat err
