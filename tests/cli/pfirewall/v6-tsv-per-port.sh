ln -s "$TESTDATA/pfirewall" d
pfirewall -e -o tsv d/fw6-sT.xml d/fw6-sA.xml
