# lab: tests/lab/lab.sh up nonstd
# standard output saved as testdata/ss-Htulnp.txt
ip netns exec pk-nonstd ss -Htulnp
