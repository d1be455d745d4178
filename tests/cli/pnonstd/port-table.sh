# --port-table FILE over the installed table: 22/tcp without remote-access makes sshd on every interface no longer exposed; 6380/tcp as a database port makes the unnamed listener there exposed.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
printf '22/tcp\tcore,file-transfer\tssh\n6380/tcp\tdatabase\tredis\n' >mine
cd "$TESTDATA" && P -o tsv -H --port-table "$OLDPWD/mine" ss-ltn.txt
