# The tie at 0.048463: 53 comes first in the file, then 1000, 999, 8080.
ptop --services "$TOP/tests/cli/ptop/data/small.services" -n 8 -o spec
