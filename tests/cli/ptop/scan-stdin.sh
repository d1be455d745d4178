cd "$TOP/tests/cli/ptop/data" && ptop -o tsv -n 1 - < scanC.xml
