cd "$TOP/tests/cli/ptop/data" && ptop --per-scan -o tsv scanA.xml scanB.xml
