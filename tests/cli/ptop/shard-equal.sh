# merge(counts of host-disjoint shards) == one run over all inputs, in
# every output format and key.
cd "$TOP/tests/cli/ptop/data" || exit 2
for by in port service; do
	ptop --counts --by $by scanA.xml >"$OLDPWD/a.counts"
	ptop --counts --by $by scanC.xml | gzip >"$OLDPWD/c.counts.gz"
	for o in text tsv jsonl; do
		ptop --by $by -o $o scanA.xml scanC.xml >"$OLDPWD/all"
		ptop --merge --by $by -o $o "$OLDPWD/a.counts" "$OLDPWD/c.counts.gz" >"$OLDPWD/merged"
		cmp "$OLDPWD/all" "$OLDPWD/merged" || exit 1
		[ -s "$OLDPWD/all" ] || exit 1
	done
done
echo same
