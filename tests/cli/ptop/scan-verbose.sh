cd "$TOP/tests/cli/ptop/data" && ptop -v --services small.services -o tsv scanA.xml scanB.xml
