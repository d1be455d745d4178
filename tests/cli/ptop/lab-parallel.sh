# The README's GNU parallel recipe, run as written on gzipped lab scans
# (one shard per scan, host-disjoint), and its xargs -P twin.
command -v parallel >/dev/null 2>&1 || { echo "SKIP: GNU parallel not installed"; exit 77; }
mkdir scans && for f in basic-sV nonstd-sV localhost-sV fw-none-sS-1000 multi-sS; do
	gzip -c "$TESTDATA/$f.xml" >"scans/$f.xml.gz"
done
ls scans/*.xml.gz | parallel -j8 'ptop --counts {} > {/.}.counts'
ptop --merge *.counts >merged
ptop scans/*.xml.gz >all
cmp all merged && cat merged
rm -f *.counts
ls scans/*.xml.gz | xargs -P8 -I{} sh -c 'ptop --counts "$1" > "${1##*/}.counts"' sh {}
ptop --merge *.counts | cmp - all && echo "xargs -P: same"
