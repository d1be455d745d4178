nmap -sV -p2190-2230,7990-8030 -oA local-after 127.0.0.77 127.0.0.78
