# lab: tests/lab/lab.sh up fwkinds; 10.77.14.4 is nobody, so no host is up
nmap -v -n -sS -T4 --max-retries 1 --reason -p 22 -oX fk-empty-sS.xml 10.77.14.4
