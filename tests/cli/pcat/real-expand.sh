# --expand-extraports: "1994 closed ports" become records again; count per
# state and reason, and the first few.
pcat --expand-extraports -H -o tsv -f port,state,reason "$TESTDATA/basic-sS.xml" > all.tsv
cut -f2,3 all.tsv | sort | uniq -c
head -n 3 all.tsv
