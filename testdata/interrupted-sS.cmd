# lab: tests/lab/lab.sh up multi
nmap -v -sS --max-hostgroup 1 --max-rate 100 -p 1-300 -oA testdata/interrupted-sS 10.77.2.8/29 &  # SIGINT once testdata/interrupted-sS.xml has 2 </host>
