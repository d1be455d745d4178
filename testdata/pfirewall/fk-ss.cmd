# lab: tests/lab/lab.sh up fwkinds
# standard output saved as testdata/pfirewall/fk-ss.txt
ip netns exec pk-fk-nosyn ss -tulnp
