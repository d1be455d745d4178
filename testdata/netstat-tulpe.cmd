# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/netstat-tulpe.txt
ip netns exec pk-nonstd netstat -tulpe
