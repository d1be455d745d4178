nmap -n -Pn -sS -T4 --max-retries 1 --reason -p 1-1000,8080-8090 -oA fw-sS 10.77.3.2-4
