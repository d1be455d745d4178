# The fewest ports whose frequencies add up to half the tcp mass.
ptop --services "$TOP/tests/cli/ptop/data/small.services" --coverage 0.5 -o tsv
