# --services names a file that is not there.
pnonstd --services /nonexistent/nmap-services --tables "$TOP/data" "$TESTDATA/pnonstd/ss-ltn.txt"
