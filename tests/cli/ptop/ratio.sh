ptop --services "$TOP/tests/cli/ptop/data/small.services" --ratio 0.048463 -o spec
