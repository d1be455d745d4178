# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/ss-tulnp.txt
ip netns exec pk-nonstd ss -tulnp
