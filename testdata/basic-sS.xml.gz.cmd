# lab: none (compressed copy of basic-sS.xml)
gzip -kfn testdata/basic-sS.xml
