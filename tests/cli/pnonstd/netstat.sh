# pnonstd on net-tools netstat dumps of the nonstd lab: the same findings
# as on ss (lab-ss), netstat's "::" read as "*"; as nobody netstat names
# no process, so listeners are judged by port alone, and pnonstd says so
# once on stderr.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
P() { pnonstd --services /usr/share/nmap/nmap-services --tables "$TOP/data" "$@"; }
cd "$TESTDATA" || exit 2
P --unknown -o tsv -H netstat-tulpn.txt netstat-tunapeo.txt
echo "exit $?"
P netstat-tlnp-nobody.txt
echo "exit $?"
P --netdb netstat-tulpe.txt
