# Ports and hosts listed twice are delivered as they are, never merged,
# and said on stderr (hosts only with --dup-hosts); the status is not
# affected.  resume2 is a real scan resumed twice: nmap listed host
# 10.77.2.12 three times.
cat > dup.xml <<'X'
<?xml version="1.0"?>
<nmaprun scanner="nmap">
<host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/><ports>
<port protocol="tcp" portid="22"><state state="open"/></port>
<port protocol="udp" portid="22"><state state="open"/></port>
<port protocol="tcp" portid="22"><state state="closed"/></port>
</ports></host>
<host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/></host>
</nmaprun>
X
pcat -H -o tsv -f host,proto,port,state dup.xml
echo "exit $?"
pcat --dup-hosts --hosts -H -o tsv -f host,open_ports dup.xml
echo "exit $?"
cd "$TESTDATA" && pcat --dup-hosts -o list --state open resume2.xml
echo "exit $?"
