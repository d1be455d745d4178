# --datadir: nmap-services is looked for there first; a bad one found there is named by its path.
mkdir nd
printf 'ssh\t22/tcp\t0.5\nbad line\n' >nd/nmap-services
pnonstd --datadir nd --tables "$TOP/data" "$TESTDATA/pnonstd/ss-ltn.txt"
