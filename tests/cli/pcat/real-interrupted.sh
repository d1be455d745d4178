# An nmap stopped with SIGINT: complete hosts, then exit 3 and a message.
cd "$TESTDATA" || exit 2
pcat -o list interrupted-sS.xml
echo "exit $?"
pcat -o list interrupted-sS.gnmap
echo "exit $?"
