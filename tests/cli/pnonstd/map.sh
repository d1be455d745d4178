# --map adds a pattern (overriding the table): "my app" serves http; "-" ignores nginx.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
D=$TESTDATA/pnonstd
printf "^my app\thttp\n^nginx\$\t-\n" >my.map
cd "$D" && P --map "$OLDPWD/my.map" -o tsv -H ss-tulnp.txt
