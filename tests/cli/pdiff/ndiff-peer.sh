# Live comparison with Nmap's ndiff 7.93: "pdiff -o ndiff" and "-o
# ndiff-xml" must print byte for byte what ndiff prints, on every ordered
# pair of XML scans in testdata (masscan aside: pdiff merges its one-host-
# per-port records, ndiff does not; see pdiff(1) DELIBERATE DIFFERENCES)
# and on 120 generated before/after pairs.  Pairs that make ndiff raise
# are skipped.  Prints the pairs that differ; nothing when all agree.
PY=/usr/bin/python3
if ! $PY -c 'import sys; sys.path.insert(0, "/usr/lib/python3/dist-packages"); import ndiff' 2>/dev/null; then
	echo "SKIP: ndiff (python3-ndiff) not installed"
	exit 77
fi
here=$TOP/tests/cli/pdiff
$PY "$here/gen_pairs.py" . 120 4242 || exit 2
$PY "$here/ndiff_peer.py" "$BUILDDIR/pdiff" pairs $(for k in $(seq 0 119); do
	echo gen$k-a.xml gen$k-b.xml; done)
echo "generated: exit $?"
cd "$TESTDATA" || exit 2
$PY "$here/ndiff_peer.py" "$BUILDDIR/pdiff" all $(ls *.xml pdiff/*.xml |
    grep -v masscan)
echo "testdata: exit $?"
