cd "$TOP/tests/cli/ptop/data" && ptop --services bad-nan.services
