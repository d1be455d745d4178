# lab: tests/lab/lab.sh up basic
nmap -O -T4 -p 22,80,81 10.77.1.2 -oA testdata/basic-O
