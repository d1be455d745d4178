# -oG joins product, version and extrainfo in one field; pcat splits it
# with the product names of nmap-service-probes, as the XML has them.
# Every -sV run kept as both -oX and -oG must give the same three
# columns, and --match product= the same ports.
p=/usr/share/nmap/nmap-service-probes
[ -r "$p" ] || { echo "SKIP: no $p"; exit 77; }
t=$PWD
f=host,proto,port,service,tunnel,product,version,extrainfo
n=0
for x in "$TESTDATA"/*.xml "$TESTDATA"/*/*.xml "$TOP"/tests/cli/*/data/*.xml; do
	g=${x%.xml}.gnmap
	[ -f "$g" ] || continue
	grep -q 'args="[^"]*\(-sV\|-sC\|-A \)' "$x" || continue
	n=$((n + 1))
	pcat -H -o tsv -f $f "$x" > "$t/x.tsv" 2>/dev/null
	pcat -H -o tsv -f $f "$g" > "$t/g.tsv" 2>/dev/null
	if ! cmp -s "$t/x.tsv" "$t/g.tsv"; then
		echo "differ: ${x#"$TOP"/}"
		diff "$t/x.tsv" "$t/g.tsv" | head -10
	fi
done
echo "$n -sV runs compared"
cd "$TESTDATA" || exit 2
echo "== the split, from -oG"
pcat --state open -f port,service,product,version,extrainfo basic-sV.gnmap nonstd-sV.gnmap localhost-sC.gnmap
echo "== --match product=OpenSSH: -oX, then -oG"
pcat -H -o tsv -f host,port,product --match product=OpenSSH basic-sV.xml nonstd-sV.xml localhost-sV.xml
pcat -H -o tsv -f host,port,product --match product=OpenSSH basic-sV.gnmap nonstd-sV.gnmap localhost-sV.gnmap
