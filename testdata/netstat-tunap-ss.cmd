# lab: tests/lab/lab.sh up nonstd; curl -s -o /dev/null http://10.77.4.2/ inside pk-nonstd just before (a TIME_WAIT row)
# standard output saved as testdata/netstat-tunap-ss.txt
ip netns exec pk-nonstd ss -tunap
