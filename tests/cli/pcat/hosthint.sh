# nmap 7.90 and later write a <hosthint> (status, addresses, hostnames)
# for each host found up, before its <host>: it is not a host.  multi-sS
# holds 3 hints and 8 hosts (3 up, 5 down with -v); interrupted-sS was cut
# after some hosts, with hints for hosts never written.
cd "$TESTDATA" || exit 2
for f in multi-sS.xml interrupted-sS.xml; do
	echo "$f: $(grep -c '<hosthint>' "$f") hints, $(grep -c '<host[ >]' "$f") hosts"
	pcat --hosts -o tsv -H -f host,status,open_ports "$f"
	echo "exit $?"
done
