# The filter arguments usage.sh leaves out, refused with the words pcat
# has always used and status 2: addresses and prefix lengths, patterns
# of --match for scans and for socket dumps, a list with an empty item,
# and more --host or --match options than pcat takes.
d=$TESTDATA
pcat --host 10.0.0.300 /dev/null
echo "exit $?"
pcat --host 10.0.0.0/x /dev/null
echo "exit $?"
pcat --host ::/129 /dev/null
echo "exit $?"
pcat --state open, /dev/null
echo "exit $?"
pcat --proto tcp,icmp-but-longer-than-any /dev/null
echo "exit $?"
pcat --match '=x' /dev/null
echo "exit $?"
pcat --match 'port=a(' "$d/localhost-sS.xml"
echo "exit $?"
pcat --hosts --match 'open_ports=[' "$d/localhost-sS.xml"
echo "exit $?"
pcat --match 'process=(' "$d/ss-tulnp.txt"
echo "exit $?"
pcat --match 'product=x' "$d/ss-tulnp.txt"
echo "exit $?"
hosts=
for i in $(seq 65); do hosts="$hosts --host 10.0.0.$i"; done
pcat $hosts /dev/null
echo "exit $?"
matches=
for i in $(seq 17); do matches="$matches --match port=$i"; done
pcat $matches /dev/null
echo "exit $?"
