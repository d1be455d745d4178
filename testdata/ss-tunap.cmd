# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/ss-tunap.txt
ip netns exec pk-nonstd ss -tunap
