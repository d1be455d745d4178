cd "$TOP/tests/cli/ptop/data" && ptop -o tsv scanA.xml scanB.xml scanC.xml
