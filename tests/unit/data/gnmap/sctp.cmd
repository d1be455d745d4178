nmap -sY -p 80,132 127.0.0.1 -oG sctp.gnmap
