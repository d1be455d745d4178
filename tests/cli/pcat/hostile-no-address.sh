# A host without any address is an error, not a silent skip; the host
# before it is still printed.
cat > noaddr.xml <<'X'
<?xml version="1.0"?>
<nmaprun scanner="nmap">
<host><status state="up"/><address addr="127.0.0.1" addrtype="ipv4"/><ports><port protocol="tcp" portid="22"><state state="open" reason="syn-ack"/></port></ports></host>
<host><status state="up"/><ports><port protocol="tcp" portid="80"><state state="open" reason="syn-ack"/></port></ports></host>
</nmaprun>
X
pcat -o list noaddr.xml
