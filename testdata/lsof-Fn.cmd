# lab: a fresh network namespace (unshare -n), lo up, three listeners:
#   socat TCP6-LISTEN:2222,fork,reuseaddr /dev/null
#   socat -u UDP4-RECVFROM:5353,bind=127.0.0.1,fork /dev/null
#   python3: a TCP listener on 127.0.0.1:6379 with one connection to it
# lsof-F-table, lsof-F, lsof-F0, lsof-F-names, lsof-FpcLPtnT0 and
# lsof-Fn were taken one after the other, of the same sockets.
# standard output saved as testdata/lsof-Fn.txt
lsof -i -F n
