nmap -n -Pn -sA -T4 --max-retries 1 --reason -p 1-1000,8080-8090 -oA fw-sA 10.77.3.2-4
