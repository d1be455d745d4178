# lab: tests/lab/lab.sh up local; run inside netns pk-local
ip netns exec pk-local nmap -sV --script default,ipidseq -p 80,443 127.0.0.1 -oA testdata/localhost-sC
