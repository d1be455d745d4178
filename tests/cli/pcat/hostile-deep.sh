# 100,000 nested elements.
{
	printf '<?xml version="1.0"?>\n<nmaprun scanner="nmap">\n'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<a>" }'
	printf '\n'
} > deep.xml
pcat deep.xml
