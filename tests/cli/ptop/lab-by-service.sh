# Services ranked over the lab's -sV scans (basic, nonstd: two hosts,
# localhost twice: -sV and -sC of 127.0.0.1, one host, its records merged).
cd "$TESTDATA" && ptop --by service -o tsv basic-sV.xml localhost-sV.xml nonstd-sV.xml localhost-sC.xml
