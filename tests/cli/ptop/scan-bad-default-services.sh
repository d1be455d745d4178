# Ranking scans, ptop reads the nmap-services it finds (in a second
# thread, beside the scans); one that is found but broken is an error all
# the same, and nothing is printed.
cd "$TOP/tests/cli/ptop/data" || exit 99
NMAPDIR="$TOP/tests/cli/ptop/data/baddir" ptop -o tsv scanA.xml scanB.xml \
    2>"$OLDPWD/err"
st=$?
sed "s|$TOP/||" "$OLDPWD/err" >&2
exit $st
