ptop --services "$TOP/tests/cli/ptop/data/small.services.gz" -n 3 -o spec
