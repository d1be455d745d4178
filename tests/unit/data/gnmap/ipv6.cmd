nmap -6 -p 22,80,631 ::1 -oG ipv6.gnmap
