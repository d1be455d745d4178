# lab and rules: see listen-ss.cmd
# standard output saved as testdata/pfirewall/listen-lsof.txt
ip netns exec pk-nonstd lsof -i -P -n
