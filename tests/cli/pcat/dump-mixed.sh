# One run prints one kind of record: scans after dumps are refused (and
# the other way round), the rest is still printed, status 2.
cd "$TESTDATA" || exit 2
pcat -o list --state listen ss-ltn.txt multi-sS.xml
echo "exit $?"
pcat -o list --state open multi-sS.xml ss-ltn.txt
echo "exit $?"
pcat --hosts ss-ltn.txt
echo "exit $?"
