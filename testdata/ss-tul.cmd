# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/ss-tul.txt
ip netns exec pk-nonstd ss -tul
