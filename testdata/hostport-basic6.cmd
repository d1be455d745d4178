# lab: basic (recorded as testdata/basic6-sS.xml)
# the open ports of an existing scan as a host:port list, by pcat of commit 7cfd0e2
build/pcat -o list --state open testdata/basic6-sS.xml > testdata/hostport-basic6.txt
