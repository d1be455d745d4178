# sh testdata/pnonstd/lab.sh up, then:
ip netns exec pk-pnonstd ss -tunap
