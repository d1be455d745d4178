# The -oX, -oG and -oN files of one -sV run give the same findings:
# every format judges a port as ptop counts a detection
# (pk_port_detected).  -oG and -oN name no method, so a bare name on an
# open port of a -sV run is a detection there, as nmap's "probed" is in
# the XML: localhost-sV's http-proxy on 8080 (no product) is judged from
# all three.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
t=$PWD
n=0
for x in "$TESTDATA"/*.xml "$TESTDATA"/*/*.xml "$TOP"/tests/cli/*/data/*.xml; do
	grep -q 'args="[^"]*\(-sV\|-sC\|-A \)' "$x" || continue
	P -H -o tsv "$x" >"$t/x.tsv" 2>"$t/x.err"
	xs=$?
	for g in "${x%.xml}.gnmap" "${x%.xml}.nmap"; do
		[ -f "$g" ] || continue
		n=$((n + 1))
		P -H -o tsv "$g" >"$t/g.tsv" 2>"$t/g.err"
		gs=$?
		if ! cmp -s "$t/x.tsv" "$t/g.tsv" || [ $xs != $gs ]; then
			echo "differ: ${g#"$TOP"/} (exit $gs, -oX $xs)"
			diff "$t/x.tsv" "$t/g.tsv" | head -10
		fi
	done
done
echo "$n -oG and -oN files compared with their -oX"
cd "$TESTDATA" || exit 2
for f in localhost-sV.xml localhost-sV.gnmap localhost-sV.nmap; do
	echo "== $f"
	P -H -o tsv "$f"
done
