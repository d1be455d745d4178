# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/netstat-tulpn.txt
ip netns exec pk-nonstd netstat -tulpn
