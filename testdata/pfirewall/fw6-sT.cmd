# lab: tests/lab/lab.sh up firewall (the stateful host accepts ICMPv6 neighbour discovery)
# kept a run where the kernel's machine-wide ICMP rate limit let fd77:3::3's ICMPv6 errors through
nmap -6 -n -Pn -sT -T4 --max-retries 1 --reason -p 22,80,113,443,8080-8087 -oA fw6-sT fd77:3::2 fd77:3::3 fd77:3::4
