ptop --services "$TOP/tests/cli/ptop/data/small.services" -n 2 -o tsv -H
