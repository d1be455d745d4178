nmap -sS -v --top-ports 100 -oA multi-sS 127.0.0.76-79
