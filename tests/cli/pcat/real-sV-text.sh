# A real -sV scan of the basic lab, default text table.
pcat "$TESTDATA/basic-sV.xml"
