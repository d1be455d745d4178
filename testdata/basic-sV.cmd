# lab: tests/lab/lab.sh up basic
nmap -sV -T4 -p 21,22,25,80,443,8080 10.77.1.2 -oA testdata/basic-sV
