pfirewall --version
