gzip -9n < basic.gnmap > basic.gnmap.gz
