# Mode 1, text table: rank order, ties in file order (53, 1000, 999, 8080).
ptop --services "$TOP/tests/cli/ptop/data/small.services" -n 20
