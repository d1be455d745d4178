# The lab engineer's recordings, one host each, 1000 ports: the summary
# of the issue ("997 ports dropped (SYN and ACK); open 22,80; rejects 113").
cd "$TESTDATA" || exit 2
for h in stateful stateless none; do
	pfirewall --hosts fw-$h-sS-1000.xml fw-$h-sA-1000.xml
	echo "exit $?"
done
