# Argument order does not matter: the same output either way.
ln -s "$TESTDATA/pfirewall" d
pfirewall d/fw-sS.xml d/fw-sA.xml >a
echo "status $?"
pfirewall d/fw-sA.xml d/fw-sS.xml >b
cmp a b && cat a
