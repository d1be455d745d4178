# A changed port set too long for one line is summarised in the text
# report: counts and the first ranges added and removed (the records
# keep the whole lists).  A short one stays on its line.
pdiff "$TESTDATA/pdiff/local-before.xml" "$TESTDATA/harden/multi-sS.xml" |
    sed -n '1,3p'
pdiff "$TESTDATA/harden/multi-sS.xml" "$TESTDATA/localhost-sS.xml" |
    sed -n '1,3p'
pdiff -o tsv "$TESTDATA/harden/multi-sS.xml" "$TESTDATA/localhost-sS.xml" |
    sed -n '2p' | cut -c 1-60
pdiff "$TESTDATA/pdiff/local-before.xml" "$TESTDATA/pdiff/local-narrow.xml" |
    sed -n '1p'
