# lab: tests/lab/lab.sh up fwkinds, then pk-fk-nft taken off the link:
#   ip -n pk-fk-nft link set eth0 down
nmap -v -n -sS -T4 --max-retries 1 --reason -p 22,80,443,8000,8081,9000 -oX fk-nftdown-sS.xml 10.77.14.2-4
