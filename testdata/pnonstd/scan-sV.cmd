# sh testdata/pnonstd/lab.sh up, then in testdata/pnonstd (root namespace):
nmap -sV -Pn -p 22,80,2222,3306,6379,6380,8888,9000,27017 -oA scan-sV 10.78.6.2
