# Invalid UTF-8 inside an attribute value.
printf '<?xml version="1.0"?>\n<nmaprun scanner="nmap"><host><address addr="127.0.0.1" addrtype="ipv4"/><hostnames><hostname name="a\377\376b"/></hostnames></host></nmaprun>\n' > bad.xml
pcat bad.xml
