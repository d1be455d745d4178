pfirewall --bogus
