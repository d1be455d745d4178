# lab and rules: see listen-ss.cmd
nmap -6 -n -Pn -sS -T4 --max-retries 1 --reason -p 1-10000 -oA listen6-sS fd77:4::2
