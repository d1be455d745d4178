ptop --version
