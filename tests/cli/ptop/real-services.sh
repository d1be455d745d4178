# The nmap-services the installed nmap uses; Debian's file.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
ptop --services /usr/share/nmap/nmap-services -n 10
ptop --services /usr/share/nmap/nmap-services --proto udp -n 10 -o spec
ptop --services /usr/share/nmap/nmap-services --coverage 0.9 -o tsv -H | wc -l
