# One nmap -p argument, protocols prefixed, in port order.
ptop --services "$TOP/tests/cli/ptop/data/small.services" --proto all -n 3 -o spec
