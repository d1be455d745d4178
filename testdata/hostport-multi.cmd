# lab: multi (recorded as testdata/multi-sS.gnmap)
# the open ports of an existing scan as a host:port list, by pcat of commit 7cfd0e2
build/pcat -o list --state open testdata/multi-sS.gnmap > testdata/hostport-multi.txt
