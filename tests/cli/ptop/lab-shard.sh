# merge(counts of host-disjoint shards) == one run over all the shards,
# on the lab's -sV scans, for every key; also with --assume-distinct
# counts, which list no addresses.  localhost-sC holds 127.0.0.1 again:
# a merge refuses it rather than count it twice.
cd "$TESTDATA" || exit 2
set -- basic-sV.xml localhost-sV.xml nonstd-sV.xml
for by in port service product; do
	for d in "" --assume-distinct; do
		rm -f "$OLDPWD"/*.counts
		for f; do
			ptop --counts $d --by $by "$f" >"$OLDPWD/$f.counts"
		done
		ptop --by $by -o tsv "$@" >"$OLDPWD/all"
		ptop --merge --by $by -o tsv "$OLDPWD"/*.counts >"$OLDPWD/merged"
		cmp "$OLDPWD/all" "$OLDPWD/merged" || exit 1
		echo "by $by${d:+ $d}: $(wc -l <"$OLDPWD/all") lines, merge equal"
	done
done
echo "addr lines in --assume-distinct counts: $(grep -c '^addr' "$OLDPWD/nonstd-sV.xml.counts")"
ptop --counts localhost-sC.xml >"$OLDPWD/sC.counts"
ptop --counts localhost-sV.xml >"$OLDPWD/sV.counts"
cd "$OLDPWD" && ptop --merge sV.counts sC.counts
echo "exit $?"
# --assume-distinct trusts the shards: the overlap goes unseen and
# 127.0.0.1 counts as two hosts (80/tcp: 2 hosts, where one run says 1).
ptop --merge --assume-distinct -o tsv sV.counts sC.counts | sed -n 2p
