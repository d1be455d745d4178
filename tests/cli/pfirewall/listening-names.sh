# lsof without -P prints port names: nmap-services resolves ssh, but http
# is registered on two ports there, so the line is an error.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
ln -s "$TESTDATA" d
pfirewall --listening d/pnonstd/lsof-i.txt d/pfirewall/listen-sS.xml
