# A netstat dump where a scan belongs is named as such (and pointed to
# --listening); ptop says the same in its words.
cd "$TESTDATA" || exit 2
pfirewall netstat-tulpn.txt nonstd-sV.xml
echo "exit $?"
ptop netstat-tulpn.txt
