# lab: tests/lab/lab.sh up local; run inside netns pk-local
ip netns exec pk-local nmap -sV -p 22,80,443,631,8080 127.0.0.1 -oA testdata/localhost-sV
