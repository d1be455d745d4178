# --changes: every change from one scan to the next, in time order,
# whatever the order of the arguments, with pdiff's rules.
cd "$TESTDATA" || exit 2
phist --changes multi-sS-later.xml multi-sn.xml multi-sS.xml
echo "exit $?"
phist --changes -o tsv --state open multi-sS-later.xml multi-sS.xml.gz
echo "exit $?"
phist --changes -o jsonl --ignore reason,scaninfo -p T:443 \
    multi-sS-later.xml multi-sS.gnmap
echo "exit $?"
# The same as pdiff on each consecutive pair, with the time in front.
for pair in "multi-sS.xml multi-sn.xml" "multi-sn.xml multi-sS-later.xml" \
    "multi-sS-later.xml multi-sn-later.xml"; do
	pdiff -H -o tsv $pair
done >"$OLDPWD/pairs.tsv"
phist --changes -H -o tsv multi-sn-later.xml multi-sS-later.xml \
    multi-sn.xml multi-sS.xml | cut -f2- >"$OLDPWD/chain.tsv"
cmp "$OLDPWD/pairs.tsv" "$OLDPWD/chain.tsv" && echo "pdiff per pair: same"
