# A malformed nmap-services: the error names the file, line and what is wrong.
printf 'http\t80/tcp\t0.5\nssh\t99999/tcp\t0.1\n' >nmap-services
pnonstd --services nmap-services --tables "$TOP/data" "$TESTDATA/pnonstd/ss-ltn.txt"
