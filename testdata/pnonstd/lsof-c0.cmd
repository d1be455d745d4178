# sh testdata/pnonstd/lab.sh up, then:
ip netns exec pk-pnonstd lsof +c 0 -i -P -n -a -p $(ip netns pids pk-pnonstd | sort -n | paste -sd, -)
