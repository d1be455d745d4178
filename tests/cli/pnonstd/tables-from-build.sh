# Run from the build tree with nothing set, pnonstd finds its tables in
# the source tree's data/ (build/pnonstd, build/check/pnonstd).
env -u PORTKIT_DATADIR pnonstd -H -o tsv "$TESTDATA/nonstd-sV.xml" | cut -f1-3,7
echo "exit $?"
