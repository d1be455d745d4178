# lab: tests/lab/lab.sh up local; run inside netns pk-local
ip netns exec pk-local nmap -sS -p 1-1024,3306,8080 127.0.0.1 -oA testdata/localhost-sS
