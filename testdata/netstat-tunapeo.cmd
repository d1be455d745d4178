# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/netstat-tunapeo.txt
ip netns exec pk-nonstd netstat -tunapeo
