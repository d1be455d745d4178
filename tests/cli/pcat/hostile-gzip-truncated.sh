# A gzip stream cut short.
gzip -c "$TESTDATA/localhost-sV.xml" > good.gz
size=$(wc -c < good.gz)
head -c $((size - 20)) good.gz > cut.gz
pcat -o list cut.gz
