ptop --proto icmp
