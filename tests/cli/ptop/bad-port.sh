cd "$TOP/tests/cli/ptop/data" && ptop --services bad-port.services
