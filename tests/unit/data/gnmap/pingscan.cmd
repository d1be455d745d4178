nmap -sn 127.0.0.1 ::1 -oG pingscan.gnmap
