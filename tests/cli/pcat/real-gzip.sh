# .gz read by content, the same records as the plain file; stdin too.
pcat -o tsv "$TESTDATA/multi-sS.xml" > plain.tsv
pcat -o tsv "$TESTDATA/multi-sS.xml.gz" > gz.tsv
pcat -o tsv - < "$TESTDATA/multi-sS.xml.gz" > stdin.tsv
cmp plain.tsv gz.tsv && cmp plain.tsv stdin.tsv && wc -l < plain.tsv
