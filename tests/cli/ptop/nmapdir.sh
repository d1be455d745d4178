# $NMAPDIR is searched before the system directories; -v names the file.
NMAPDIR="$TOP/tests/cli/ptop/data/dir" ptop -v -n 2 -o spec 2>&1 | sed "s|$TOP/||"
