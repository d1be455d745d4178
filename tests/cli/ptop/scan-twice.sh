# Two runs glued into one file (nmap --append-output) hold the same host
# twice: ptop starts untracked (one file), finds the second run, and
# counts the file again with host tracking, so the host counts once.
cat "$TESTDATA/basic-sS.xml" "$TESTDATA/basic-sS.xml" >twice.xml
ptop -o tsv "$TESTDATA/basic-sS.xml" >once.tsv
ptop -v -o tsv twice.xml 2>err >twice.tsv
cmp once.tsv twice.tsv && head -3 twice.tsv
sed 's/, [0-9]* bytes held//;/^ptop: using/d' err
# The promise broken on purpose: every record is a host.
ptop --assume-distinct -o tsv -H twice.xml | head -1
