# A Markdown table for reports.
pcat -o md -f host,port,service,product,version --state open "$TESTDATA/basic-sV.xml"
