# lab: tests/lab/lab.sh up fwkinds
# standard output saved as testdata/pfirewall/fk-lsof.txt
ip netns exec pk-fk-nosyn lsof -i -P -n
