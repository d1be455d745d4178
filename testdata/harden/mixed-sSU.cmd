nmap -sS -sU -p T:2201,8001-8003,U:53,123 -oA mixed-sSU 127.0.0.77
