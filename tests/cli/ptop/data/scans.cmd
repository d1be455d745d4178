# scanA.* and scanB.*: nmap 7.93 on this machine, against socat listeners
# bound to 127.0.0.21-24 (http replies on 80, 8080, 443; an SSH banner on
# 22 and 2222), run as root:
nmap -sS -sV -Pn -n -p 22,80,443,2222,8080 -oA scanA 127.0.0.21-23
nmap -sS -sV -Pn -n -p 22,80,443,2222,8080 -oA scanB 127.0.0.23-24
nmap -sS -sV -Pn -n -p 22,80,443,2222,8080 -oA scanC 127.0.0.25-26
# 127.0.0.23 is in both scans (its detected services differ between runs).
# scanA-cut.xml: scanA.xml cut in the middle of the third host:
#   head -c $(( $(grep -b -o '<host ' scanA.xml | sed -n 3p | cut -d: -f1) + 200 )) scanA.xml
