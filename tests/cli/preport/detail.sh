# --detail 2: the two most exposed hosts in full, the others per network,
# and the pcat command that prints them all.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
cd "$TESTDATA" && preport -o md -n 2 --services /usr/share/nmap/nmap-services \
    --tables "$TOP/data" multi-sS.xml basic-sV.xml nonstd-sV.xml |
    sed -n '/^## Hosts/,$p'
