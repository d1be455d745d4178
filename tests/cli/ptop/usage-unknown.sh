ptop --bogus
