# Addresses are checked with inet_pton.
printf '<?xml version="1.0"?>\n<nmaprun scanner="nmap">\n<host><address addr="999.1.1.1" addrtype="ipv4"/></host>\n</nmaprun>\n' > a.xml
pcat a.xml
