# 127.0.0.23 is in both shards: the sums would be wrong, so merge fails.
cd "$TOP/tests/cli/ptop/data" || exit 2
ptop --counts scanA.xml >"$OLDPWD/a.counts"
ptop --counts scanB.xml >"$OLDPWD/b.counts"
cd "$OLDPWD" && ptop --merge a.counts b.counts
