# --help
preport --help
