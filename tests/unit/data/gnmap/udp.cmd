nmap -sU -p 53,123,161 127.0.0.1 -oG udp.gnmap
