# A scan as nmap 7.80 wrote it (constructed, see testdata/nmap780-*.cmd)
# against the 7.93 file it was made from: no <hosthint>, no port lists on
# <extrareasons>, plural reasons; the same hosts and ports, no change.
cd "$TESTDATA" || exit 2
pdiff basic-sS.xml nmap780-basic-sS.xml
echo "exit $?"
pdiff nmap780-multi-sS.xml multi-sS-later.xml
echo "exit $?"
