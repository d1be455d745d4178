# Every protocol, each ranked on its own; sctp has no frequency mass.
ptop --services "$TOP/tests/cli/ptop/data/small.services" --proto all -n 3 -o tsv
