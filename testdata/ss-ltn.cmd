# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/ss-ltn.txt
ip netns exec pk-nonstd ss -ltn
