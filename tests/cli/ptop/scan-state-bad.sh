ptop --state opened x.xml
