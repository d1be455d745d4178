# lab: tests/lab/lab.sh up firewall
nmap -6 -sA -Pn --reason -T4 --max-retries 1 -p 22,80,113,443,8080-8086 fd77:3::3 -oA testdata/fw-stateless6-sA
