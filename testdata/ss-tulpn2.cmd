# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/ss-tulpn2.txt
ip netns exec pk-nonstd2 ss -tulpn
