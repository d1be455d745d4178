# -oG joins product, version and extrainfo in one field, and -oN in its
# VERSION column; pcat splits both with the product names of
# nmap-service-probes, as the XML has them.  Every -sV run kept as -oX
# and -oG or -oN must give the same three columns, and --match product=
# the same ports.  (-oN names a port without a service "unknown", as
# xml-vs-normal says.)
p=/usr/share/nmap/nmap-service-probes
[ -r "$p" ] || { echo "SKIP: no $p"; exit 77; }
t=$PWD
f=host,proto,port,service,tunnel,product,version,extrainfo
n=0 nn=0
for x in "$TESTDATA"/*.xml "$TESTDATA"/*/*.xml "$TOP"/tests/cli/*/data/*.xml; do
	grep -q 'args="[^"]*\(-sV\|-sC\|-A \)' "$x" || continue
	pcat -H -o tsv -f $f "$x" > "$t/x.tsv" 2>/dev/null
	awk 'BEGIN { FS = OFS = "\t" } $4 == "" { $4 = "unknown" } 1' \
	    "$t/x.tsv" >"$t/xn.tsv"
	for g in "${x%.xml}.gnmap" "${x%.xml}.nmap"; do
		[ -f "$g" ] || continue
		xt=$t/x.tsv
		case $g in
		*.gnmap) n=$((n + 1)) ;;
		*) nn=$((nn + 1)) xt=$t/xn.tsv ;;
		esac
		pcat -H -o tsv -f $f "$g" > "$t/g.tsv" 2>/dev/null
		if ! cmp -s "$xt" "$t/g.tsv"; then
			echo "differ: ${g#"$TOP"/}"
			diff "$xt" "$t/g.tsv" | head -10
		fi
	done
done
echo "$n -sV runs compared with -oG, $nn with -oN"
cd "$TESTDATA" || exit 2
echo "== the split, from -oG"
pcat --state open -f port,service,product,version,extrainfo basic-sV.gnmap nonstd-sV.gnmap localhost-sC.gnmap
echo "== --match product=OpenSSH: -oX, then -oG"
pcat -H -o tsv -f host,port,product --match product=OpenSSH basic-sV.xml nonstd-sV.xml localhost-sV.xml
pcat -H -o tsv -f host,port,product --match product=OpenSSH basic-sV.gnmap nonstd-sV.gnmap localhost-sV.gnmap
echo "== the split, from -oN, as from -oG"
pcat --state open -f port,service,product,version,extrainfo basic-sV.gnmap nonstd-sV.gnmap localhost-sC.gnmap >"$t/g.txt"
pcat --state open -f port,service,product,version,extrainfo basic-sV.nmap nonstd-sV.nmap localhost-sC.nmap | cmp - "$t/g.txt" && echo same
echo "== --match product=OpenSSH: -oN"
pcat -H -o tsv -f host,port,product --match product=OpenSSH basic-sV.nmap nonstd-sV.nmap localhost-sV.nmap
