# Standard input, gzip-compressed; grepable and masscan inputs beside it.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
cd "$TESTDATA" && gzip -c basic-sV.xml |
    preport -o md --services /usr/share/nmap/nmap-services \
    --tables "$TOP/data" - basic-sS.gnmap masscan-basic.xml |
    sed -n '1,/^## Services/p'
