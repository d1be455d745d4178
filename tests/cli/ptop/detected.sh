# Only detections are services (ptop(1) DETECTED SERVICES): a SYN scan's
# names come from the port number (method="table") and rank nothing; in
# -sV scans, nmap's '?' guesses (method="table") do not count, and the
# -oG and -oN files rank as their -oX files do.
t=$PWD
cd "$TESTDATA" || exit 2
echo "== -sS, by service: nothing"
ptop --by service -o tsv basic-sS.xml basic-sS.gnmap localhost-sS.xml multi-sS.gnmap
echo "exit $?"
echo "== -sS, by port: registered names only, none detected"
ptop -o tsv --services "$TOP/tests/cli/ptop/data/small.services" basic-sS.gnmap
echo "== -sV, by service"
ptop --by service -o tsv basic-sV.xml localhost-sV.xml nonstd-sV.xml
for f in basic-sV localhost-sV nonstd-sV nonstd6-sV localhost-sC; do
	for by in service product; do
		ptop --by $by -o tsv "$f.xml" > "$t/x.tsv"
		for g in "$f.gnmap" "$f.nmap"; do
			ptop --by $by -o tsv "$g" > "$t/g.tsv"
			cmp -s "$t/x.tsv" "$t/g.tsv" || { echo "differ: $g by $by"
			    diff "$t/x.tsv" "$t/g.tsv"; }
		done
	done
done
echo "== -oG by product (nmap-service-probes splits the version field)"
[ -r /usr/share/nmap/nmap-service-probes ] &&
    ptop --by product -o tsv basic-sV.gnmap nonstd-sV.gnmap
d="$TOP/tests/cli/ptop/data"
echo "== http? and http-proxy? (-sV fell back on the table) do not count"
ptop --by service -o tsv "$d/scanA.gnmap" "$d/scanB.gnmap"
ptop --by service -o tsv "$d/scanA.xml" "$d/scanB.xml" > "$t/x.tsv"
ptop --by service -o tsv "$d/scanA.gnmap" "$d/scanB.gnmap" > "$t/g.tsv"
cmp "$t/x.tsv" "$t/g.tsv"
