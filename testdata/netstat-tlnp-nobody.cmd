# lab: tests/lab/lab.sh up nonstd; standard error too (2>&1)
# standard output saved as testdata/netstat-tlnp-nobody.txt
ip netns exec pk-nonstd sh -c 'runuser -u nobody -- netstat -tlnp 2>&1'
