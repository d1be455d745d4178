# lab: tests/lab/lab.sh up firewall
nmap -sA -Pn --reason -T4 --max-retries 1 -p 1-1000 10.77.3.2 -oA testdata/fw-stateful-sA-1000
