# Nmap normal output (-oN) diffs as its -oX twin: no change between the
# two files of one run, and the same report for a changed pair (what
# -oN lacks, as grepable output lacks it, is not compared).
cd "$TESTDATA" || exit 2
for n in basic-sV localhost-sC fw-stateful-sS multi-sS nonstd-sV; do
	pdiff $n.xml $n.nmap
	echo "$n: exit $?"
done
pdiff multi-sS.nmap multi-sS-later.nmap
echo "exit $?"
pdiff multi-sS.gnmap multi-sS-later.gnmap >"$OLDPWD/g"
pdiff multi-sS.nmap multi-sS-later.nmap | cmp - "$OLDPWD/g" &&
    echo "the same report as from -oG"
