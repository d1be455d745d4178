ptop -o spec scan.xml
