# lab: tests/lab/lab.sh up firewall (the stateful host accepts ICMPv6 neighbour discovery)
nmap -6 -n -Pn -sA -T4 --max-retries 1 --reason -p 22,80,113,443,8080-8087 -oA fw6-sA fd77:3::2 fd77:3::3 fd77:3::4
