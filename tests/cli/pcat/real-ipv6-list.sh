# IPv6 hosts in list form are bracketed.
pcat -o list --state open "$TESTDATA/basic6-sS.xml"
pcat -o list --state open "$TESTDATA/localhost6-sS.gnmap"
