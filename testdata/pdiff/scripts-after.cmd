nmap -sC -sV -p2201,8001,8002 -oA scripts-after 127.0.0.77 127.0.0.78
