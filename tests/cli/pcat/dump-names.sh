# Dumps made without -n print port names; nmap-services resolves the
# unambiguous ones, --netdb the rest (as the system's services file says).
cd "$TESTDATA" || exit 2
pcat -H -o tsv -f proto,port,port_name ss-tul.txt
echo "exit $?"
pcat --netdb -H -o tsv -f proto,port,port_name ss-tul.txt
