nmap -v -sV -O -p 22,18080,18445 127.0.0.1 -oG service-os.gnmap
