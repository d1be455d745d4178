# --port-table FILE adds its lines over the installed table (8080/tcp in a
# category of the user's own); the merge of --counts by category equals
# one run; without any table --by category is an error that says what to do.
cd "$TESTDATA" || exit 2
printf '8080/tcp\tweb,lab\n' >"$OLDPWD/mine"
ptop --by category --port-table "$OLDPWD/mine" -o tsv -H multi-sS.xml
ptop --counts --by category multi-sS.xml >"$OLDPWD/a.counts"
ptop --counts --by category basic-sV.xml >"$OLDPWD/b.counts"
ptop --by category multi-sS.xml basic-sV.xml >"$OLDPWD/all"
PORTKIT_DATADIR=/nonexistent ptop --merge --by category "$OLDPWD/a.counts" "$OLDPWD/b.counts" |
    cmp - "$OLDPWD/all" && echo "merge equal"
PORTKIT_DATADIR=/nonexistent ptop --by category multi-sS.xml
echo "exit $?"
ptop --by categories multi-sS.xml
echo "exit $?"
