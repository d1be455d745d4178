ptop --services nope.services
