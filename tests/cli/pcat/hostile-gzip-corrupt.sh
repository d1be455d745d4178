# A gzip stream with its middle overwritten.
gzip -c "$TESTDATA/localhost-sV.xml" > good.gz
size=$(wc -c < good.gz)
{ head -c 200 good.gz; head -c 64 /dev/zero | tr '\0' 'x'; tail -c $((size - 264)) good.gz; } > bad.gz
pcat -o list bad.gz
