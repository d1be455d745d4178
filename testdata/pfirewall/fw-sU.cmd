nmap -n -Pn -sU -T4 --max-retries 1 --reason -p 53,161,8084 -oA fw-sU 10.77.3.2-4
