ptop --services - -n 3 -o spec < "$TOP/tests/cli/ptop/data/small.services"
