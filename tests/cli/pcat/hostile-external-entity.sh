# An external entity naming a local file: nothing may be read.
cat > xxe.xml <<'X'
<?xml version="1.0"?>
<!DOCTYPE nmaprun [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<nmaprun scanner="nmap"><host><status state="up"/><address addr="127.0.0.1" addrtype="ipv4"/><hostnames><hostname name="&xxe;"/></hostnames></host></nmaprun>
X
pcat --hosts -f host,hostname xxe.xml
