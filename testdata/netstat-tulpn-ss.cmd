# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/netstat-tulpn-ss.txt
ip netns exec pk-nonstd ss -tulnp
