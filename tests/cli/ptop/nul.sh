cd "$TOP/tests/cli/ptop/data" && ptop --services nul.services
