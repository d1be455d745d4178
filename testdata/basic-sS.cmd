# lab: tests/lab/lab.sh up basic
nmap -sS -T4 --max-retries 1 -p 1-2000 10.77.1.2 -oA testdata/basic-sS
