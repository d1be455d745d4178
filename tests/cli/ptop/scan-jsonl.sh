cd "$TOP/tests/cli/ptop/data" && ptop -o jsonl -n 2 scanA.xml scanB.xml scanC.xml
