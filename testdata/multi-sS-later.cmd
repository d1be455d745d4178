# lab: tests/lab/lab.sh up multi; tests/lab/lab.sh alter multi
nmap -v -sS -T4 --max-retries 1 -p 22,80,443,8080 10.77.2.8/29 -oA testdata/multi-sS-later
