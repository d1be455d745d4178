# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/lsof-iPn.txt
ip netns exec pk-nonstd lsof -i -P -n
