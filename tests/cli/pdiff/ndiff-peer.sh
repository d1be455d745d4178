# Live comparison with Nmap's ndiff 7.93: "pdiff -o ndiff" and "-o
# ndiff-xml" must print byte for byte what ndiff prints, on every ordered
# pair of XML scans in testdata (masscan aside: pdiff merges its one-host-
# per-port records, ndiff does not; see pdiff(1) DELIBERATE DIFFERENCES)
# and on 120 generated before/after pairs.  Pairs that make ndiff raise
# are skipped.  Prints the pairs that differ; nothing when all agree.
# make check-full (PK_EXHAUSTIVE=1) compares all of them; make check the
# testdata pairs tests/sample.sh picks (a scan with itself, its related
# scans and some unrelated ones) and every 3rd generated pair, 40 of the
# same 120: they are independent draws of one seeded generator, whose
# every kind of change comes up in many of them.  A pair costs two (four
# for a generated one, both ways) pdiff runs under ASan.
. "$TOP/tests/sample.sh"
PY=/usr/bin/python3
if ! $PY -c 'import sys; sys.path.insert(0, "/usr/lib/python3/dist-packages"); import ndiff' 2>/dev/null; then
	echo "SKIP: ndiff (python3-ndiff) not installed"
	exit 77
fi
here=$TOP/tests/cli/pdiff
$PY "$here/gen_pairs.py" . 120 4242 || exit 2
step=3
pk_exhaustive && step=1
$PY "$here/ndiff_peer.py" "$BUILDDIR/pdiff" pairs $(for k in $(seq 0 $step 119); do
	echo gen$k-a.xml gen$k-b.xml; done)
echo "generated: exit $?"
# ndiff keys hosts on address and first hostname: a host whose PTR name
# changed, and one that went down (nmap drops a down host's name), are
# two hosts for ndiff, and so for -o ndiff.
sed 's/name="localhost" type="PTR"/name="lh.pk.test" type="PTR"/' \
    "$TESTDATA/localhost-sS.xml" >renamed.xml
sed -e 's/<status state="up" reason="localhost-response"/<status state="down" reason="no-response"/' \
    -e '/<hostnames>/,/<\/hostnames>/d' -e '/<ports>/,/<\/ports>/d' \
    "$TESTDATA/localhost-sS.xml" >down.xml
$PY "$here/ndiff_peer.py" "$BUILDDIR/pdiff" pairs \
    "$TESTDATA/localhost-sS.xml" renamed.xml \
    "$TESTDATA/localhost-sS.xml" down.xml renamed.xml down.xml
echo "up, down, renamed: exit $?"
# ndiff says on stderr that it skips a <script> without output (as in
# script-no-output.xml); pdiff agrees with what it prints.
err=$PWD/ndiff.err
cd "$TESTDATA" || exit 2
$PY "$here/ndiff_peer.py" "$BUILDDIR/pdiff" each $(pk_pairs $(ls *.xml pdiff/*.xml |
    grep -v masscan)) 2>"$err"
echo "testdata: exit $?"
grep -v '^script element missing the "output" attribute; skipping\.$' "$err" >&2 || :
