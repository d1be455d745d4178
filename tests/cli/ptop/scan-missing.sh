# A missing scan is trouble (2); the others are still counted.
cd "$TOP/tests/cli/ptop/data" && ptop -o tsv scanC.xml nope.xml
