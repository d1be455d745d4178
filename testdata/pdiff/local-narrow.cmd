nmap -sV -p7990-8030 -oA local-narrow 127.0.0.77 127.0.0.78
