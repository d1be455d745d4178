# lab: tests/lab/lab.sh up nonstd
nmap -6 -sV -p 22,80,6380,8000,8443 fd77:4::2 fd77:4::3 -oA testdata/nonstd6-sV
