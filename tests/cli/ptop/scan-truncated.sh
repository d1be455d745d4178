# A cut scan: the complete hosts are counted, the exit status is 3.
cd "$TOP/tests/cli/ptop/data" && ptop -o tsv scanA-cut.xml
