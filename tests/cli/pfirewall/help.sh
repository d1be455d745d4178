pfirewall --help
