# lab: tests/lab/lab.sh up local; run inside netns pk-local
ip netns exec pk-local nmap -sU -p 53,123,161,1900,5353 127.0.0.1 -oA testdata/localhost-sU
