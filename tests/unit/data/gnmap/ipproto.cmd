nmap -v -sO -p 1,6,17,132 127.0.0.1 -oG ipproto.gnmap
