ptop -n 10 --ratio 0.1
