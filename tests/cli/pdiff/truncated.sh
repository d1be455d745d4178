# A truncated scan is not a scan in which hosts disappeared: the hosts
# the cut side never reached are not compared, one line on stderr counts
# them, and the exit status is 3.  interrupted-sS is resume1's command
# stopped after 2 hosts.
cd "$TESTDATA" || exit 2
pdiff resume1.xml interrupted-sS.xml
echo "exit $?"
pdiff -o tsv interrupted-sS.xml resume1.xml
echo "exit $?"
pdiff -o ndiff-xml resume1.xml interrupted-sS.xml | grep -c '<hostdiff>'
# A copy of the later scan cut after 10.77.2.11 went down: that change
# is reported; .9 and .10 (which changed too) were never reached.
awk '{ print } /<\/host>/ && ++n == 2 { exit }' multi-sS-later.xml \
    >"$OLDPWD/cut.xml"
pdiff multi-sS.xml "$OLDPWD/cut.xml" 2>"$OLDPWD/err"
echo "exit $?"
sed "s|$OLDPWD/||" "$OLDPWD/err" >&2
