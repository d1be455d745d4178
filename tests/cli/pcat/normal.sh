# Nmap normal output (-oN): ports with their scripts and the VERSION
# column split into product, version and extrainfo as -oG's version
# field is, hosts up and down, an interrupted scan (exit 3, its complete
# hosts), nmap's standard output, and errors.
p=/usr/share/nmap/nmap-service-probes
[ -r "$p" ] || { echo "SKIP: no $p"; exit 77; }
cd "$TESTDATA" || exit 2
f=file,host,port,state,service,tunnel,product,version,extrainfo,scripts
pcat -o tsv -f $f localhost-sC.nmap nonstd-sV.nmap
pcat -o tsv --hosts -f host,hostname,status,reason,mac,open_ports,ports \
    multi-sS.nmap fw-stateful-sS.nmap
pcat -o tsv -f host,port,state,reason,reason_ttl fw-stateless-sS.nmap
pcat -o list interrupted-sS.nmap
echo "exit $?"
cd "$OLDPWD" || exit 2
cat >stdout.txt <<'END'
Starting Nmap 7.93 ( https://nmap.org ) at 2026-11-23 20:21 UTC
Nmap scan report for localhost (127.0.0.1)
Host is up (0.000024s latency).
Other addresses for localhost (not scanned): ::1
Not shown: 998 closed tcp ports (reset)
PORT   STATE SERVICE
22/tcp open  ssh
80/tcp open  http

Nmap done: 1 IP address (1 host up) scanned in 0.13 seconds
END
pcat -o tsv -f host,hostname,port,state,service - <stdout.txt
echo "exit $?"
head -c 200 stdout.txt | pcat -o list -
echo "exit $?"
sed 's/^80.tcp open /80\/tcp opened/' stdout.txt | pcat -o list -
echo "exit $?"
