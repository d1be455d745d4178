ptop --counts --merge a b
