# lab: tests/lab/lab.sh up multi
# interrupted, then resumed once
nmap -v -sS --max-hostgroup 1 --max-rate 100 -p 1-300 -oA testdata/resume1 10.77.2.8/29 &  # SIGINT once testdata/resume1.xml has 2 </host>
nmap --resume testdata/resume1.gnmap
