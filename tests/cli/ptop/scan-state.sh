# closed ports, on the 5 up hosts of scanA and scanC.
cd "$TOP/tests/cli/ptop/data" && ptop --state closed -o tsv scanA.xml scanC.xml
