ptop -n 0
