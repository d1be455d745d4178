# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/lsof-i.txt
ip netns exec pk-nonstd lsof -i
