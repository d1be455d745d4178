# SYN and ACK scans read from Nmap normal output (-oN, with --reason)
# give the report their -oX files give.
cd "$TESTDATA" || exit 2
for s in fw-stateful fw-stateless fw-none; do
	pfirewall $s-sS.xml $s-sA.xml >"$OLDPWD/x"
	pfirewall $s-sS.nmap $s-sA.nmap | cmp - "$OLDPWD/x" &&
	    echo "$s: -oN as -oX"
done
