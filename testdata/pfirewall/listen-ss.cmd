# lab: tests/lab/lab.sh up nonstd, then inside pk-nonstd:
#   iptables -A INPUT -p tcp --dport 6379 -j DROP
#   ip6tables -A INPUT -p tcp --dport 6380 -j REJECT --reject-with tcp-reset
# standard output saved as testdata/pfirewall/listen-ss.txt
ip netns exec pk-nonstd ss -Htulnp
