nmap -v -sS -sU -p T:22,18080,U:53 127.0.0.1-3 -oG verbose-multi.gnmap
