# masscan writes one <host> per open port: five records, one host, and
# every port counts (host tracking merges the records).
cd "$TESTDATA" || exit 2
ptop -v -o tsv masscan-basic.xml 2>&1 >"$OLDPWD/out" | sed 's/, [0-9]* bytes held//;/^ptop: using/d'
cat "$OLDPWD/out"
