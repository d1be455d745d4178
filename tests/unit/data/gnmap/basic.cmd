nmap -p 22,80,631 127.0.0.1 -oG basic.gnmap
