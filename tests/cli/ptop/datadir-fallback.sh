# A --datadir without nmap-services falls through to the next places, as in nmap.
ptop --datadir /nonexistent -n 2
