# lab: tests/lab/lab.sh up nonstd
nmap -sV -p 22,80,2222,6379,6380,8443,8888 10.77.4.2 10.77.4.3 -oA testdata/nonstd-sV
