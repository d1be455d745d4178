# lab: tests/lab/lab.sh up firewall
nmap -sS -Pn --reason -T4 --max-retries 1 -p 22,80,113,443,8080-8086 10.77.3.4 -oA testdata/fw-none-sS
