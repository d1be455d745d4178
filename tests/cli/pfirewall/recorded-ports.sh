# The lab engineer's recordings of the named ports, per port, csv.
cd "$TESTDATA" || exit 2
for h in stateful stateless none stateless6; do
	pfirewall -e -o csv fw-$h-sA.xml fw-$h-sS.xml
	echo "exit $?"
done
