# lab: tests/lab/lab.sh up firewall
nmap -sA -Pn --reason -T4 --max-retries 1 -p 1-1000 10.77.3.4 -oA testdata/fw-none-sA-1000
