# lab: tests/lab/lab.sh up firewall
nmap -sS -Pn --reason -T4 --max-retries 1 -p 1-1000 10.77.3.3 -oA testdata/fw-stateless-sS-1000
