# A gzip-compressed scan is read transparently (made in the scratch dir).
gzip -c "$TOP/tests/cli/ptop/data/scanC.xml" > c.xml.gz && ptop -o tsv c.xml.gz | sed 1d
