# lab: tests/lab/lab.sh up multi; tests/lab/lab.sh alter multi
nmap -v -sn 10.77.2.8/29 -oA testdata/multi-sn-later
