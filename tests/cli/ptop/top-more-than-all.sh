# N above the number of entries gives them all, as nmap does.
ptop --services "$TOP/tests/cli/ptop/data/small.services" -n 65536 -o spec --proto udp
