# --datadir beats $NMAPDIR.
NMAPDIR=/nonexistent ptop --datadir "$TOP/tests/cli/ptop/data/dir" -n 2 -o spec
