# The -oX and -oN files of every nmap run in testdata give the same
# records on the fields normal output carries (pcat(1), "Normal
# output"): the reasons only when nmap ran with --reason, and the
# product, version and extrainfo -oN's VERSION column joins, split with
# nmap-service-probes' names (without that file the column stays whole:
# the XML's three are joined to compare).  -oN writes "unknown" both
# for a port without a service and for nmap-services' "unknown": the
# XML's empty name is compared as "unknown".
n=0
f=host,hostname,addr_type,mac,vendor,status,proto,port,state,service,tunnel
f=$f,scripts
h=host,hostname,hostnames,addresses,mac,vendor,status,open_ports,ports
join='BEGIN { FS = OFS = "\t" }
{
	if ($10 == "") $10 = "unknown"
	if (sp) { print; next }
	v = $(NF - 2)
	if ($(NF - 1) != "") v = v == "" ? $(NF - 1) : v " " $(NF - 1)
	if ($NF != "") v = v == "" ? "(" $NF ")" : v " (" $NF ")"
	NF -= 3
	print $0, v
}'
sp=0
[ -r /usr/share/nmap/nmap-service-probes ] && sp=1
for x in "$TESTDATA"/*.xml; do
	o=${x%.xml}.nmap
	[ -f "$o" ] || continue
	n=$((n + 1))
	pf=$f hf=$h
	if grep -q -- ' --reason ' "$o"; then
		pf=$pf,reason,reason_ttl hf=$hf,reason
	fi
	pcat -H -o tsv -f $pf,product,version,extrainfo "$x" 2>x.err |
	    awk -v sp=$sp "$join" >x.tsv
	pcat -H -o tsv -f $pf,product,version,extrainfo "$o" >o.raw 2>o.err
	os=$?
	awk -v sp=$sp "$join" o.raw >o.tsv
	pcat -H -o tsv -f $pf "$x" >/dev/null 2>&1
	xs=$?
	pcat -H -o tsv --hosts -f $hf "$x" >>x.tsv 2>/dev/null
	pcat -H -o tsv --hosts -f $hf "$o" >>o.tsv 2>/dev/null
	if ! cmp -s x.tsv o.tsv || [ $xs != $os ]; then
		echo "differ: ${x##*/} (exit $xs) vs ${o##*/} (exit $os)"
		diff x.tsv o.tsv | head -10
	fi
done
[ "$n" -ge 30 ] || echo "only $n -oX/-oN pairs compared"

# Cut copies: at evenly spaced offsets and around every host's first
# line.  Each reads with exit 3, its records the first ones of the whole
# file (no host with part of its ports), and every host whose report
# ended before the cut is kept.
for name in interrupted-sS multi-sS multi-sn localhost-sC localhost-sV \
    basic-sS basic-O resume1 fw-stateful-sS; do
	o=$TESTDATA/$name.nmap
	size=$(wc -c <"$o")
	pcat -H -o tsv -f $f,version "$o" >full.tsv 2>/dev/null
	pcat -H -o tsv --hosts -f $h "$o" >fullh.tsv 2>/dev/null
	offs=$(awk -v s="$size" '
	    BEGIN { for (i = 1; i < 8; i++) print int(s * i / 8) }
	    /^Nmap scan report for / { print at - 1; print at; print at + 25 }
	    { at += length($0) + 1 }' "$o" | sort -nu)
	cuts=0 bad=0
	for off in $offs; do
		[ "$off" -gt 0 ] && [ "$off" -lt "$size" ] || continue
		cuts=$((cuts + 1))
		head -c "$off" "$o" >cut.nmap
		pcat -H -o tsv -f $f,version cut.nmap >c.tsv 2>c.err
		s=$?
		pcat -H -o tsv --hosts -f $h cut.nmap >ch.tsv 2>/dev/null
		whole=$(grep -c '^Nmap scan report for ' cut.nmap)
		[ "$whole" -gt 0 ] && whole=$((whole - 1))
		if [ $s != 3 ] ||
		    ! head -n "$(wc -l <c.tsv)" full.tsv | cmp -s - c.tsv ||
		    ! head -n "$(wc -l <ch.tsv)" fullh.tsv | cmp -s - ch.tsv ||
		    [ "$(wc -l <ch.tsv)" -lt "$whole" ] ||
		    ! grep -q ': truncated scan: .*: kept [0-9]* complete' c.err
		then
			bad=$((bad + 1))
			echo "$name cut at $off: exit $s"
			head -2 c.err
		fi
	done
	echo "$name.nmap: $cuts cuts, $bad wrong"
done
