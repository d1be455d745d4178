# lab: tests/lab/lab.sh up basic
nmap -6 -sS -T4 --max-retries 1 -p 1-1100 fd77:1::2 -oA testdata/basic6-sS
