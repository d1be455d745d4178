# The dump through a pipe, gzip-compressed; the scan from a file.
ln -s "$TESTDATA/pfirewall" d
gzip -c d/listen-ss.txt | pfirewall -H -o tsv --listening - d/listen-sS.xml
