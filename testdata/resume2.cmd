# lab: tests/lab/lab.sh up multi
# interrupted, then resumed twice
nmap -v -sS --min-hostgroup 2 --max-hostgroup 2 --max-rate 100 -p 1-150 -oA testdata/resume2 10.77.2.9-12 &  # SIGINT once testdata/resume2.xml has 2 </host>
nmap --resume testdata/resume2.gnmap
nmap --resume testdata/resume2.gnmap
