nmap -sL 127.0.0.1-2 -oG listscan.gnmap
