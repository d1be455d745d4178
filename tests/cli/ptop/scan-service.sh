cd "$TOP/tests/cli/ptop/data" && ptop --by service -o tsv scanA.xml scanB.xml scanC.xml
