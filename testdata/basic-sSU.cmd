# lab: tests/lab/lab.sh up basic
nmap -sS -sU -T4 --max-retries 1 -p T:21,22,80,135,U:53,161,162 10.77.1.2 -oA testdata/basic-sSU
