# An external DTD by URL: never fetched, refused.
cat > dtd.xml <<'X'
<?xml version="1.0"?>
<!DOCTYPE nmaprun SYSTEM "http://127.0.0.1:9/nmap.dtd">
<nmaprun scanner="nmap"><host><address addr="127.0.0.1" addrtype="ipv4"/></host></nmaprun>
X
pcat dtd.xml
