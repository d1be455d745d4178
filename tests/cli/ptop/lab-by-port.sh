# Ports over the same -sV scans: 127.0.0.1 is in two of them and counts
# once; a port shows every service detected on it (22 is ssh on three
# hosts, http on the one that moved ssh to 80).
cd "$TESTDATA" && ptop -v basic-sV.xml localhost-sV.xml nonstd-sV.xml localhost-sC.xml 2>&1 |
    sed 's/, [0-9]* bytes held//;/^ptop: using/d'
