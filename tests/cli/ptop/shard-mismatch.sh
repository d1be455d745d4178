cd "$TOP/tests/cli/ptop/data" || exit 2
ptop --counts scanA.xml >"$OLDPWD/a.counts"
cd "$OLDPWD" && ptop --merge --by service a.counts
