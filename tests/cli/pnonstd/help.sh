# --help
pnonstd --help
