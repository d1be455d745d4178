# Products ranked over the lab's -sV scans, detected services beside them.
cd "$TESTDATA" && ptop --by product basic-sV.xml localhost-sV.xml nonstd-sV.xml localhost-sC.xml
