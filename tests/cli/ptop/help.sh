ptop --help
