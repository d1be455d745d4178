cd "$TOP/tests/cli/ptop/data" && gzip -c scanC.xml > c.xml.gz && ptop -o tsv "$PWD/c.xml.gz" | sed 1d
