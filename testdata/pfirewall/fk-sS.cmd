# lab: tests/lab/lab.sh up fwkinds (10.77.14.4 is nobody: down)
nmap -v -n -sS -T4 --max-retries 1 --reason -p 22,80,443,8000,8081,9000 -oA fk-sS 10.77.14.2-4
