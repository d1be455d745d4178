# lab and rules: see listen-ss.cmd
nmap -n -Pn -sS -T4 --max-retries 1 --reason -p 1-10000 -oA listen-sS 10.77.4.2
