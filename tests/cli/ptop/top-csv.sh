ptop --services "$TOP/tests/cli/ptop/data/small.services" -n 4 -o csv
