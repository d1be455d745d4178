nmap -O 127.0.0.1 -oG ignored.gnmap
