# sh testdata/pnonstd/lab.sh up, then:
ip netns exec pk-pnonstd lsof -i -a -p $(ip netns pids pk-pnonstd | sort -n | paste -sd, -)
