# lab: tests/lab/lab.sh up local; run inside netns pk-local
ip netns exec pk-local nmap -6 -sS -p 1-1024,3306,8080 ::1 -oA testdata/localhost6-sS
