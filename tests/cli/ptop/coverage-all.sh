ptop --services "$TOP/tests/cli/ptop/data/small.services" --coverage 1 -o spec
