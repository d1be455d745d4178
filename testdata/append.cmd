# lab: tests/lab/lab.sh up multi
# two runs into the same files
nmap -sS -p 22,80 -oA testdata/append 10.77.2.9
nmap --append-output -sS -p 22,80 -oA testdata/append 10.77.2.10
