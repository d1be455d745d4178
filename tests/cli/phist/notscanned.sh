# What a scan says of a port it did not list.  basic-sS probed 1-2000
# (closed ones folded with their port lists); basic-sSU also UDP; masscan
# XML records no port set, so a port of a host it reached that it does
# not list has no state; masscan -oG lists the ports it probed (22, 80,
# 443, 3306, 9999), so 21 and 25 are not probed there; masscan's records
# (one a port) join into one host.
cd "$TESTDATA" || exit 2
phist -o tsv masscan-basic.gnmap basic-sSU.xml masscan-basic.xml \
    basic-sS.xml
echo "exit $?"
