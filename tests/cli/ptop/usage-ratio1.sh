# nmap refuses --port-ratio 1 too.
ptop --ratio 1
