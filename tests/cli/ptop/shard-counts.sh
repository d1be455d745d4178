cd "$TOP/tests/cli/ptop/data" && ptop --counts scanC.xml
