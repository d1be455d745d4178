# A pattern that takes PCRE2 past its 1,000,000 steps stops pcat there:
# said once (the input, the pattern and the field, in words), status 2,
# and nothing after it is printed, since it would be judged by half the
# filter (issue 19, item 9).  Here a service name of 40 a's
# against nested alternatives (2^40 ways to fail), and a process name of
# 15 (the kernel's longest) against four alternatives (4^15 ways).
a=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
p=aaaaaaaaaaaaaaa
cat > slow.xml <<X
<?xml version="1.0"?>
<nmaprun scanner="nmap">
<host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/><ports>
<port protocol="tcp" portid="22"><state state="open"/><service name="$a"/></port>
<port protocol="tcp" portid="23"><state state="open"/><service name="b"/></port>
<port protocol="tcp" portid="24"><state state="open"/><service name="$a"/></port>
</ports></host>
</nmaprun>
X
printf 'tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("%s",pid=1,fd=3))\n' \
    "$p" >slow.txt
printf 'tcp LISTEN 0 128 0.0.0.0:23 0.0.0.0:* users:(("b",pid=2,fd=3))\n' \
    >>slow.txt
pcat -H -o tsv -f port,service --service '^(a|a)*[^a]' slow.xml slow.xml
echo "exit $?"
pcat -H -o tsv -f port,service --match 'service=^(a|a)*[^a]' slow.xml
echo "exit $?"
pcat -H -o tsv -f host --hosts --service '^(a|a)*[^a]' slow.xml
echo "exit $?"
pcat -H -o tsv -f port,process --match 'process=^((a|a)|(a|a))*[^a]' slow.txt
echo "exit $?"
