# --ratio 0 keeps every entry, zero frequencies included (nmap --port-ratio 0).
ptop --services "$TOP/tests/cli/ptop/data/small.services" --ratio 0 -o spec --proto all
